package dev.quarry.it.model;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Column;
import dev.quarry.entity.Entity;

/** Table "blog_posts" (Quick: plural of the snake_case name) and a column named by @Column. */
@Entity
public class BlogPost extends BaseEntity<BlogPost> {
    private Long id;
    @Column("headline") private String title;

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public BlogPost setTitle(String title) { this.title = title; return this; }
}
