package dev.quarry.it.model;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Column;
import dev.quarry.entity.Entity;

/** Table "blog_posts" (Quick: plural of the snake_case name) and a column named by @Column. */
// snippet:start entities-blog-post
@Entity
public class BlogPost extends BaseEntity<BlogPost> {
    private Long id;
    @Column("headline") private String title;   // attribute "title", column "headline"
    // snippet:hide getters and setters

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public BlogPost setTitle(String title) { this.title = title; return this; }
    // snippet:show
}
// snippet:end
