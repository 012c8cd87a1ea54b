package dev.quarry.entity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A composite key value: one value per key attribute, by attribute name. Single-column keys are
 * passed as plain values ({@code 4}, {@code "US"}); composite ones as a {@code Key}.
 *
 * <pre>{@code
 * memberships.find(Key.of("userId", 1L, "teamId", 2L));
 * user.teams().attach(Key.of("orgId", 7, "teamId", 3));
 * }</pre>
 */
public final class Key {
    private final Map<String, Object> parts;

    private Key(Map<String, Object> parts) {
        this.parts = Collections.unmodifiableMap(parts);
    }

    /** A key of two attributes. */
    public static Key of(String name1, Object value1, String name2, Object value2) {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put(name1, value1);
        parts.put(name2, value2);
        return new Key(parts);
    }

    /** A key of three attributes. */
    public static Key of(String name1, Object value1, String name2, Object value2, String name3, Object value3) {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put(name1, value1);
        parts.put(name2, value2);
        parts.put(name3, value3);
        return new Key(parts);
    }

    /** A key from a map of attribute name to value, in the map's order. */
    public static Key of(Map<String, ?> parts) {
        return new Key(new LinkedHashMap<>(parts));
    }

    /** The values by attribute name. */
    public Map<String, Object> parts() {
        return parts;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Key k && parts.equals(k.parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    @Override
    public String toString() {
        return "Key" + parts;
    }
}
