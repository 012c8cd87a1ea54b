package dev.quarry.it.model;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Column;
import dev.quarry.entity.Entity;
import dev.quarry.relation.PolymorphicBelongsTo;

/** A comment on a post or a video: commentable_type holds the parent's mapping name, commentable_id its key. */
// snippet:start polymorphic-comment
@Entity
public class Comment extends Comment_Relations {
    private Long id;
    @Column("commentable_type") private String commentableType;
    @Column("commentable_id") private Long commentableId;
    private String body;

    public PolymorphicBelongsTo<Comment> commentable() {
        return polymorphicBelongsTo("commentable");
    }
    // snippet:hide getters and setters

    public Long getId() { return id; }
    public String getCommentableType() { return commentableType; }
    public Long getCommentableId() { return commentableId; }
    public String getBody() { return body; }
    public Comment setBody(String body) { this.body = body; return this; }
    // snippet:show
}
// snippet:end
