package dev.quarry.bench.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A role. */
@Entity(name = "Role")
@Table(name = "roles")
public class HibernateRole {
    @Id private Long id;
    private String name;

    public Long getId() { return id; }
    public String getName() { return name; }
}
