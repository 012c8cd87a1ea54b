package ${package}.model;

import dev.quarry.entity.Entity;
import dev.quarry.relation.BelongsToMany;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A role such as "admin" or "author": table "roles". The migrations create the roles. */
@Entity
public class Role extends Role_Relations {
    private Long id;
    @NotBlank @Size(max = 50) private String name;

    /** What this role may do, through the pivot table "permissions_roles". */
    public BelongsToMany<Role, Permission> permissions() {
        return belongsToMany(Permission.class);
    }

    /** The users who have this role: the other side of {@link User}'s roles. */
    public BelongsToMany<Role, User> users() {
        return belongsToMany(User.class);
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public Role setName(String name) { this.name = name; return this; }
}
