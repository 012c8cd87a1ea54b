package dev.quarry.it.docs.entities;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.entity.Timestamps;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;

/**
 * docs/entities.md's Post of "Timestamps", as the page declares it, registered under a module beside
 * the fixtures' Post (the page does not show that), on the same table.
 */
// snippet:start entities-timestamps
@Entity
// snippet:hide a mapping name of its own: dev.quarry.it.model.Post is "Post"
        (module = "entitiespage")
// snippet:show
@Timestamps
public class Post extends BaseEntity<Post> {
    private Long id;
    @NotBlank private String title;
    private Instant createdAt;
    private Instant updatedAt;
    // snippet:hide accessors for the test
    public Post setTitle(String title) { this.title = title; return this; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    // snippet:show
}
// snippet:end
