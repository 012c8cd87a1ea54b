package ${package}.service;

import ${package}.model.Post;
import dev.quarry.Entities;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/** Posts: listing, finding and creating them, and setting their tags. */
@Singleton
public class PostService {
    private final Entities entities;
    private final UserService users;
    private final TagService tags;

    @Inject
    public PostService(Entities entities, UserService users, TagService tags) {
        this.entities = entities;
        this.users = users;
        this.tags = tags;
    }

    /** Every post, oldest first, with authors and tags loaded in two more queries. */
    public List<Post> list() {
        return entities.get(Post.class).query().with("author", "tags").orderBy("id").get();
    }

    /**
     * The post with this id, with its author and tags.
     *
     * @throws dev.quarry.entity.EntityNotFoundException if there is none
     */
    public Post find(long id) {
        return entities.get(Post.class).query().with("author", "tags").findOrFail(id);
    }

    /**
     * The posts of one user, oldest first, through the user's hasMany relation.
     *
     * @throws dev.quarry.entity.EntityNotFoundException if the user does not exist
     */
    public List<Post> byAuthor(long userId) {
        return users.find(userId).posts().with("author", "tags").orderBy("id").get();
    }

    /**
     * Creates a post by the user {@code input.userId()}.
     *
     * @throws dev.quarry.entity.EntityNotFoundException if that user does not exist
     * @throws dev.quarry.validation.EntityValidationException if the title or body is invalid, or the author missing
     */
    public Post create(NewPost input) {
        Post post = entities.get(Post.class).setTitle(input.title()).setBody(input.body());
        if (input.userId() != null) {
            post.setAuthor(users.find(input.userId()));
        }
        return post.save();
    }

    /**
     * Gives the post exactly these tags: the generated {@code setTags} syncs the pivot table,
     * attaching the new ones and detaching the others, in one transaction.
     *
     * @throws dev.quarry.entity.EntityNotFoundException if the post or any tag does not exist; nothing changes
     */
    public Post setTags(long postId, List<Long> tagIds) {
        Post post = entities.get(Post.class).findOrFail(postId);
        tags.requireAll(tagIds);
        post.setTags(tagIds);
        return post;
    }
}
