package dev.quarry.it.model;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;

/** Table "people": an irregular plural. */
@Entity
public class Person extends BaseEntity<Person> {
    private Long id;
    private String name;

    public Long getId() { return id; }
    public String getName() { return name; }
    public Person setName(String name) { this.name = name; return this; }
}
