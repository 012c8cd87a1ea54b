package dev.quarry.bench.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tag. Identity equality is right here: one session holds one instance per row. */
@Entity(name = "Tag")
@Table(name = "tags")
public class HibernateTag {
    @Id private Long id;
    private String name;

    public Long getId() { return id; }
    public String getName() { return name; }
}
