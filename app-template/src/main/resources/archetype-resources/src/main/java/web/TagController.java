package ${package}.web;

import ${package}.service.NewTag;
import ${package}.service.TagService;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.inject.Inject;

/** {@code /tags}: list, show and create tags. */
public class TagController {
    private final TagService tags;

    @Inject
    public TagController(TagService tags) {
        this.tags = tags;
    }

    /** {@code GET /tags} */
    public void list(Context ctx) {
        ctx.json(tags.list().stream().map(TagView::of).toList());
    }

    /** {@code GET /tags/{id}} */
    public void show(Context ctx) {
        ctx.json(TagView.of(tags.find(Requests.id(ctx))));
    }

    /** {@code POST /tags} with {@code {"name": ...}} */
    public void create(Context ctx) {
        NewTag input = Requests.body(ctx, NewTag.class);
        ctx.status(HttpStatus.CREATED).json(TagView.of(tags.create(input)));
    }
}
