package ${package}.web;

import ${package}.service.NewPost;
import ${package}.service.PostService;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.inject.Inject;
import java.util.List;

/** {@code /posts}: list, show and create posts, and set a post's tags. */
public class PostController {
    private final PostService posts;

    @Inject
    public PostController(PostService posts) {
        this.posts = posts;
    }

    /** {@code GET /posts} */
    public void list(Context ctx) {
        ctx.json(posts.list().stream().map(PostView::of).toList());
    }

    /** {@code GET /posts/{id}} */
    public void show(Context ctx) {
        ctx.json(PostView.of(posts.find(Requests.id(ctx))));
    }

    /** {@code POST /posts} with {@code {"userId": ..., "title": ..., "body": ...}} */
    public void create(Context ctx) {
        NewPost input = Requests.body(ctx, NewPost.class);
        ctx.status(HttpStatus.CREATED).json(PostView.of(posts.create(input)));
    }

    /** {@code PUT /posts/{id}/tags} with a JSON array of tag ids: afterwards the post has exactly these tags. */
    public void setTags(Context ctx) {
        long postId = Requests.id(ctx);
        List<Long> tagIds = Requests.ids(ctx);
        ctx.json(PostView.of(posts.setTags(postId, tagIds)));
    }
}
