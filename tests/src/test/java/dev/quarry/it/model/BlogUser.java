package dev.quarry.it.model;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;

/** A second "User", in the blog module: mapping name "User@blog", its own table. */
@Entity(value = "User", module = "blog", table = "blog_users")
public class BlogUser extends BaseEntity<BlogUser> {
    private Long id;
    private String handle;

    public Long getId() { return id; }
    public String getHandle() { return handle; }
    public BlogUser setHandle(String handle) { this.handle = handle; return this; }
}
