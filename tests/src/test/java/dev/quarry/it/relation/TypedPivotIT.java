package dev.quarry.it.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.it.model.Band;
import dev.quarry.it.model.BandMember;
import dev.quarry.it.model.Musician;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.relation.NoPivotException;
import dev.quarry.validation.PivotValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** belongsToMany(...).using(BandMember.class): the pivot row is an entity with types, constraints and handlers. */
class TypedPivotIT extends DatabaseTest {
    private Band blur;
    private Musician damon;
    private Musician graham;

    @BeforeEach
    void seed() {
        blur = entities.get(Band.class).setName("Blur").save();
        damon = entities.get(Musician.class).setName("Damon").save();
        graham = entities.get(Musician.class).setName("Graham").save();
    }

    private List<Map<String, Object>> pivotRows() {
        return rows("band_members", "musicianId");
    }

    @Test
    void pivotReturnsTheTypedEntityWithEveryAttributeRead() {
        blur.members().attach(damon, Map.of("instrument", "keys", "since", 1988));

        Musician read = blur.members().first().orElseThrow();
        BandMember membership = read.pivot(BandMember.class);

        assertEquals("keys", membership.getInstrument());
        assertEquals(1988, membership.getSince());
        assertEquals(clock.instant(), membership.getCreatedAt());
        assertEquals(blur.getId(), membership.getBandId());
    }

    @Test
    void pivotAttributesAreConvertedToTheirTypesBeforeTheyAreWritten() {
        blur.members().attach(damon, Map.of("instrument", "keys", "since", "1988"));

        assertEquals(1988, ((Number) pivotRows().get(0).get("since")).intValue());
        assertEquals(List.of(damon.getId()), blur.members().wherePivot("since", 1988).get().stream().map(Musician::getId).toList());
    }

    @Test
    void aValueFailingAConstraintNamesThePivotEntityTheAttributeAndTheRelatedIdAndWritesNothing() {
        statements.reset();

        PivotValidationException e = assertThrows(PivotValidationException.class,
                () -> blur.members().attach(damon, Map.of("instrument", "keys", "since", 1800)));
        List<String> kinds = statementKinds();

        assertEquals(List.of("SELECT"), kinds); // refused after reading what is attached, before writing
        assertTrue(e.getMessage().contains("attach on Band(" + blur.getId() + ").members"), e.getMessage());
        assertTrue(e.getMessage().contains("BandMember for related id " + damon.getId()), e.getMessage());
        assertEquals("since", e.violations().get(0).attribute());
        assertEquals(damon.getId(), e.relatedId());
        assertEquals(List.of(), pivotRows());
    }

    @Test
    void oneInvalidRowInASyncWritesNoRowAtAll() {
        blur.members().attach(damon, Map.of("instrument", "keys"));
        List<Map<String, Object>> before = pivotRows();

        assertThrows(PivotValidationException.class, () -> blur.members().sync(Map.of(
                graham.getId(), Map.of("instrument", "guitar"),
                damon.getId(), Map.of("instrument", ""))));

        assertEquals(before, pivotRows());
    }

    @Test
    void aValueThatCannotBeConvertedIsRefusedBeforeAnySql() {
        statements.reset();

        PivotValidationException e = assertThrows(PivotValidationException.class,
                () -> blur.members().attach(damon, Map.of("since", "nineteen eighty-eight")));

        assertTrue(e.getMessage().contains("since cannot be converted to Integer"), e.getMessage());
        assertEquals(List.of(), statementKinds());
    }

    @Test
    void updateExistingPivotIsCheckedAgainstTheConstraints() {
        blur.members().attach(damon, Map.of("instrument", "keys"));

        assertThrows(PivotValidationException.class,
                () -> blur.members().updateExistingPivot(damon, Map.of("since", 3000)));

        assertEquals(null, pivotRows().get(0).get("since"));
    }

    @Test
    void thePivotEntitysPreInsertHandlerFillsADefault() {
        blur.members().attach(damon);

        assertEquals("vocals", pivotRows().get(0).get("instrument"));
    }

    @Test
    void theAliasNamesThePivotRow() {
        blur.members().attach(damon);
        Musician read = blur.members().first().orElseThrow();

        assertEquals("vocals", read.pivot("membership").get("instrument"));
        NoPivotException e = assertThrows(NoPivotException.class, () -> read.pivot("pivot"));
        assertTrue(e.getMessage().contains("named \"membership\""), e.getMessage());
    }

    @Test
    void aPivotEntityReadThroughTheRelationCanBeChangedAndSaved() {
        blur.members().attach(damon, Map.of("instrument", "keys"));
        BandMember membership = blur.members().first().orElseThrow().pivot(BandMember.class);

        membership.setInstrument("guitar").save();

        assertEquals("guitar", pivotRows().get(0).get("instrument"));
    }

    @Test
    void aRelationWithoutAPivotEntityCannotBeReadAsOne() {
        blur.musicians().attach(damon, Map.of("instrument", "keys"));
        Musician read = blur.musicians().first().orElseThrow();

        NoPivotException e = assertThrows(NoPivotException.class, () -> read.pivot(BandMember.class));

        assertTrue(e.getMessage().contains("using(BandMember.class)"), e.getMessage());
        assertEquals("keys", read.pivot().get("instrument"));
    }

    @Test
    void eagerLoadingGivesEachRowItsTypedPivot() {
        blur.members().attach(Map.of(damon.getId(), Map.of("instrument", "keys"), graham.getId(), Map.of("instrument", "guitar")));

        Band loaded = entities.get(Band.class).with("members").firstOrFail();

        assertEquals(List.of("keys", "guitar"), loaded.members().getResults().stream()
                .sorted(java.util.Comparator.comparing(Musician::getId))
                .map(m -> m.pivot(BandMember.class).getInstrument()).toList());
    }

    @Test
    void syncReportsAsUpdatedOnlyRowsWhoseValuesChanged() {
        blur.members().attach(Map.of(damon.getId(), Map.of("instrument", "keys"), graham.getId(), Map.of("instrument", "guitar")));
        statements.reset();

        var result = blur.members().sync(Map.of(damon.getId(), Map.of("instrument", "keys"), graham.getId(), Map.of("instrument", "bass")));

        assertEquals(List.of(graham.getId()), result.updated());
        assertEquals(List.of("SELECT", "UPDATE", "UPDATE", "UPDATE"), statementKinds()); // the row, then the touched band and musician
    }
}
