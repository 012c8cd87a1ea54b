package dev.quarry.inject;

import java.time.Duration;
import java.util.Objects;

/**
 * How Quarry pools its database connections (HikariCP underneath). Immutable: every method
 * returns a new instance.
 *
 * <pre>{@code
 * QuarryModule.builder()
 *         .url("jdbc:postgresql://db.internal/app")
 *         .credentials("app", secret)
 *         .pool(PoolSettings.defaults().maximumSize(20).connectionTimeout(Duration.ofSeconds(5)))
 *         .build();
 * }</pre>
 *
 * <p>The same settings come from properties with {@link QuarryConfig#fromProperties}:
 * {@code quarry.pool.maximumSize}, {@code quarry.pool.minimumIdle}, {@code quarry.pool.connectionTimeout},
 * {@code quarry.pool.idleTimeout}, {@code quarry.pool.maxLifetime} (durations in milliseconds) and
 * {@code quarry.pool.enabled=false} to connect without a pool.
 */
public final class PoolSettings {
    private static final PoolSettings DEFAULTS = new PoolSettings(10, 10, Duration.ofSeconds(30),
            Duration.ofMinutes(10), Duration.ofMinutes(30));

    private final int maximumSize;
    private final int minimumIdle;
    private final Duration connectionTimeout;
    private final Duration idleTimeout;
    private final Duration maxLifetime;

    private PoolSettings(int maximumSize, int minimumIdle, Duration connectionTimeout, Duration idleTimeout,
                         Duration maxLifetime) {
        this.maximumSize = maximumSize;
        this.minimumIdle = minimumIdle;
        this.connectionTimeout = connectionTimeout;
        this.idleTimeout = idleTimeout;
        this.maxLifetime = maxLifetime;
    }

    /**
     * HikariCP's recommended shape: a fixed pool of 10 connections, a 30 second wait for a free
     * connection, and connections retired after 30 minutes.
     */
    public static PoolSettings defaults() {
        return DEFAULTS;
    }

    /** The most connections the pool opens (at least 1). A fixed-size pool stays fixed at the new size. */
    public PoolSettings maximumSize(int connections) {
        require(connections >= 1, "quarry.pool.maximumSize", connections, "at least 1");
        int idle = minimumIdle == maximumSize ? connections : Math.min(minimumIdle, connections);
        return new PoolSettings(connections, idle, connectionTimeout, idleTimeout, maxLifetime);
    }

    /** How many idle connections the pool keeps open (0 to {@link #maximumSize()}). */
    public PoolSettings minimumIdle(int connections) {
        require(connections >= 0 && connections <= maximumSize, "quarry.pool.minimumIdle", connections,
                "between 0 and the maximum size, " + maximumSize);
        return new PoolSettings(maximumSize, connections, connectionTimeout, idleTimeout, maxLifetime);
    }

    /** How long a caller waits for a free connection before Quarry reports the pool exhausted (at least 250 ms). */
    public PoolSettings connectionTimeout(Duration timeout) {
        require(timeout.toMillis() >= 250, "quarry.pool.connectionTimeout", timeout.toMillis(), "at least 250 ms");
        return new PoolSettings(maximumSize, minimumIdle, timeout, idleTimeout, maxLifetime);
    }

    /** How long a connection above {@link #minimumIdle()} may sit idle before it is closed. */
    public PoolSettings idleTimeout(Duration timeout) {
        require(!timeout.isNegative(), "quarry.pool.idleTimeout", timeout.toMillis(), "zero or more");
        return new PoolSettings(maximumSize, minimumIdle, connectionTimeout, timeout, maxLifetime);
    }

    /** How long a connection lives before the pool replaces it (at least 30 s, or 0 for no limit). */
    public PoolSettings maxLifetime(Duration lifetime) {
        require(lifetime.isZero() || lifetime.toSeconds() >= 30, "quarry.pool.maxLifetime", lifetime.toMillis(),
                "0 or at least 30000 ms");
        return new PoolSettings(maximumSize, minimumIdle, connectionTimeout, idleTimeout, lifetime);
    }

    public int maximumSize() {
        return maximumSize;
    }

    public int minimumIdle() {
        return minimumIdle;
    }

    public Duration connectionTimeout() {
        return connectionTimeout;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public Duration maxLifetime() {
        return maxLifetime;
    }

    private static void require(boolean valid, String setting, long value, String expected) {
        if (!valid) {
            throw new InvalidConfigurationException(setting, String.valueOf(value), expected);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PoolSettings that && maximumSize == that.maximumSize && minimumIdle == that.minimumIdle
                && connectionTimeout.equals(that.connectionTimeout) && idleTimeout.equals(that.idleTimeout)
                && maxLifetime.equals(that.maxLifetime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maximumSize, minimumIdle, connectionTimeout, idleTimeout, maxLifetime);
    }

    @Override
    public String toString() {
        return "PoolSettings[maximumSize=" + maximumSize + ", minimumIdle=" + minimumIdle + ", connectionTimeout="
                + connectionTimeout + ", idleTimeout=" + idleTimeout + ", maxLifetime=" + maxLifetime + "]";
    }
}
