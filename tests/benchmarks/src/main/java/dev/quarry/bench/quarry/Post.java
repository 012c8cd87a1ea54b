package dev.quarry.bench.quarry;

import dev.quarry.entity.Entity;
import dev.quarry.relation.BelongsToMany;

/** A post with tags through posts_tags: the parent of the write benchmarks. */
@Entity
public class Post extends Post_Relations {
    private Long id;
    private String title;

    public BelongsToMany<Post, Tag> tags() {
        return belongsToMany(Tag.class);
    }

    public Long getId() { return id; }
    public String getTitle() { return title; }
}
