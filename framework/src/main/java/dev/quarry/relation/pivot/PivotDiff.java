package dev.quarry.relation.pivot;

import dev.quarry.internal.ValueConverter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a pivot operation must change, decided from what is attached and what was asked for, with
 * no SQL. Keys are lists of key values (one per key column); attributes are pivot column values.
 *
 * @param toAttach keys to insert, each with its pivot attributes, in the order asked
 * @param toDetach keys to delete
 * @param toUpdate keys already attached whose given attributes differ, with only the differing ones
 */
public record PivotDiff(Map<List<Object>, Map<String, Object>> toAttach, List<List<Object>> toDetach,
                        Map<List<Object>, Map<String, Object>> toUpdate) {

    /**
     * A sync: attach what is desired but not current; detach (if {@code detaching}) what is current
     * but not desired; update the desired and current keys whose given attributes differ.
     */
    public static PivotDiff sync(Map<List<Object>, Map<String, Object>> current,
                                 Map<List<Object>, Map<String, Object>> desired, boolean detaching) {
        Map<List<Object>, Map<String, Object>> attach = new LinkedHashMap<>();
        Map<List<Object>, Map<String, Object>> update = new LinkedHashMap<>();
        desired.forEach((key, attributes) -> {
            Map<String, Object> existing = current.get(key);
            if (existing == null) {
                attach.put(key, attributes);
            } else {
                Map<String, Object> changed = changedAttributes(existing, attributes);
                if (!changed.isEmpty()) {
                    update.put(key, changed);
                }
            }
        });
        List<List<Object>> detach = new ArrayList<>();
        if (detaching) {
            current.keySet().stream().filter(key -> !desired.containsKey(key)).forEach(detach::add);
        }
        return new PivotDiff(attach, detach, update);
    }

    /** A toggle: attach the given keys that are not current, detach those that are. */
    public static PivotDiff toggle(Set<List<Object>> current, Map<List<Object>, Map<String, Object>> given) {
        Map<List<Object>, Map<String, Object>> attach = new LinkedHashMap<>();
        List<List<Object>> detach = new ArrayList<>();
        given.forEach((key, attributes) -> {
            if (current.contains(key)) {
                detach.add(key);
            } else {
                attach.put(key, attributes);
            }
        });
        return new PivotDiff(attach, detach, Map.of());
    }

    /** An attach: insert the given keys that are not current. */
    public static PivotDiff attach(Set<List<Object>> current, Map<List<Object>, Map<String, Object>> given) {
        Map<List<Object>, Map<String, Object>> attach = new LinkedHashMap<>();
        given.forEach((key, attributes) -> {
            if (!current.contains(key)) {
                attach.put(key, attributes);
            }
        });
        return new PivotDiff(attach, List.of(), Map.of());
    }

    /** True if nothing changes. */
    public boolean isEmpty() {
        return toAttach.isEmpty() && toDetach.isEmpty() && toUpdate.isEmpty();
    }

    private static Map<String, Object> changedAttributes(Map<String, Object> stored, Map<String, Object> given) {
        Map<String, Object> changed = null; // most rows have no change: no map for them
        for (Map.Entry<String, Object> entry : given.entrySet()) {
            String column = entry.getKey();
            if (!stored.containsKey(column) || !ValueConverter.sameValue(stored.get(column), entry.getValue())) {
                if (changed == null) {
                    changed = new LinkedHashMap<>();
                }
                changed.put(column, entry.getValue());
            }
        }
        return changed == null ? Map.of() : changed;
    }
}
