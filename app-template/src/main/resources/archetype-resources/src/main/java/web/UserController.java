package ${package}.web;

import ${package}.service.NewUser;
import ${package}.service.PostService;
import ${package}.service.UserService;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.inject.Inject;

/** {@code /users}: list, show and create users, and list a user's posts. */
public class UserController {
    private final UserService users;
    private final PostService posts;

    @Inject
    public UserController(UserService users, PostService posts) {
        this.users = users;
        this.posts = posts;
    }

    /** {@code GET /users} */
    public void list(Context ctx) {
        ctx.json(users.list().stream().map(UserView::of).toList());
    }

    /** {@code GET /users/{id}} */
    public void show(Context ctx) {
        ctx.json(UserView.of(users.find(Requests.id(ctx))));
    }

    /** {@code POST /users} with {@code {"email": ..., "name": ...}} */
    public void create(Context ctx) {
        NewUser input = Requests.body(ctx, NewUser.class);
        ctx.status(HttpStatus.CREATED).json(UserView.of(users.create(input)));
    }

    /** {@code GET /users/{id}/posts} */
    public void posts(Context ctx) {
        ctx.json(posts.byAuthor(Requests.id(ctx)).stream().map(PostView::of).toList());
    }
}
