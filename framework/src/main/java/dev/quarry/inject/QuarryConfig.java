package dev.quarry.inject;

import dev.quarry.naming.NamingStrategy;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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

    QuarryConfig(String url, String username, String password, NamingStrategy naming, boolean useIndex,
                 Map<Class<?>, String> entities) {
        this.url = Objects.requireNonNull(url, "url");
        this.username = username;
        this.password = password;
        this.naming = Objects.requireNonNull(naming, "naming");
        this.useIndex = useIndex;
        this.entities = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entities));
    }

    /** The defaults: in-memory HSQLDB, Quick's naming, indexed entities. */
    public static QuarryConfig defaults() {
        return QuarryModule.builder().config();
    }

    /**
     * Settings from properties: {@code quarry.url}, {@code quarry.username}, {@code quarry.password}
     * and {@code quarry.naming} ({@code quick} or {@code snake_case}); missing ones take the defaults.
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
        return builder.config();
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

    /** Entities registered by hand, each with an explicit mapping name or null. */
    public Map<Class<?>, String> entities() {
        return entities;
    }

    @Override
    public String toString() {
        return "QuarryConfig[url=" + url + ", username=" + username + ", naming=" + naming + ", useIndex=" + useIndex
                + ", entities=" + entities.keySet().stream().map(Class::getSimpleName).toList() + "]";
    }
}
