package ${package};

import java.util.Map;
import java.util.Properties;

/**
 * Where the app keeps its data and where it listens. Each setting comes from a system property
 * ({@code -Dquarry.url=...}), else an environment variable ({@code QUARRY_URL=...}), else its default.
 *
 * @param databaseUrl the JDBC URL: {@code quarry.url} / {@code QUARRY_URL}; by default an HSQLDB file under {@code data/}
 * @param databaseUser {@code quarry.username} / {@code QUARRY_USERNAME}, or null
 * @param databasePassword {@code quarry.password} / {@code QUARRY_PASSWORD}, or null
 * @param host the address to listen on: {@code host} / {@code HOST}, by default {@code localhost}
 * @param port the HTTP port: {@code port} / {@code PORT}, by default 8080; 0 picks a free one
 * @param preventLazyLoading Quarry's strict mode against N+1 queries: {@code quarry.preventLazyLoading} /
 *        {@code QUARRY_PREVENT_LAZY_LOADING}, on unless set to {@code false} (do that in production)
 */
public record AppConfig(String databaseUrl, String databaseUser, String databasePassword, String host, int port,
                        boolean preventLazyLoading) {
    /**
     * The embedded default: an HSQLDB database in files under {@code data/}, kept between runs,
     * and shut down cleanly when the app closes its connection pool.
     */
    public static final String DEFAULT_DATABASE_URL = "jdbc:hsqldb:file:data/app;shutdown=true";

    /** The settings of this process: system properties first, then environment variables. */
    public static AppConfig fromEnvironment() {
        return from(System.getProperties(), System.getenv());
    }

    /** The settings from these system properties and environment variables. */
    public static AppConfig from(Properties properties, Map<String, String> environment) {
        Settings settings = new Settings(properties, environment);
        return new AppConfig(
                settings.get("quarry.url", "QUARRY_URL", DEFAULT_DATABASE_URL),
                settings.get("quarry.username", "QUARRY_USERNAME", null),
                settings.get("quarry.password", "QUARRY_PASSWORD", null),
                settings.get("host", "HOST", "localhost"),
                port(settings.get("port", "PORT", "8080")),
                !"false".equalsIgnoreCase(settings.get("quarry.preventLazyLoading", "QUARRY_PREVENT_LAZY_LOADING", "true")));
    }

    /** The database URL with any password in it masked, for logs and messages. */
    public String printableDatabaseUrl() {
        return databaseUrl.replaceAll("(?i)password=[^&;]*", "password=***");
    }

    /** The same settings with another database URL and no credentials. */
    public AppConfig withDatabase(String url) {
        return new AppConfig(url, null, null, host, port, preventLazyLoading);
    }

    /** The same settings with another port. */
    public AppConfig withPort(int newPort) {
        return new AppConfig(databaseUrl, databaseUser, databasePassword, host, newPort, preventLazyLoading);
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value.strip());
            if (port < 0 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PORT must be a port number from 0 to 65535, not '" + value + "'.", e);
        }
    }

    private record Settings(Properties properties, Map<String, String> environment) {
        String get(String property, String variable, String fallback) {
            String value = properties.getProperty(property);
            if (value == null || value.isBlank()) {
                value = environment.get(variable);
            }
            return value == null || value.isBlank() ? fallback : value;
        }
    }
}
