package ${package}.web;

import ${package}.model.Post;
import ${package}.model.User;
import java.time.Instant;
import java.util.List;

/** A post as the API shows it, with its author and tags. */
public record PostView(long id, String title, String body, Author author, List<TagView> tags,
                       Instant createdAt, Instant updatedAt) {

    /** The author of a post, in short. */
    public record Author(long id, String name) {}

    /** The view of a saved post; reads the author and tags (cached if they were eager-loaded). */
    public static PostView of(Post post) {
        User author = post.getAuthor();
        List<TagView> tags = post.getTags().stream().map(TagView::of).toList();
        return new PostView(post.getId(), post.getTitle(), post.getBody(),
                new Author(author.getId(), author.getName()), tags, post.getCreatedAt(), post.getUpdatedAt());
    }
}
