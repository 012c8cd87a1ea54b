package dev.quarry.event;

import java.util.Map;

/**
 * One attached pivot row whose values an operation changed.
 *
 * <pre>{@code
 * for (PivotRowUpdate update : event.updated()) {
 *     ValueChange level = update.changes().get("level");
 * }
 * }</pre>
 *
 * @param relatedId the related id, as the operation returns it
 * @param changes each pivot column whose value changed, with its old and new value
 */
public record PivotRowUpdate(Object relatedId, Map<String, ValueChange> changes) {
    public PivotRowUpdate {
        changes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(changes));
    }
}
