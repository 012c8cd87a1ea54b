package ${package}.model;

import dev.quarry.entity.Entity;
import dev.quarry.entity.Timestamps;
import dev.quarry.relation.BelongsToMany;
import dev.quarry.relation.HasMany;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A user: table "users", key "id". Extends the generated {@code User_Relations}, which adds
 * {@code setRoles(...)}, {@code getRoles()}, {@code setPosts(...)} and {@code getPosts()}.
 */
@Entity
@Timestamps
public class User extends User_Relations {
    private Long id;
    @NotBlank @Email @Size(max = 255) private String email;
    @NotBlank @Size(max = 100) private String name;
    private Instant createdAt;
    private Instant updatedAt;

    /** The user's roles, through the pivot table "roles_users". */
    public BelongsToMany<User, Role> roles() {
        return belongsToMany(Role.class);
    }

    /** The posts this user wrote: "posts"."userId" points here. */
    public HasMany<User, Post> posts() {
        return hasMany(Post.class);
    }

    public Long getId() { return id; }
    public String getEmail() { return email; }
    public User setEmail(String email) { this.email = email; return this; }
    public String getName() { return name; }
    public User setName(String name) { this.name = name; return this; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
