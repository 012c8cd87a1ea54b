package dev.quarry.relation.pivot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PivotDiffTest {
    private static List<Object> key(Object... parts) {
        return List.of(parts);
    }

    private static Map<List<Object>, Map<String, Object>> rows(Object... keysAndAttributes) {
        Map<List<Object>, Map<String, Object>> rows = new LinkedHashMap<>();
        for (int i = 0; i < keysAndAttributes.length; i += 2) {
            @SuppressWarnings("unchecked")
            Map<String, Object> attributes = (Map<String, Object>) keysAndAttributes[i + 1];
            rows.put(key(keysAndAttributes[i]), attributes);
        }
        return rows;
    }

    @Test
    void syncAttachesTheMissingAndDetachesTheRest() {
        PivotDiff diff = PivotDiff.sync(rows(1L, Map.of(), 2L, Map.of()), rows(2L, Map.of(), 3L, Map.of()), true);

        assertEquals(Set.of(key(3L)), diff.toAttach().keySet());
        assertEquals(List.of(key(1L)), diff.toDetach());
        assertTrue(diff.toUpdate().isEmpty());
    }

    @Test
    void syncWithoutDetachingDetachesNothing() {
        PivotDiff diff = PivotDiff.sync(rows(1L, Map.of()), rows(3L, Map.of()), false);

        assertEquals(List.of(), diff.toDetach());
        assertEquals(Set.of(key(3L)), diff.toAttach().keySet());
    }

    @Test
    void syncToNothingDetachesEverything() {
        PivotDiff diff = PivotDiff.sync(rows(1L, Map.of(), 2L, Map.of()), rows(), true);

        assertEquals(List.of(key(1L), key(2L)), diff.toDetach());
    }

    @Test
    void syncUpdatesOnlyTheAttributesThatReallyChanged() {
        PivotDiff diff = PivotDiff.sync(rows(1L, Map.of("level", "admin", "weight", 5)),
                rows(1L, Map.of("level", "admin", "weight", 6)), true);

        assertEquals(Map.of(key(1L), Map.of("weight", 6)), diff.toUpdate());
    }

    @Test
    void syncSeesEqualValuesOfDifferentJavaTypesAsUnchanged() {
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        PivotDiff diff = PivotDiff.sync(rows(1L, Map.of("weight", 5L, "at", Timestamp.from(at), "price", new java.math.BigDecimal("1.50"))),
                rows(1L, Map.of("weight", 5, "at", at, "price", 1.5)), true);

        assertTrue(diff.isEmpty(), diff.toString());
    }

    @Test
    void syncTreatsNullAndAValueAsDifferent() {
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("note", null);
        PivotDiff diff = PivotDiff.sync(rows(1L, stored), rows(1L, Map.of("note", "x")), true);

        assertEquals(Map.of(key(1L), Map.of("note", "x")), diff.toUpdate());
    }

    @Test
    void syncKeepsTheOrderTheIdsWereGivenIn() {
        PivotDiff diff = PivotDiff.sync(rows(), rows(9L, Map.of(), 3L, Map.of(), 5L, Map.of()), true);

        assertEquals(List.of(key(9L), key(3L), key(5L)), List.copyOf(diff.toAttach().keySet()));
    }

    @Test
    void toggleAttachesTheAbsentAndDetachesThePresent() {
        PivotDiff diff = PivotDiff.toggle(Set.of(key(1L)), rows(1L, Map.of(), 2L, Map.of()));

        assertEquals(Set.of(key(2L)), diff.toAttach().keySet());
        assertEquals(List.of(key(1L)), diff.toDetach());
    }

    @Test
    void attachSkipsWhatIsAlreadyAttached() {
        PivotDiff diff = PivotDiff.attach(Set.of(key(1L)), rows(1L, Map.of(), 2L, Map.of("a", 1)));

        assertEquals(Map.of(key(2L), Map.of("a", 1)), diff.toAttach());
        assertTrue(diff.toDetach().isEmpty());
    }

    @Test
    void compositeKeysCompareByEveryPart() {
        PivotDiff diff = PivotDiff.sync(rows(), rows(), true);
        assertTrue(diff.isEmpty());
        Map<List<Object>, Map<String, Object>> current = new LinkedHashMap<>();
        current.put(key(7L, "apollo"), Map.of());
        Map<List<Object>, Map<String, Object>> desired = new LinkedHashMap<>();
        desired.put(key(7L, "gemini"), Map.of());

        PivotDiff composite = PivotDiff.sync(current, desired, true);

        assertEquals(Set.of(key(7L, "gemini")), composite.toAttach().keySet());
        assertEquals(List.of(key(7L, "apollo")), composite.toDetach());
    }
}
