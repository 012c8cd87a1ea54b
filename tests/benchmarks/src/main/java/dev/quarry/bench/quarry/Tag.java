package dev.quarry.bench.quarry;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;

/** A tag. */
@Entity
public class Tag extends BaseEntity<Tag> {
    private Long id;
    private String name;

    public Long getId() { return id; }
    public String getName() { return name; }
}
