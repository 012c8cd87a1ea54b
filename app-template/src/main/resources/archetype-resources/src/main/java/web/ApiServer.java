package ${package}.web;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.json.JavalinJackson;
import jakarta.inject.Inject;

/** The JSON HTTP API on Javalin: its routes, its JSON mapping and its error responses. */
public class ApiServer {
    private final UserController users;
    private final PostController posts;
    private final TagController tags;

    @Inject
    public ApiServer(UserController users, PostController posts, TagController tags) {
        this.users = users;
        this.posts = posts;
        this.tags = tags;
    }

    /**
     * Starts the server; returns once it accepts connections.
     *
     * @param host the address to listen on, such as {@code localhost}
     * @param port the port, or 0 for any free one (the returned server's {@code port()} tells which)
     */
    public Javalin start(String host, int port) {
        Javalin server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            routes(config.routes);
            ErrorResponses.register(config.routes);
        });
        return server.start(host, port);
    }

    private void routes(RoutesConfig routes) {
        routes.get("/users", users::list);
        routes.post("/users", users::create);
        routes.get("/users/{id}", users::show);
        routes.get("/users/{id}/posts", users::posts);

        routes.get("/posts", posts::list);
        routes.post("/posts", posts::create);
        routes.get("/posts/{id}", posts::show);
        routes.put("/posts/{id}/tags", posts::setTags);

        routes.get("/tags", tags::list);
        routes.post("/tags", tags::create);
        routes.get("/tags/{id}", tags::show);
    }
}
