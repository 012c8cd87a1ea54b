package dev.quarry.bench.quarry;

import dev.quarry.entity.Entity;
import dev.quarry.relation.BelongsToMany;

/** A user with roles through roles_users, declared as docs/belongs-to-many.md shows. */
@Entity
public class User extends User_Relations {
    private Long id;
    private String email;
    private String name;

    public BelongsToMany<User, Role> roles() {
        return belongsToMany(Role.class);
    }

    public Long getId() { return id; }
    public String getEmail() { return email; }
    public String getName() { return name; }
}
