package dev.quarry.it.model;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.entity.Timestamps;
import java.time.Instant;

/** The related side of Band.members(), with an updated timestamp for touchesRelated(). */
@Entity
@Timestamps
public class Musician extends BaseEntity<Musician> {
    private Long id;
    private String name;
    private Instant createdAt;
    private Instant updatedAt;

    public Long getId() { return id; }
    public String getName() { return name; }
    public Musician setName(String name) { this.name = name; return this; }
    public Instant getUpdatedAt() { return updatedAt; }
}
