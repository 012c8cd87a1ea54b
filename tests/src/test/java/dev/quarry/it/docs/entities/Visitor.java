package dev.quarry.it.docs.entities;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.it.model.Greeter;
import jakarta.inject.Inject;

/**
 * docs/entities.md's Visitor of "Attributes are fields", as the page declares it, registered under a
 * module beside the fixtures' Visitor (the page does not show that), on the same table.
 */
// snippet:start entities-attributes
@Entity
// snippet:hide a mapping name of its own: dev.quarry.it.model.Visitor is "Visitor"
        (module = "entitiespage")
// snippet:show
public class Visitor extends BaseEntity<Visitor> {
    private Long id;
    private String name;                 // attribute
    private transient int greetings;     // not an attribute
    @Inject private Greeter greeter;     // not an attribute: a service
}
// snippet:end
