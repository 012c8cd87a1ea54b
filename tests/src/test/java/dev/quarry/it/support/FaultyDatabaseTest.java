package dev.quarry.it.support;

import com.google.inject.Module;
import com.google.inject.util.Modules;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.inject.QuarryModule;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleListener;
import org.jdbi.v3.core.Handles;
import org.junit.jupiter.api.BeforeEach;

/**
 * A {@link DatabaseTest} whose Quarry runs on a HikariCP pool over a {@link FaultInjector}: the
 * pool gets its connections from the injector as it would from a driver, so a test can make any
 * statement fail, drop its connection or lose its server process, and then ask the pool how many
 * connections are still in use and JDBI how many handles are still open.
 *
 * <p>The pool replaces Quarry's own with Guice's {@code Modules.override} of the
 * {@code DataSource} binding: everything above it (JDBI, the database, the entities) is Quarry's
 * as an application gets it.
 */
public abstract class FaultyDatabaseTest extends DatabaseTest {
    protected FaultInjector faults;
    protected HikariDataSource pool;
    private final AtomicInteger openHandles = new AtomicInteger();

    @Override
    protected Module module(QuarryModule.Builder builder) {
        faults = new FaultInjector(builder.config().url());
        HikariConfig config = new HikariConfig();
        config.setDataSource(faults);
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setPoolName("faults-" + getClass().getSimpleName());
        pool = new HikariDataSource(config);
        return Modules.override(builder.build()).with(binder -> binder.bind(DataSource.class).toInstance(pool));
    }

    @BeforeEach
    void countHandles() {
        jdbi.getConfig(Handles.class).addListener(new HandleListener() {
            @Override
            public void handleCreated(Handle handle) {
                openHandles.incrementAndGet();
            }

            @Override
            public void handleClosed(Handle handle) {
                openHandles.decrementAndGet();
            }
        });
    }

    /** Pooled connections in use right now: zero whenever no Quarry call is running. */
    protected int activeConnections() {
        return pool.getHikariPoolMXBean().getActiveConnections();
    }

    /** JDBI handles opened since the test began and not closed yet. */
    protected int openHandles() {
        return openHandles.get();
    }
}
