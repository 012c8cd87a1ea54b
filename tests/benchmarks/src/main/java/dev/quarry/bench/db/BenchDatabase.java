package dev.quarry.bench.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * A fresh database holding the benchmark schema, on HSQLDB (in memory) or on the embedded
 * PostgreSQL server, with a HikariCP pool of two connections that the floor and Hibernate share.
 */
public final class BenchDatabase implements AutoCloseable {
    private static final int POOL_SIZE = 2;

    private final Engine engine;
    private final String url;
    private final HikariDataSource pool;
    private final Jdbi jdbi;

    private BenchDatabase(Engine engine, String url) {
        this.engine = engine;
        this.url = url;
        this.pool = pool(url);
        this.jdbi = Jdbi.create(pool);
    }

    /** A new, empty database with the schema. */
    public static BenchDatabase create(Engine engine) {
        String name = "bench_" + UUID.randomUUID().toString().replace("-", "");
        BenchDatabase database = new BenchDatabase(engine, engine == Engine.HSQLDB
                ? "jdbc:hsqldb:mem:" + name
                : createPostgresDatabase(name));
        database.jdbi.useHandle(handle -> handle.createScript(resource("/bench-schema.sql")).execute());
        return database;
    }

    public Engine engine() {
        return engine;
    }

    /** The JDBC URL, credentials included. */
    public String url() {
        return url;
    }

    /** The shared connection pool. */
    public DataSource pool() {
        return pool;
    }

    /** A JDBI instance over the pool, for seeding and for checks independent of the three peers. */
    public Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public void close() {
        if (engine == Engine.HSQLDB) {
            jdbi.useHandle(handle -> handle.execute("SHUTDOWN"));
        }
        pool.close();
    }

    private static String createPostgresDatabase(String name) {
        Jdbi.create(EmbeddedPostgresServer.url("postgres")).useHandle(h -> h.execute("CREATE DATABASE \"" + name + "\""));
        return EmbeddedPostgresServer.url(name);
    }

    private static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(POOL_SIZE);
        config.setPoolName("bench");
        return new HikariDataSource(config);
    }

    private static String resource(String name) {
        try (InputStream in = BenchDatabase.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
