package dev.quarry.it.docs.entities;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

/**
 * The first entity of docs/entities.md, as the page declares it. The fixtures already have a "User",
 * so this one is registered under a name of its own, on the same table; the page does not show that.
 */
// snippet:start entities-user
@Entity
// snippet:hide a mapping name of its own: dev.quarry.it.model.User is "User"
        (value = "Author", module = "entitiespage", table = "users")
// snippet:show
public class User extends BaseEntity<User> {
    private Long id;
    @NotBlank @Email private String email;
    private String name;

    public Long getId() { return id; }
    public String getEmail() { return email; }
    public User setEmail(String email) { this.email = email; return this; }
    public String getName() { return name; }
    public User setName(String name) { this.name = name; return this; }
}
// snippet:end
