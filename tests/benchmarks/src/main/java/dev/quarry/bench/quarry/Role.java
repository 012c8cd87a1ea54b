package dev.quarry.bench.quarry;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.relation.BelongsToMany;

/** A role; the inverse side of {@link User#roles()}. */
@Entity
public class Role extends BaseEntity<Role> {
    private Long id;
    private String name;

    public BelongsToMany<Role, User> users() {
        return belongsToMany(User.class);
    }

    public Long getId() { return id; }
    public String getName() { return name; }
}
