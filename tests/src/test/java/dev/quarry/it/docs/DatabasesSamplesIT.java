package dev.quarry.it.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.Entities;
import dev.quarry.inject.PoolSettings;
import dev.quarry.inject.QuarryConfig;
import dev.quarry.inject.QuarryModule;
import dev.quarry.it.model.Country;
import dev.quarry.it.model.User;
import dev.quarry.it.support.TestDatabases;
import dev.quarry.migration.Migrations;
import dev.quarry.sql.Database;
import dev.quarry.sql.dialect.Dialect;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs the samples of docs/databases.md, each on a new, empty database that its migrations set up. */
class DatabasesSamplesIT {
    private final String url = TestDatabases.createEmpty("DatabasesSamplesIT");
    private Injector started;

    @AfterEach
    void stop() {
        if (started != null) {
            started.getInstance(Database.class).close();
        }
        TestDatabases.drop(url);
    }

    @Test
    void choosingOne() {
        String secret = "not used: no connection is opened before the first statement";
        // snippet:start databases-choosing
        // The default: an in-memory HSQLDB database
        Injector inMemory = Guice.createInjector(new QuarryModule());

        // HSQLDB in a file
        Injector inAFile = Guice.createInjector(QuarryModule.builder().url("jdbc:hsqldb:file:data/app").build());

        // PostgreSQL (the driver is in the Quarry jar's dependencies)
        Injector postgres = Guice.createInjector(QuarryModule.builder()
                .url("jdbc:postgresql://localhost:5432/app")
                .credentials("app", secret)
                .build());
        // snippet:end

        assertEquals("jdbc:hsqldb:mem:quarry", inMemory.getInstance(QuarryConfig.class).url());
        assertEquals("jdbc:hsqldb:file:data/app", inAFile.getInstance(QuarryConfig.class).url());
        assertEquals("app", postgres.getInstance(QuarryConfig.class).username());
        assertEquals("PostgresDialect", postgres.getInstance(Dialect.class).getClass().getSimpleName());
        assertEquals("HsqldbDialect", inAFile.getInstance(Dialect.class).getClass().getSimpleName());
        assertTrue(isDriverPresent("org.postgresql.Driver"), "the PostgreSQL driver comes with Quarry");
    }

    private static boolean isDriverPresent(String name) {
        try {
            Class.forName(name);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Test
    void settingsFromProperties() {
        // snippet:start databases-properties
        Properties properties = new Properties();   // usually properties.load(...) from the app's settings file
        properties.setProperty("quarry.url", url);
        properties.setProperty("quarry.migrations", "classpath:db/migration");
        properties.setProperty("quarry.pool.maximumSize", "20");
        Injector injector = Guice.createInjector(new QuarryModule(QuarryConfig.fromProperties(properties)));
        // snippet:end
        started = injector;

        assertEquals(20, ((HikariDataSource) injector.getInstance(DataSource.class)).getMaximumPoolSize());
        assertEquals(0, injector.getInstance(Entities.class).get(User.class).count(), "migrated: the table exists");
    }

    @Test
    void connectionPooling() {
        // snippet:start databases-pool
        Injector injector = Guice.createInjector(QuarryModule.builder()
                .url(url)
                .pool(PoolSettings.defaults().maximumSize(4).connectionTimeout(Duration.ofSeconds(5)))
                .build());

        Database database = injector.getInstance(Database.class);
        // ... the application runs ...
        database.close();   // at shutdown: closes every pooled connection
        // snippet:end

        assertTrue(((HikariDataSource) injector.getInstance(DataSource.class)).isClosed());
        assertEquals(4, ((HikariDataSource) injector.getInstance(DataSource.class)).getMaximumPoolSize());
    }

    @Test
    void migrations() {
        // snippet:start databases-migrations
        Injector injector = Guice.createInjector(QuarryModule.builder()
                .url(url)
                .migrations("classpath:db/migration")
                .build());
        // snippet:end
        started = injector;

        User ada = injector.getInstance(Entities.class).get(User.class).create(Map.of("email", "ada@example.com"));
        assertEquals("ada@example.com", injector.getInstance(Entities.class).get(User.class).findOrFail(ada.getId()).getEmail());

        // snippet:start databases-pending
        Migrations migrations = injector.getInstance(Migrations.class);
        List<Migrations.AppliedMigration> pending = migrations.pending();   // [] once the injector has started
        // snippet:end
        assertEquals(List.of(), pending);
    }

    @Test
    void upsertFromTheCrudPage() {
        started = Guice.createInjector(QuarryModule.builder().url(url).migrations("classpath:db/migration").build());
        Entities entities = started.getInstance(Entities.class);
        entities.get(Country.class).create(Map.of("code", "NL", "name", "Holland"));

        // snippet:start crud-upsert
        int written = entities.get(Country.class).upsert(List.of(
                Map.of("code", "NL", "name", "Netherlands"),
                Map.of("code", "BE", "name", "Belgium")), List.of("code"), List.of("name"));
        // snippet:end

        assertEquals(2, written);
        assertEquals("Netherlands", entities.get(Country.class).findOrFail("NL").getName());
        assertEquals(2, entities.get(Country.class).count());
    }

    @Test
    void thePivotTableSampleMatchesTheTestSchema() {
        String sql = DocPage.codeBlocks(DocPage.read("databases.md"), "sql").get(0);
        String schema = TestDatabases.schemaScript();

        assertTrue(schema.contains(sql.strip()),
                "the documented pivot table is the one the suite migrates:\n" + sql);
    }
}
