package dev.quarry.it.model;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import jakarta.inject.Inject;

/** An entity that depends on a service: the container injects it into every instance, including rows read. */
// snippet:start entities-visitor
@Entity
public class Visitor extends BaseEntity<Visitor> {
    private Long id;
    private String name;
    @Inject private Greeter greeter;
    // snippet:hide getters and setters

    public Long getId() { return id; }
    public String getName() { return name; }
    public Visitor setName(String name) { this.name = name; return this; }
    // snippet:show

    public String greeting() {
        return greeter.greet(name);
    }
}
// snippet:end
