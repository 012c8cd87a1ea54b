package dev.quarry.it.model;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.relation.BelongsToMany;
import dev.quarry.relation.HasManyThrough;

/** A tag on posts (pivot posts_tags). */
@Entity
public class Tag extends BaseEntity<Tag> {
    private Long id;
    private String name;

    public BelongsToMany<Tag, Post> posts() {
        return belongsToMany(Post.class);
    }

    /** Users who wrote a post with this tag: Tag.posts() (belongsToMany) then Post.author() (belongsTo). */
    public HasManyThrough<Tag, User> authors() {
        return hasManyThrough("posts", "author");
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public Tag setName(String name) { this.name = name; return this; }
}
