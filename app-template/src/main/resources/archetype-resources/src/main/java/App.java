package ${package};

import ${package}.web.ApiServer;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.quarry.Entities;
import io.javalin.Javalin;
import java.util.Arrays;

/**
 * The composition root: builds the Guice injector (which migrates the database) and starts the HTTP API.
 *
 * <pre>
 * mvn compile exec:java                          (HSQLDB files under data/, port 8080)
 * PORT=9000 QUARRY_URL=jdbc:postgresql://localhost/app QUARRY_USERNAME=app QUARRY_PASSWORD=secret mvn compile exec:java
 * mvn compile exec:java -Dexec.args=--demo       (a tour of the API on an in-memory database)
 * </pre>
 */
public final class App implements AutoCloseable {
    private final AppConfig config;
    private final Injector injector;
    private final Javalin server;

    private App(AppConfig config, Injector injector, Javalin server) {
        this.config = config;
        this.injector = injector;
        this.server = server;
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--demo")) {
            Demo.run(System.out);
            return;
        }
        AppConfig config = AppConfig.fromEnvironment();
        App app = start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close));
        System.out.println("Listening on " + app.url() + " (database " + config.printableDatabaseUrl() + ")."
                + " Try: curl " + app.url() + "/users");
    }

    /**
     * Builds the injector, which migrates the database, then starts the API; returns once the
     * server accepts connections.
     */
    public static App start(AppConfig config) {
        Injector injector = Guice.createInjector(new AppModule(config));
        Javalin server = injector.getInstance(ApiServer.class).start(config.host(), config.port());
        return new App(config, injector, server);
    }

    /** The base URL of the running API, such as {@code http://localhost:8080}. */
    public String url() {
        return "http://" + config.host() + ":" + server.port();
    }

    /** Quarry's entry point, for what the API does not show (tests read the database through it). */
    public Entities entities() {
        return injector.getInstance(Entities.class);
    }

    /** Stops the server, then closes the database's connection pool. */
    @Override
    public void close() {
        server.stop();
        entities().database().close();
    }
}
