package ${package}.model;

import dev.quarry.entity.Entity;
import dev.quarry.entity.Timestamps;
import dev.quarry.relation.BelongsTo;
import dev.quarry.relation.BelongsToMany;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A post: table "posts", written by a {@link User}, tagged with {@link Tag}s. The generated
 * {@code Post_Relations} adds {@code setAuthor(...)}, {@code getAuthor()}, {@code setTags(...)}
 * and {@code getTags()}.
 */
@Entity
@Timestamps
public class Post extends Post_Relations {
    private Long id;
    @NotNull private Long userId;
    @NotBlank @Size(max = 200) private String title;
    @Size(max = 4000) private String body;
    private Instant createdAt;
    private Instant updatedAt;

    /** The user who wrote the post: "posts"."userId" holds their key. */
    public BelongsTo<Post, User> author() {
        return belongsTo(User.class);
    }

    /** The post's tags by name, through the pivot table "posts_tags". {@code setTags(ids)} syncs them. */
    public BelongsToMany<Post, Tag> tags() {
        return belongsToMany(Tag.class).orderBy("name");
    }

    public Long getId() { return id; }
    public Long getUserId() { return userId; }
    public String getTitle() { return title; }
    public Post setTitle(String title) { this.title = title; return this; }
    public String getBody() { return body; }
    public Post setBody(String body) { this.body = body; return this; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
