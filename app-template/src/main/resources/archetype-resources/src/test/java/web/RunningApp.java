package ${package}.web;

import ${package}.App;
import ${package}.AppConfig;
import java.util.List;
import java.util.UUID;

/** The app on a loopback port picked by the system, with a fresh in-memory database of its own, in strict mode. */
final class RunningApp implements AutoCloseable {
    final App app;
    final ApiClient api;

    private RunningApp(App app) {
        this.app = app;
        this.api = new ApiClient(app.url());
    }

    /** Starts the app; returns once it accepts connections. */
    static RunningApp start() {
        String database = "jdbc:hsqldb:mem:test-" + UUID.randomUUID();
        return new RunningApp(App.start(new AppConfig(database, null, null, "127.0.0.1", 0, true)));
    }

    /** The ids of the tags the post has, read from the pivot table itself. */
    List<Long> tagIdsInDatabase(long postId) {
        return app.entities().database().jdbi().withHandle(handle -> handle
                .createQuery("SELECT \"tagId\" FROM \"posts_tags\" WHERE \"postId\" = :postId ORDER BY \"tagId\"")
                .bind("postId", postId)
                .mapTo(Long.class)
                .list());
    }

    @Override
    public void close() {
        app.close();
    }
}
