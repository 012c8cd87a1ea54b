package dev.quarry.it.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.Entities;
import dev.quarry.inject.PoolSettings;
import dev.quarry.inject.QuarryConfig;
import dev.quarry.inject.QuarryModule;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.sql.CannotConnectException;
import dev.quarry.sql.Database;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Quarry pools its connections with HikariCP, configured from the same settings as the URL. */
class ConnectionPoolIT extends DatabaseTest {

    private HikariDataSource pool() {
        return (HikariDataSource) injector.getInstance(DataSource.class);
    }

    @Test
    void theModulePoolsConnectionsWithTheConfiguredSettings() {
        assertEquals(4, pool().getMaximumPoolSize());
        assertEquals(0, pool().getMinimumIdle());
        assertEquals(url, pool().getJdbcUrl());
    }

    @Test
    void poolSettingsComeFromTheSamePropertiesAsTheUrl() {
        Properties properties = new Properties();
        properties.setProperty("quarry.url", url);
        properties.setProperty("quarry.pool.maximumSize", "3");
        properties.setProperty("quarry.pool.connectionTimeout", "1500");
        Injector configured = Guice.createInjector(new QuarryModule(QuarryConfig.fromProperties(properties)));
        HikariDataSource dataSource = (HikariDataSource) configured.getInstance(DataSource.class);
        try {
            assertEquals(3, dataSource.getMaximumPoolSize());
            assertEquals(3, dataSource.getMinimumIdle(), "a fixed-size pool, as HikariCP recommends");
            assertEquals(1500, dataSource.getConnectionTimeout());
            assertEquals(1, configured.getInstance(Entities.class).get(User.class).where("id", ">", 0).count() + 1);
        } finally {
            configured.getInstance(Database.class).close();
        }
    }

    @Test
    void consecutiveStatementsReuseOnePooledConnection() {
        for (int i = 0; i < 20; i++) {
            entities.get(User.class).count();
        }

        assertEquals(1, pool().getHikariPoolMXBean().getTotalConnections());
    }

    @Test
    void aTransactionHoldsOneConnectionForAllItsStatements() {
        int active = entities.transaction(() -> {
            entities.get(User.class).create(java.util.Map.of("email", "ada@example.com"));
            entities.get(User.class).count();
            return pool().getHikariPoolMXBean().getActiveConnections();
        });

        assertEquals(1, active);
        assertEquals(0, pool().getHikariPoolMXBean().getActiveConnections(), "returned to the pool after commit");
    }

    @Test
    void closingTheDatabaseClosesThePoolAndLaterStatementsCannotConnect() {
        Injector own = Guice.createInjector(QuarryModule.builder().url(url).build());
        Database database = own.getInstance(Database.class);
        own.getInstance(Entities.class).get(User.class).count();

        database.close();

        assertTrue(((HikariDataSource) own.getInstance(DataSource.class)).isClosed());
        assertThrows(CannotConnectException.class, () -> own.getInstance(Entities.class).get(User.class).count());
    }

    @Test
    void anExhaustedPoolFailsWithCannotConnectAfterTheConnectionTimeout() {
        Injector small = Guice.createInjector(QuarryModule.builder().url(url)
                .pool(PoolSettings.defaults().maximumSize(1).connectionTimeout(Duration.ofMillis(250))).build());
        Database database = small.getInstance(Database.class);
        try (var held = database.jdbi().open()) {
            CannotConnectException e = assertThrows(CannotConnectException.class,
                    () -> small.getInstance(Entities.class).get(User.class).count());
            assertTrue(e.getMessage().contains("raise PoolSettings#maximumSize"), e.getMessage());
        } finally {
            database.close();
        }
    }

    @Test
    void withoutPoolEachUseOpensItsOwnConnection() {
        Injector unpooled = Guice.createInjector(QuarryModule.builder().url(url).withoutPool().build());

        assertFalse(unpooled.getInstance(DataSource.class) instanceof HikariDataSource);
        assertEquals(0, unpooled.getInstance(Entities.class).get(User.class).count());
    }

    @Test
    void anUnreachableServerFailsWithCannotConnectAndMasksThePassword() {
        Injector unreachable = Guice.createInjector(QuarryModule.builder()
                .url("jdbc:postgresql://127.0.0.1:1/app?user=app&password=s3cret")
                .pool(PoolSettings.defaults().connectionTimeout(Duration.ofMillis(250))).build());

        ProvisionException e = assertThrows(ProvisionException.class, () -> unreachable.getInstance(Entities.class)
                .get(User.class).count());

        CannotConnectException cause = assertInstanceOf(CannotConnectException.class, e.getCause());
        assertTrue(cause.getMessage().contains("jdbc:postgresql://127.0.0.1:1/app?user=app&password=****"), cause.getMessage());
        assertFalse(cause.getMessage().contains("s3cret"), cause.getMessage());
    }
}
