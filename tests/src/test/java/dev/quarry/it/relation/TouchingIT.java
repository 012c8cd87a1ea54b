package dev.quarry.it.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.it.model.Band;
import dev.quarry.it.model.Musician;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.relation.BelongsToMany;
import dev.quarry.relation.InvalidRelationException;
import dev.quarry.validation.PivotValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** touchesParent()/touchesRelated(): the updated timestamps move in the operation's transaction when, and only when, a row changed. */
class TouchingIT extends DatabaseTest {
    private Band blur;
    private Musician damon;
    private Musician graham;
    private Instant start;
    private Instant later;

    @BeforeEach
    void seed() {
        blur = entities.get(Band.class).setName("Blur").save();
        damon = entities.get(Musician.class).setName("Damon").save();
        graham = entities.get(Musician.class).setName("Graham").save();
        start = clock.instant();
        clock.advance(Duration.ofMinutes(10));
        later = clock.instant();
    }

    private Object storedUpdatedAt(String table, long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT \"updatedAt\" FROM \"" + table + "\" WHERE \"id\" = :id")
                .bind("id", id).mapTo(Instant.class).one());
    }

    @Test
    void anAttachTouchesTheParentInTheDatabaseAndInTheEntity() {
        blur.members().attach(damon, Map.of("instrument", "keys"));

        assertEquals(later, storedUpdatedAt("bands", blur.getId()));
        assertEquals(later, blur.getUpdatedAt());
        assertFalse(blur.isDirty()); // the touched time is not an unsaved change
    }

    @Test
    void anOperationThatChangesNothingTouchesNothing() {
        blur.members().attach(damon, Map.of("instrument", "keys"));
        clock.advance(Duration.ofMinutes(10));
        statements.reset();

        blur.members().sync(Map.of(damon.getId(), Map.of("instrument", "keys")));
        blur.members().attach(damon);
        blur.members().detach(graham);

        assertEquals(later, storedUpdatedAt("bands", blur.getId()));
        assertFalse(statementKinds().contains("UPDATE"), statements.sql().toString());
    }

    @Test
    void touchingRelatedSetsTheUpdatedTimeOfEveryRowAttachedOrDetached() {
        blur.members().attach(damon, Map.of("instrument", "keys"));
        clock.advance(Duration.ofMinutes(10));
        Instant syncTime = clock.instant();

        blur.members().sync(Map.of(graham.getId(), Map.of("instrument", "guitar")));

        assertEquals(syncTime, storedUpdatedAt("musicians", damon.getId()));
        assertEquals(syncTime, storedUpdatedAt("musicians", graham.getId()));
        assertEquals(syncTime, storedUpdatedAt("bands", blur.getId()));
    }

    @Test
    void aFailedOperationLeavesTheParentsTimestampAsItWas() {
        assertThrows(PivotValidationException.class,
                () -> blur.members().attach(List.of(damon, graham), Map.of("instrument", "keys", "since", 1800)));

        assertEquals(start, storedUpdatedAt("bands", blur.getId()));
        assertEquals(start, blur.getUpdatedAt());
        assertEquals(start, storedUpdatedAt("musicians", damon.getId()));
    }

    @Test
    void aTouchRolledBackWithTheCallersTransactionLeavesTheEntityAsItWas() {
        dev.quarry.sql.Database database = injector.getInstance(dev.quarry.sql.Database.class);

        assertThrows(IllegalStateException.class, () -> database.inTransaction(() -> {
            blur.members().attach(damon);
            assertEquals(later, blur.getUpdatedAt());
            throw new IllegalStateException("changed my mind");
        }));

        assertEquals(start, blur.getUpdatedAt());
        assertEquals(start, storedUpdatedAt("bands", blur.getId()));
        assertFalse(blur.isDirty());
    }

    @Test
    void aRelationWithoutTouchingLeavesTheParentAlone() {
        blur.musicians().attach(damon, Map.of("instrument", "keys"));

        assertEquals(start, storedUpdatedAt("bands", blur.getId()));
    }

    @Test
    void theTouchIsOneUpdatePerSideInTheOperationsTransaction() {
        statements.reset();

        blur.members().attach(damon, graham);

        assertEquals(List.of("SELECT", "INSERT", "UPDATE", "UPDATE"), statementKinds());
    }

    /** An entity without an updated timestamp, which therefore cannot be touched. */
    @Entity(table = "tags")
    public static class Untimed extends BaseEntity<Untimed> {
        private Long id;
        private String name;

        public BelongsToMany<Untimed, Musician> musicians() {
            return belongsToMany(Musician.class).table("band_members").foreignPivotKey("bandId").touchesParent();
        }

        public Long getId() { return id; }
        public String getName() { return name; }
    }

    @Test
    void touchingAParentWithoutAnUpdatedTimestampIsRefusedAtDeclaration() {
        Untimed untimed = entities.get(Untimed.class);

        InvalidRelationException e = assertThrows(InvalidRelationException.class, untimed::musicians);

        assertTrue(e.getMessage().contains("touchesParent"), e.getMessage());
        assertTrue(e.getMessage().contains("Untimed has none"), e.getMessage());
    }
}
