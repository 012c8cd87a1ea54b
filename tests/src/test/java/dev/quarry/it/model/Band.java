package dev.quarry.it.model;

import dev.quarry.entity.Entity;
import dev.quarry.entity.Timestamps;
import dev.quarry.event.EntityEvent;
import dev.quarry.event.PivotEvent;
import dev.quarry.event.PreLoadEvent;
import dev.quarry.relation.BelongsToMany;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;

/**
 * An entity that handles every lifecycle and pivot event in its own methods (writing them to the
 * injector's EventLog), and whose members() relation uses a typed pivot entity and touches both sides.
 */
// snippet:start events-band
@Entity
@Timestamps
public class Band extends Band_Relations {
    private Long id;
    @NotBlank private String name;
    private Instant createdAt;
    private Instant updatedAt;

    @Inject private transient EventLog log;              // not an attribute: @Inject and transient

    // snippet:start pivot-entities-declaration
    /** Musicians through band_members, each row a BandMember, touching the band and the musicians. */
    public BelongsToMany<Band, Musician> members() {
        return belongsToMany(Musician.class).using(BandMember.class).as("membership").touchesParent().touchesRelated();
    }
    // snippet:end

    @Override
    protected void preUpdate(EntityEvent<Band> event) {
        log.add("Band.preUpdate " + event.changes().keySet());
        if ("Nirvana".equals(name)) {
            name = "Nirvana (band)"; // a "pre" handler's change is written by the same UPDATE
        }
    }

    @Override
    protected void postPivotChange(PivotEvent event) {
        log.add("Band.postPivotChange " + event);
    }
    // snippet:hide the other handlers, all alike

    /** The same rows without a pivot entity and without touching. */
    public BelongsToMany<Band, Musician> musicians() {
        return belongsToMany(Musician.class).table("band_members").withPivot("instrument", "since");
    }

    @Override
    protected void preLoad(PreLoadEvent event) {
        log.add("Band.preLoad " + event.key());
    }

    @Override
    protected void postLoad(EntityEvent<Band> event) {
        log.add("Band.postLoad " + event.entity().getName());
    }

    @Override
    protected void preSave(EntityEvent<Band> event) {
        log.add("Band.preSave");
    }

    @Override
    protected void postSave(EntityEvent<Band> event) {
        log.add("Band.postSave");
    }

    @Override
    protected void preInsert(EntityEvent<Band> event) {
        log.add("Band.preInsert " + event.entity().isLoaded());
    }

    @Override
    protected void postInsert(EntityEvent<Band> event) {
        log.add("Band.postInsert " + event.entity().isLoaded());
    }

    @Override
    protected void postUpdate(EntityEvent<Band> event) {
        log.add("Band.postUpdate " + event.changes().keySet());
    }

    @Override
    protected void preDelete(EntityEvent<Band> event) {
        log.add("Band.preDelete");
    }

    @Override
    protected void postDelete(EntityEvent<Band> event) {
        log.add("Band.postDelete");
    }

    @Override
    protected void prePivotChange(PivotEvent event) {
        log.add("Band.prePivotChange " + event);
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public Band setName(String name) { this.name = name; return this; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    // snippet:show
}
// snippet:end
