package dev.quarry.event;

import java.util.Map;

/**
 * One pivot row an operation attached or detached.
 *
 * <pre>{@code
 * for (PivotRow row : event.detached()) {
 *     archive.save(row.relatedId(), row.values());   // every column of the row as it was
 * }
 * }</pre>
 *
 * @param relatedId the related id, as the operation returns it (a {@code Key} for a composite key)
 * @param values every column of the row: for an attached row, what is inserted (keys, pivot
 *     attributes, filter values and timestamps); for a detached row, the row as it was
 */
public record PivotRow(Object relatedId, Map<String, Object> values) {
    public PivotRow {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }
}
