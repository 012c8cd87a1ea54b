package dev.quarry.inject;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.quarry.sql.CannotConnectException;
import java.util.concurrent.atomic.AtomicInteger;

/** Opens the HikariCP pool Quarry's database runs on. */
final class ConnectionPool {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private ConnectionPool() {}

    static HikariDataSource open(QuarryConfig config, PoolSettings settings) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.url());
        hikari.setUsername(config.username());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(settings.maximumSize());
        hikari.setMinimumIdle(settings.minimumIdle());
        hikari.setConnectionTimeout(settings.connectionTimeout().toMillis());
        hikari.setIdleTimeout(settings.idleTimeout().toMillis());
        hikari.setMaxLifetime(settings.maxLifetime().toMillis());
        // Numbered: an application (or a test suite) may build several injectors in one JVM.
        hikari.setPoolName("quarry-" + POOLS.incrementAndGet());
        try {
            return new HikariDataSource(hikari);
        } catch (HikariPool.PoolInitializationException e) {
            throw new CannotConnectException(config.url(), e);
        }
    }
}
