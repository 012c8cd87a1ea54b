package dev.quarry.it.model;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.relation.BelongsToMany;

/** A permission, granted to roles and directly to users. */
@Entity
public class Permission extends BaseEntity<Permission> {
    private Long id;
    private String name;

    public BelongsToMany<Permission, Role> roles() {
        return belongsToMany(Role.class);
    }

    public BelongsToMany<Permission, User> users() {
        return belongsToMany(User.class);
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public Permission setName(String name) { this.name = name; return this; }
}
