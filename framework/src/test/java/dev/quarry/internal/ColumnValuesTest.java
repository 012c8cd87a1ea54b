package dev.quarry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnValuesTest {
    private static final String[] LABELS = {"userId", "roleId", "note"};

    @Test
    void readsLikeAMapInLabelOrder() {
        Map<String, Object> row = new ColumnValues(LABELS, new Object[] {7L, 3L, null});

        assertEquals(3L, row.get("roleId"));
        assertNull(row.get("note"));
        assertTrue(row.containsKey("note"));
        assertFalse(row.containsKey("other"));
        assertEquals(List.of("userId", "roleId", "note"), List.copyOf(row.keySet()));
    }

    @Test
    void equalsAHashMapOfTheSameEntries() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("userId", 7L);
        expected.put("roleId", 3L);
        expected.put("note", null);

        Map<String, Object> row = new ColumnValues(LABELS, new Object[] {7L, 3L, null});

        assertEquals(expected, row);
        assertEquals(expected.hashCode(), row.hashCode());
    }

    @Test
    void cannotBeChanged() {
        Map<String, Object> row = new ColumnValues(LABELS, new Object[] {7L, 3L, null});

        assertThrows(UnsupportedOperationException.class, () -> row.put("note", "x"));
        assertThrows(UnsupportedOperationException.class, () -> row.remove("note"));
    }
}
