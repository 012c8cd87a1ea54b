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
@Entity
@Timestamps
public class Post extends Post_Relations {
    private Long id;
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
    public HasOneThrough<Post, Profile> authorProfile() {
        return hasOneThrough("author", "profile");
    }

    /** Comments on this post (commentable_type = 'Post'). */
    public PolymorphicHasMany<Post, Comment> comments() {
        return polymorphicHasMany(Comment.class, "commentable");
    }

    public BelongsToMany<Post, Tag> tags() {
        return belongsToMany(Tag.class);
    }

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
}
