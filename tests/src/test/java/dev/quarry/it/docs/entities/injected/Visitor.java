package dev.quarry.it.docs.entities.injected;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.it.model.Greeter;
import jakarta.inject.Inject;

/**
 * docs/entities.md's constructor-injected Visitor, as the page declares it, registered under a module
 * beside the fixtures' Visitor (the page does not show that), on the same table.
 */
// snippet:start entities-constructor-injection
@Entity
// snippet:hide a mapping name of its own: dev.quarry.it.model.Visitor is "Visitor"
        (module = "constructed")
// snippet:show
public class Visitor extends BaseEntity<Visitor> {
    private Long id;
    private String name;
    private final transient Greeter greeter;

    @Inject
    Visitor(Greeter greeter) {
        this.greeter = greeter;
    }
    // snippet:hide what the test calls
    public Long getId() { return id; }
    public Visitor setName(String name) { this.name = name; return this; }
    public String greeting() { return greeter.greet(name); }
    // snippet:show
}
// snippet:end
