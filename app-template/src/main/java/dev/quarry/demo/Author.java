package dev.quarry.demo;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.entity.Scope;
import dev.quarry.entity.Timestamps;
import dev.quarry.query.Query;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;

/** An author: table "authors", key "id", validated email, created/updated timestamps. */
@Entity
@Timestamps
public class Author extends BaseEntity<Author> {
    private Long id;
    @NotBlank private String name;
    @NotBlank @Email private String email;
    private boolean active = true;
    private Instant createdAt;
    private Instant updatedAt;

    @Scope
    void active(Query<Author> query) {
        query.where("active", true);
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public Author setName(String name) { this.name = name; return this; }
    public String getEmail() { return email; }
    public Author setEmail(String email) { this.email = email; return this; }
    public boolean isActive() { return active; }
    public Author setActive(boolean active) { this.active = active; return this; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
