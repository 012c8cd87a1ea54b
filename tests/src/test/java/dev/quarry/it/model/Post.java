package dev.quarry.it.model;

import dev.quarry.entity.Entity;
import dev.quarry.entity.Timestamps;
import dev.quarry.relation.BelongsTo;
import dev.quarry.relation.BelongsToMany;
import dev.quarry.relation.HasOneThrough;
import dev.quarry.relation.PolymorphicHasMany;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;

/** An entity with created/updated timestamps, a primitive attribute, and generated relation setters (setTags). */
// snippet:start relation-setters-post
@Entity
// snippet:hide the guide's Post has no timestamps
@Timestamps
// snippet:show
public class Post extends Post_Relations {              // generated: extends BaseEntity<Post>
    private Long id;
    // snippet:hide the other attributes and relations
    private Long userId;
    @NotBlank private String title;
    private String body;
    private boolean published;
    private Instant createdAt;
    private Instant updatedAt;

    /** The post's author: posts.userId -> users.id. */
    public BelongsTo<Post, User> author() {
        return belongsTo(User.class);
    }

    /** The profile of the post's author: Post.author() (belongsTo) then User.profile() (hasOne). */
    // snippet:start has-one-through-post
    public HasOneThrough<Post, Profile> authorProfile() {
        return hasOneThrough("author", "profile");
    }
    // snippet:end

    /** Comments on this post (commentable_type = 'Post'). */
    // snippet:start polymorphic-post-comments
    public PolymorphicHasMany<Post, Comment> comments() {
        return polymorphicHasMany(Comment.class, "commentable");
    }
    // snippet:end

    // snippet:show

    public BelongsToMany<Post, Tag> tags() {
        return belongsToMany(Tag.class);
    }
    // snippet:hide getters and setters

    public Long getId() { return id; }
    public Long getUserId() { return userId; }
    public Post setUserId(Long userId) { this.userId = userId; return this; }
    public String getTitle() { return title; }
    public Post setTitle(String title) { this.title = title; return this; }
    public String getBody() { return body; }
    public Post setBody(String body) { this.body = body; return this; }
    public boolean isPublished() { return published; }
    public Post setPublished(boolean published) { this.published = published; return this; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    // snippet:show
}
// snippet:end
