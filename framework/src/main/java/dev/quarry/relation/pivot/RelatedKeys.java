package dev.quarry.relation.pivot;

import dev.quarry.entity.Attribute;
import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.DetachedEntityException;
import dev.quarry.entity.EntityMetadata;
import dev.quarry.entity.InvalidValueException;
import dev.quarry.entity.Key;
import dev.quarry.internal.ValueConverter;
import dev.quarry.relation.InvalidRelatedIdException;
import dev.quarry.relation.PivotFilter;
import dev.quarry.relation.PivotTable;
import dev.quarry.sql.Identifiers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what a caller passes to a pivot operation (ids, entities, {@link Key}s, mixed, with or
 * without pivot attributes) into the related key values, converted to the key's type ({@code "4"},
 * {@code 4} and {@code 4L} are one id) and without duplicates. Anything that cannot name a related
 * row is refused before any SQL runs.
 */
final class RelatedKeys {
    private final String operation;
    private final String relation;
    private final String parent;
    private final EntityMetadata<?> related;
    private final String relatedName;
    private final PivotTable pivot;
    private final List<Attribute> keys;

    /**
     * Keys of {@code related} entities, or, with {@code related} null, of rows of a table without an
     * entity: then ids are used as given, integral numbers as {@code Long}s.
     */
    RelatedKeys(String operation, String parent, String relation, EntityMetadata<?> related, String relatedName,
                PivotTable pivot) {
        this.operation = operation;
        this.parent = parent;
        this.relation = relation;
        this.related = related;
        this.relatedName = relatedName;
        this.pivot = pivot;
        this.keys = pivot.relatedKeys();
        this.names = related == null ? pivot.relatedPivotKeys() : keys.stream().map(Attribute::name).toList();
    }

    /** The key's parts by name: the related attributes, or a table's pivot columns. */
    private final List<String> names;

    private Class<?> tableKeyType;

    void tableKeyType(Class<?> type) {
        this.tableKeyType = type;
    }

    private boolean tableMode() {
        return related == null;
    }

    /** Each distinct key of {@code values}, in first-seen order, with the same attributes. */
    Map<List<Object>, Map<String, Object>> of(Collection<?> values, Map<String, ?> attributes) {
        if (values == null) {
            throw refused(null, "is not a collection of ids");
        }
        Map<String, Object> checked = attributesOfRowsInThisRelation(attributes);
        Map<List<Object>, Map<String, Object>> keyed = new LinkedHashMap<>(capacity(values.size()));
        for (Object value : values) {
            keyed.put(key(value), checked);
        }
        return keyed;
    }

    /** Each distinct key of the map's keys with its own attributes; a later duplicate's attributes win. */
    Map<List<Object>, Map<String, Object>> of(Map<?, ? extends Map<String, ?>> idsWithAttributes) {
        if (idsWithAttributes == null) {
            throw refused(null, "is not a map of ids to pivot attributes");
        }
        Map<List<Object>, Map<String, Object>> keyed = new LinkedHashMap<>(capacity(idsWithAttributes.size()));
        Map<String, ?> lastGiven = null;
        Map<String, Object> lastChecked = null;
        for (Map.Entry<?, ? extends Map<String, ?>> entry : idsWithAttributes.entrySet()) {
            // Ids given one set of attributes share it (sync(ids) gives every id the same empty map): check it once.
            if (lastChecked == null || entry.getValue() != lastGiven) {
                lastGiven = entry.getValue();
                lastChecked = attributesOfRowsInThisRelation(lastGiven);
            }
            keyed.put(key(entry.getKey()), lastChecked);
        }
        return keyed;
    }

    /** The key values of one id, entity or {@link Key}. */
    List<Object> key(Object value) {
        if (value == null) {
            throw refused(null, "is not an id");
        }
        if (value instanceof BaseEntity<?> entity) {
            if (tableMode()) {
                throw refused(value, "is an entity, but " + relatedName + " has no entity: pass its ids");
            }
            return fromEntity(entity);
        }
        if (value instanceof Key key) {
            return fromKey(key);
        }
        if (value instanceof Map<?, ?>) {
            throw refused(value, "is a Map: pass a composite key as Key.of(...), and per-id pivot attributes as a Map of id to attributes");
        }
        if (value instanceof Collection<?> || value.getClass().isArray()) {
            throw refused(value, "is a collection: pass the ids themselves, or one collection of ids");
        }
        if (names().size() != 1) {
            throw refused(value, "is a single value, but " + relatedName + " is related by " + names()
                    + ": pass Key.of(...) with a value for each");
        }
        return List.of(tableMode() ? asGiven(value) : convert(value, keys.get(0)));
    }

    /** The caller-facing form of a key: the value itself, or a {@link Key} for a composite one. */
    Object publicForm(List<Object> key) {
        if (key.size() == 1) {
            return key.get(0);
        }
        Map<String, Object> parts = new LinkedHashMap<>();
        List<String> names = names();
        for (int i = 0; i < names.size(); i++) {
            parts.put(names.get(i), key.get(i));
        }
        return Key.of(parts);
    }

    /** A hash map's initial capacity for {@code entries} entries, so that filling it never rehashes. */
    static int capacity(int entries) {
        return (int) Math.min(Integer.MAX_VALUE, entries * 4L / 3 + 1);
    }

