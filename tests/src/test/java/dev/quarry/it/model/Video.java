package dev.quarry.it.model;

import dev.quarry.entity.Entity;
import dev.quarry.relation.PolymorphicHasMany;

/** A video: comments like a post's, through the same polymorphic columns. */
// snippet:start polymorphic-video
@Entity
public class Video extends Video_Relations {
    private Long id;
    private String title;

    public PolymorphicHasMany<Video, Comment> comments() {
        return polymorphicHasMany(Comment.class, "commentable");
    }
    // snippet:hide getters and setters

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public Video setTitle(String title) { this.title = title; return this; }
    // snippet:show
}
// snippet:end
