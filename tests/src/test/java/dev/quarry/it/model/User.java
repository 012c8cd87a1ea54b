package dev.quarry.it.model;

import dev.quarry.entity.Entity;
import dev.quarry.entity.Guarded;
import dev.quarry.entity.Scope;
import dev.quarry.query.Query;
import dev.quarry.relation.BelongsToMany;
import dev.quarry.relation.BelongsToManyTable;
import dev.quarry.relation.HasMany;
import dev.quarry.relation.HasManyThrough;
import dev.quarry.relation.HasOne;
import java.util.Map;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A typical entity: identity key, validated attributes, database defaults, a guarded flag and scopes. */
// snippet:start user-entity
@Entity
public class User extends User_Relations {
    private Long id;
    @NotBlank @Email private String email;
    @Size(max = 100) private String name;
    // snippet:hide
    private Boolean active;
    private String role;
    // snippet:show
    @Min(0) private Integer age;
    // snippet:hide
    @Guarded private Boolean admin;

    // snippet:start has-many-through-user
    /** Roles through roles_users, with who assigned each and pivot timestamps. */
    public BelongsToMany<User, Role> roles() {
        return belongsToMany(Role.class).withPivot("assignedBy").withTimestamps();
    }

    /** Permissions reached through the user's roles: User.roles() then Role.permissions(). */
    public HasManyThrough<User, Permission> permissionsThroughRoles() {
        return hasManyThrough("roles", "permissions");
    }
    // snippet:end

    /** Permissions granted directly, through permissions_users. */
    public BelongsToMany<User, Permission> permissions() {
        return belongsToMany("Permission");
    }

    /** Posts by this user: posts.userId by convention. */
    public HasMany<User, Post> posts() {
        return hasMany(Post.class);
    }

    /** The user's profile, or a blank one when there is none. */
    // snippet:start has-one-default-declaration
    public HasOne<User, Profile> profile() {
        return hasOne(Profile.class).withDefault(Map.of("bio", "(none yet)"));
    }
    // snippet:end

    // snippet:start has-many-through-pivot-entity
    /** The user's rows of the roles_users pivot, as entities. */
    public HasMany<User, RoleUser> userRoles() {
        return hasMany(RoleUser.class);                  // roles_users.userId
    }

    /** Quick's page: across the pivot entity, by relation names (matched without regard to case). */
    public HasManyThrough<User, Role> rolesThroughPivot() {
        return hasManyThrough("UserRoles", "role");      // RoleUser.role() is a belongsTo
    }
    // snippet:end

    /** The same roles as plain rows of the "roles" table, without the Role entity (Mongoloquent's form). */
    // snippet:start btm-table-declaration
    public BelongsToManyTable<User> roleRows() {
        return belongsToManyTable("roles").withPivot("assignedBy");   // pivot roles_users(userId, roleId), related key "id"
    }
    // snippet:end

    // snippet:start queries-scopes
    @Scope
    void active(Query<User> query) {
        query.where("active", true);
    }

    @Scope
    void ofRole(Query<User> query, String role) {
        query.where("role", role);
    }

    @Scope("olderThan")                                   // a name other than the method's
    static void agedOver(Query<User> query, Integer years) {
        query.where("age", ">", years);
    }
    // snippet:end

    public Long getId() { return id; }
    public String getEmail() { return email; }
    public User setEmail(String email) { this.email = email; return this; }
    public String getName() { return name; }
    public User setName(String name) { this.name = name; return this; }
    public Boolean getActive() { return active; }
    public User setActive(Boolean active) { this.active = active; return this; }
    public String getRole() { return role; }
    public User setRole(String role) { this.role = role; return this; }
    public Integer getAge() { return age; }
    public User setAge(Integer age) { this.age = age; return this; }
    public Boolean getAdmin() { return admin; }
    public User setAdmin(Boolean admin) { this.admin = admin; return this; }
    // snippet:show
    // ...
}
// snippet:end
