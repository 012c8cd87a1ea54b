package dev.quarry.it.model;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;

/** Table "categories": a plural ending in -ies. */
@Entity
public class Category extends BaseEntity<Category> {
    private Long id;
    private String name;

    public Long getId() { return id; }
    public String getName() { return name; }
    public Category setName(String name) { this.name = name; return this; }
}
