package dev.quarry.it.model;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.relation.BelongsToMany;

/** A role: many users (the inverse of User.roles) and many permissions. */
@Entity
public class Role extends BaseEntity<Role> {
    private Long id;
    private String name;

    public BelongsToMany<Role, User> users() {
        return belongsToMany(User.class);
    }

    public BelongsToMany<Role, Permission> permissions() {
        return belongsToMany("Permission");
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public Role setName(String name) { this.name = name; return this; }
}
