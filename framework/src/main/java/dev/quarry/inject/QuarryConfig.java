package dev.quarry.inject;

import dev.quarry.naming.NamingStrategy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Quarry's settings: where the database is, which naming conventions apply, which entities to
 * register besides the indexed ones. Immutable; made by {@link QuarryModule.Builder} or
 * {@link #fromProperties}.
 *
 * <pre>{@code
 * QuarryConfig config = QuarryConfig.fromProperties(properties);  // quarry.url, quarry.username, ...
 * Guice.createInjector(new QuarryModule(config));
 * }</pre>
 */
public final class QuarryConfig {
    /** The embedded default: an in-memory HSQLDB database. */
    public static final String DEFAULT_URL = "jdbc:hsqldb:mem:quarry";

    private final String url;
    private final String username;
    private final String password;
    private final NamingStrategy naming;
    private final boolean useIndex;
    private final Map<Class<?>, String> entities;
    private final PoolSettings pool;
    private final List<String> migrations;
    private final boolean preventLazyLoading;
    private final boolean validateSchema;

    QuarryConfig(String url, String username, String password, NamingStrategy naming, boolean useIndex,
                 Map<Class<?>, String> entities, PoolSettings pool, List<String> migrations, boolean preventLazyLoading,
                 boolean validateSchema) {
        this.url = Objects.requireNonNull(url, "url");
        this.username = username;
        this.password = password;
        this.naming = Objects.requireNonNull(naming, "naming");
        this.useIndex = useIndex;
        this.entities = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entities));
        this.pool = pool;
        this.migrations = List.copyOf(migrations);
        this.preventLazyLoading = preventLazyLoading;
        this.validateSchema = validateSchema;
    }

    /** The defaults: in-memory HSQLDB, Quick's naming, indexed entities. */
    public static QuarryConfig defaults() {
        return QuarryModule.builder().config();
    }

    /**
     * Settings from properties; missing ones take the defaults.
     *
     * <ul>
     *   <li>{@code quarry.url}, {@code quarry.username}, {@code quarry.password}: the database;</li>
     *   <li>{@code quarry.naming}: {@code quick} or {@code snake_case};</li>
     *   <li>{@code quarry.preventLazyLoading}: {@code true} for strict mode against N+1 queries;</li>
     *   <li>{@code quarry.validateSchema}: {@code true} to check the entities against the schema at start-up;</li>
     *   <li>{@code quarry.migrations}: Flyway locations, comma-separated, e.g. {@code classpath:db/migration};</li>
     *   <li>{@code quarry.pool.enabled} ({@code true}), {@code quarry.pool.maximumSize}, {@code quarry.pool.minimumIdle},
     *       {@code quarry.pool.connectionTimeout}, {@code quarry.pool.idleTimeout}, {@code quarry.pool.maxLifetime}
     *       (durations in milliseconds): the connection pool, see {@link PoolSettings}.</li>
     * </ul>
     */
    public static QuarryConfig fromProperties(Properties properties) {
        QuarryModule.Builder builder = QuarryModule.builder()
                .url(properties.getProperty("quarry.url", DEFAULT_URL))
                .credentials(properties.getProperty("quarry.username"), properties.getProperty("quarry.password"));
        String naming = properties.getProperty("quarry.naming", "quick");
        switch (naming.strip().toLowerCase(Locale.ROOT)) {
            case "quick" -> builder.naming(NamingStrategy.quick());
            case "snake_case", "snakecase", "laravel" -> builder.naming(NamingStrategy.snakeCase());
            default -> throw new InvalidConfigurationException("quarry.naming", naming, "quick or snake_case");
        }
        String migrations = properties.getProperty("quarry.migrations", "").strip();
        if (!migrations.isEmpty()) {
            builder.migrations(migrations.split("\\s*,\\s*"));
        }
        if (bool(properties, "quarry.preventLazyLoading", false)) {
            builder.preventLazyLoading();
        }
        if (bool(properties, "quarry.validateSchema", false)) {
            builder.validateSchema();
        }
        if (bool(properties, "quarry.pool.enabled", true)) {
            builder.pool(poolFrom(properties));
        } else {
            builder.withoutPool();
        }
        return builder.config();
    }

    private static PoolSettings poolFrom(Properties properties) {
        PoolSettings pool = PoolSettings.defaults();
        pool = pool.maximumSize((int) number(properties, "quarry.pool.maximumSize", pool.maximumSize()));
        pool = pool.minimumIdle((int) number(properties, "quarry.pool.minimumIdle", pool.minimumIdle()));
        pool = pool.connectionTimeout(millis(properties, "quarry.pool.connectionTimeout", pool.connectionTimeout()));
        pool = pool.idleTimeout(millis(properties, "quarry.pool.idleTimeout", pool.idleTimeout()));
        return pool.maxLifetime(millis(properties, "quarry.pool.maxLifetime", pool.maxLifetime()));
    }

    private static Duration millis(Properties properties, String name, Duration fallback) {
        return Duration.ofMillis(number(properties, name, fallback.toMillis()));
    }

    private static long number(Properties properties, String name, long fallback) {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException(name, value, "a whole number");
        }
    }

    private static boolean bool(Properties properties, String name, boolean fallback) {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidConfigurationException(name, value, "true or false");
        };
    }

    /** The JDBC URL. */
    public String url() {
        return url;
    }

    /** The database user, or null to use the URL's or the driver's default. */
    public String username() {
        return username;
    }

    /** The database password, or null. */
    public String password() {
        return password;
    }

    /** The naming conventions. */
    public NamingStrategy naming() {
        return naming;
    }

    /** True if entities listed in the annotation processor's index are registered. */
    public boolean useIndex() {
        return useIndex;
    }

    /** The connection pool's settings, or empty when Quarry opens a connection per use (see {@code withoutPool}). */
    public Optional<PoolSettings> pool() {
        return Optional.ofNullable(pool);
    }

    /** Flyway locations migrated when the injector is created; empty when Quarry runs no migrations. */
    public List<String> migrations() {
        return migrations;
    }

    /**
     * True in strict mode: lazily loading a relation of an entity that came from a query returning
     * several rows throws {@code LazyLoadingPreventedException} instead of running one more SELECT.
     */
    public boolean preventLazyLoading() {
        return preventLazyLoading;
    }

    /**
     * True if creating the injector checks every entity and relation declaration against the live
     * schema (after the migrations) and fails with {@code SchemaMismatchException} listing every problem.
     */
    public boolean validateSchema() {
        return validateSchema;
    }

    /** Entities registered by hand, each with an explicit mapping name or null. */
    public Map<Class<?>, String> entities() {
        return entities;
    }

    @Override
    public String toString() {
        return "QuarryConfig[url=" + url + ", username=" + username + ", naming=" + naming + ", useIndex=" + useIndex
                + ", entities=" + entities.keySet().stream().map(Class::getSimpleName).toList() + ", pool=" + pool
                + ", migrations=" + migrations + ", preventLazyLoading=" + preventLazyLoading
                + ", validateSchema=" + validateSchema + "]";
    }
}
