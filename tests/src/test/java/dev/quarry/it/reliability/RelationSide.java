package dev.quarry.it.reliability;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Key;
import dev.quarry.relation.BelongsToMany;
import dev.quarry.relation.pivot.SyncResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One relation through which a property writes: a belongsToMany of some parents, the pivot columns
 * it maps its keys to, its pivot filter and the forms in which its related rows can be named
 * (known ones in several forms, unknown ones, and values that name nothing and must be refused).
 */
final class RelationSide {
    /** A related row that exists, with the forms that name it: its entity, its id as Long, int, String, Key... */
    record Item(List<Object> key, List<Object> forms) {}

    String label;                      // "User.roles"
    String relation;                   // "roles", as with(...) knows it
    PivotRows table;
    List<String> foreignColumns;       // pivot columns of the parent key, in the parent key's order
    List<String> relatedColumns;       // pivot columns of the related key, in the related key's order
    List<String> relatedKeyNames;      // attribute names of a composite related key (Key parts)
    Map<String, Object> filter = Map.of(); // wherePivot equality filters: column -> value
    List<String> readColumns = List.of();  // pivot columns read with each related row, compared on read back
    boolean timestamps;
    String createdAt = "createdAt";
    String updatedAt = "updatedAt";

    Function<BaseEntity<?>, BelongsToMany<?, ?>> relationOf;
    Function<BaseEntity<?>, List<Object>> keyOfParent;
    Function<BaseEntity<?>, List<Object>> keyOfRelated;
    Function<List<Object>, BaseEntity<?>> find;           // a fresh parent, read alone (strict mode allows lazy loads)
    Supplier<List<? extends BaseEntity<?>>> eagerAll;     // every parent, with(relation)
    BiFunction<BaseEntity<?>, Object, SyncResult> setter; // the generated setX, given an Object[] or a Collection; or null

    List<List<Object>> parentKeys = new ArrayList<>();
    List<BaseEntity<?>> parents = new ArrayList<>();      // reloaded before every sequence
    List<Item> related = new ArrayList<>();
    List<Object> unknown = new ArrayList<>();             // valid ids naming no row: attaching one must fail
    List<Object> invalid = new ArrayList<>();             // refused before any SQL
    List<Object> unsavedWithKey = new ArrayList<>();      // unsaved entities with a key set by hand: refused like any unsaved entity
    List<Map<String, Object>> attributes = new ArrayList<>(); // valid pivot attributes (an empty map too)
    List<Map<String, Object>> badAttributes = new ArrayList<>(); // refused: a key column, or contradicting the filter

    void reloadParents() {
        parents.clear();
        for (List<Object> key : parentKeys) {
            parents.add(find.apply(key));
        }
    }

    /** True if the attributes may be written by this operation; updateExistingPivot may change a filter column. */
    boolean refuses(Map<String, ?> attrs, boolean update) {
        for (Map.Entry<String, ?> e : attrs.entrySet()) {
            if (foreignColumns.contains(e.getKey()) || relatedColumns.contains(e.getKey())) {
                return true;
            }
            if (!update && filter.containsKey(e.getKey()) && !PivotRows.same(filter.get(e.getKey()), e.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** True if these attributes move a row out of this relation (updateExistingPivot of a filter column). */
    boolean moves(Map<String, ?> attrs) {
        for (Map.Entry<String, ?> e : attrs.entrySet()) {
            if (filter.containsKey(e.getKey()) && !PivotRows.same(filter.get(e.getKey()), e.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** The key of an id as an operation returns it (a value, or a Key for a composite one), normalised. */
    List<Object> keyOfResult(Object value) {
        if (value instanceof Key key) {
            List<Object> parts = new ArrayList<>();
            for (String name : relatedKeyNames) {
                parts.add(PivotRows.norm(key.parts().get(name)));
            }
            return parts;
        }
        return List.of(PivotRows.norm(value));
    }

    /** The rows this relation sees for one parent: related key -> the full pivot row. */
    Map<List<Object>, Map<String, Object>> visible(PivotRows rows, List<Object> parentKey) {
        Map<List<Object>, Map<String, Object>> seen = new LinkedHashMap<>();
        rows.rows().values().forEach(row -> {
            for (int i = 0; i < foreignColumns.size(); i++) {
                if (!PivotRows.same(row.get(foreignColumns.get(i)), parentKey.get(i))) {
                    return;
                }
            }
            for (Map.Entry<String, Object> f : filter.entrySet()) {
                if (!PivotRows.same(row.get(f.getKey()), f.getValue())) {
                    return;
                }
            }
            List<Object> key = new ArrayList<>();
            relatedColumns.forEach(c -> key.add(row.get(c)));
            seen.put(key, row);
        });
        return seen;
    }

    /** What reading the relation of one parent must return: related key -> the read pivot columns. */
    Map<List<Object>, Map<String, Object>> expectedRead(PivotRows rows, List<Object> parentKey) {
        Map<List<Object>, Map<String, Object>> read = new LinkedHashMap<>();
        visible(rows, parentKey).forEach((key, row) -> {
            Map<String, Object> values = new LinkedHashMap<>();
            readColumns.forEach(c -> values.put(c, row.get(c)));
            read.put(key, values);
        });
        return read;
    }

    /** What a read of the relation returned, in the same form; duplicates fail. */
    Map<List<Object>, Map<String, Object>> actualRead(List<?> entities, String how) {
        Map<List<Object>, Map<String, Object>> read = new LinkedHashMap<>();
        for (Object o : entities) {
            BaseEntity<?> entity = (BaseEntity<?>) o;
            Map<String, Object> values = new LinkedHashMap<>();
            readColumns.forEach(c -> values.put(c, PivotRows.norm(entity.pivot().get(c))));
            List<Object> key = keyOfRelated.apply(entity);
            if (read.put(key, values) != null) {
                throw new AssertionError("[duplicates] " + how + " returned " + key + " twice: " + entities);
            }
        }
        return read;
    }

    /** A readable form of an argument value. */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof BaseEntity<?> entity) {
            return entity.isLoaded() ? entity.getClass().getSimpleName() + "(" + entity.keyValue() + ")"
                    : "unsaved " + entity.getClass().getSimpleName() + entity.toMap();
        }
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value instanceof Long l) {
            return l + "L";
        }
        if (value instanceof Integer i) {
            return "(int) " + i;
        }
        if (value instanceof Key key) {
            StringBuilder text = new StringBuilder("Key.of(");
            int i = 0;
            for (Map.Entry<String, Object> part : key.parts().entrySet()) {
                text.append(i++ == 0 ? "" : ", ").append('"').append(part.getKey()).append("\", ").append(describe(part.getValue()));
            }
            return text.append(")").toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder text = new StringBuilder("{");
            int i = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                text.append(i++ == 0 ? "" : ", ").append(e.getKey()).append('=').append(describe(e.getValue()));
            }
            return text.append("}").toString();
        }
        if (value instanceof List<?> list) {
            return "List" + list.stream().map(RelationSide::describe).toList();
        }
        return value.getClass().getSimpleName() + " " + value;
    }
}