    /** Converts a key value read from the pivot table to the key's type, so it compares equal to normalised input. */
    List<Object> fromStored(List<Object> stored) {
        if (stored.size() == 1 && stored.get(0) != null) {
            return List.of(tableMode() ? asGiven(stored.get(0)) : ValueConverter.convert(stored.get(0), keys.get(0), related.name()));
        }
        List<Object> key = new ArrayList<>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            key.add(tableMode() ? asGiven(stored.get(i)) : ValueConverter.convert(stored.get(i), keys.get(i), related.name()));
        }
        return key;
    }

    private List<Object> fromEntity(BaseEntity<?> entity) {
        if (!related.type().isInstance(entity)) {
            throw refused(entity, "is a " + entity.getClass().getSimpleName() + ", not a " + related.name());
        }
        if (!isSaved(entity)) {   // even with a key set by hand: it names a row that may not exist
            throw refused(entity, savedState(entity));
        }
        List<Object> key = new ArrayList<>(keys.size());
        for (Attribute attribute : keys) {
            Object part = attribute.read(entity);
            if (part == null) {
                throw refused(entity, savedState(entity));
            }
            key.add(part);
        }
        return key;
    }

    private static boolean isSaved(BaseEntity<?> entity) {
        try {
            return entity.isLoaded();
        } catch (DetachedEntityException e) {
            return false;
        }
    }

    private static String savedState(BaseEntity<?> entity) {
        try {
            return entity.isLoaded() ? "has no value for its key" : "has not been saved: save() it first";
        } catch (DetachedEntityException e) {
            return "was made with 'new', not by the container, and has no key: get it from entities.get(...) and save it";
        }
    }

    private List<Object> fromKey(Key given) {
        Map<String, Object> parts = given.parts();
        if (parts.size() != names().size()) {
            throw refused(given, "has " + parts.size() + " part(s), but " + relatedName + " is related by " + names());
        }
        if (tableMode()) {
            List<Object> key = new ArrayList<>();
            for (String column : names()) {
                if (parts.get(column) == null) {
                    throw refused(given, "has no value for " + column + "; " + relatedName + " is related by " + names());
                }
                key.add(asGiven(parts.get(column)));
            }
            return key;
        }
        List<Object> key = new ArrayList<>(keys.size());
        for (Attribute attribute : keys) {
            Object part = parts.containsKey(attribute.name()) ? parts.get(attribute.name()) : parts.get(attribute.column());
            if (part == null) {
                throw refused(given, "has no value for " + attribute.name() + "; " + related.name() + " is related by " + names());
            }
            key.add(convert(part, attribute));
        }
        return key;
    }

    private Object convert(Object value, Attribute attribute) {
        try {
            return ValueConverter.convert(value, attribute, related.name());
        } catch (InvalidValueException e) {
            throw refused(value, "cannot be converted to the " + attribute.type().getSimpleName() + " key " + attribute.name()
                    + " of " + related.name());
        }
    }

    /**
     * Pivot attributes with their column names checked; null means none. An attribute may not
     * name a key column. (Changing a filtered column of an existing row, which moves the row
     * between filtered relations, is allowed: see {@link #attributesOfRowsInThisRelation}.)
     */
    Map<String, Object> attributes(Map<String, ?> given) {
        Map<String, Object> checked = new LinkedHashMap<>();
        if (given == null) {
            return checked;
        }
        given.forEach((column, value) -> {
            Identifiers.requirePart(column, "pivot column", operation + " on " + parent + "." + relation);
            if (pivot.foreignPivotKeys().contains(column) || pivot.relatedPivotKeys().contains(column)) {
                throw refused(Map.of(column, String.valueOf(value)), "sets the key column " + column
                        + ", which the relation fills itself");
            }
            checked.put(column, value);
        });
        return checked;
    }

    /**
     * Attributes of rows that must belong to this relation afterwards (attach, sync, toggle): as
     * {@link #attributes}, and none may contradict the relation's own {@code wherePivot} value
     * for its column, or the row would be written where the relation cannot see it.
     */
    Map<String, Object> attributesOfRowsInThisRelation(Map<String, ?> given) {
        Map<String, Object> checked = attributes(given);
        checked.forEach((column, value) -> {
            for (PivotFilter filter : pivot.filters()) {
                if (filter.isEquality() && filter.column().equals(column)
                        && !ValueConverter.sameValue(filter.values().get(0), value)) {
                    throw refused(Map.of(column, String.valueOf(value)), "contradicts the relation's wherePivot(\""
                            + column + "\", " + filter.values().get(0) + "): the row would be written where this relation cannot see it");
                }
            }
        });
        return checked;
    }

    private List<String> names() {
        return names;
    }

    /** A table's id in its key type ("4", 4 and 4L are one Long id); as given, integral numbers as Long, without one. */
    private Object asGiven(Object value) {
        if (tableKeyType != null) {
            return ValueConverter.tryConvert(value, tableKeyType).orElseThrow(() -> refused(value,
                    "cannot be converted to the " + tableKeyType.getSimpleName() + " key of " + relatedName));
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof java.math.BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        if (value instanceof Number || value instanceof String || value instanceof java.util.UUID
                || value instanceof java.time.temporal.Temporal || value instanceof Boolean) {
            return value;
        }
        throw refused(value, "is not an id");
    }

    private InvalidRelatedIdException refused(Object value, String problem) {
        return new InvalidRelatedIdException(operation, parent, relation, value, problem);
    }
}
