package dev.quarry.internal;

import dev.quarry.entity.Attribute;
import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.EntityMetadata;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What Quarry tracks for one entity instance: where it belongs, whether its row exists, and the
 * attribute values as last read from or written to that row (for dirty checks).
 */
public final class EntityState<T extends BaseEntity<T>> {
    private final EntityContext context;
    private final EntityMetadata<T> metadata;
    private Object[] original;
    private boolean loaded;
    private boolean deleted;
    private Map<String, Object> extras = Map.of();
    private String[] extraLabels;
    private Object[] extraValues;
    private Map<String, Object> relations;
    private Object pivot;
    private int loadedAmong = 1;

    public EntityState(EntityContext context, EntityMetadata<T> metadata) {
        this.context = context;
        this.metadata = metadata;
    }

    public EntityContext context() {
        return context;
    }

    public EntityMetadata<T> metadata() {
        return metadata;
    }

    /** Columns a query selected beyond the attributes (pivot columns, counts), by column label. */
    public Map<String, Object> extras() {
        if (extras == null) {
            extras = new ColumnValues(extraLabels, extraValues);
        }
        return extras;
    }

    public void setExtras(Map<String, Object> extras) {
        this.extras = extras;
        this.extraLabels = null;
        this.extraValues = null;
    }

    /**
     * Keeps a row's extra columns as they came, the map made only if someone asks: a relation that
     * takes them over ({@link #extraValues()}) then costs no map per row.
     *
     * @param labels shared by every row of the result set; never changed
     * @param values this row's values, in the order of {@code labels}
     */
    public void setExtraRow(String[] labels, Object[] values) {
        this.extras = null;
        this.extraLabels = labels;
        this.extraValues = values;
    }

    /** The labels given to {@link #setExtraRow}, or null if the extras are a map already. */
    public String[] extraLabels() {
        return extras == null ? extraLabels : null;
    }

    /** The values given to {@link #setExtraRow}, or null if the extras are a map already. */
    public Object[] extraValues() {
        return extras == null ? extraValues : null;
    }

    /** The loaded value of a relation, or null if it has not been loaded. */
    public Object relation(String name) {
        return relations == null ? null : relations.get(name);
    }

    /** True if the relation has been loaded (eagerly or on first access). */
    public boolean hasRelation(String name) {
        return relations != null && relations.containsKey(name);
    }

    public void setRelation(String name, Object value) {
        if (relations == null) {
            relations = new java.util.HashMap<>();
        }
        relations.put(name, value);
    }

    /** Forgets a loaded relation, so the next access reads it again. */
    public void forgetRelation(String name) {
        if (relations != null) {
            relations.remove(name);
        }
    }

    /** Forgets every loaded relation. */
    public void forgetRelations() {
        relations = null;
    }

    /** The pivot row this entity was read with through a many-to-many relation, or null. */
    public Object pivot() {
        return pivot;
    }

    public void setPivot(Object pivot) {
        this.pivot = pivot;
    }

    /** True once the entity's row exists: it was read from the database or saved. */
    /** Records that this entity came from a query that returned {@code rows} rows. */
    public void loadedAmong(int rows) {
        this.loadedAmong = rows;
    }

    /** How many rows the query that loaded this entity returned (1 for an entity read or made alone). */
    public int loadedAmong() {
        return loadedAmong;
    }

    public boolean isLoaded() {
        return loaded;
    }

    /** Records that the entity's row exists (or no longer does) and remembers its values as clean. */
    public void markLoaded(T entity, boolean rowExists) {
        this.loaded = rowExists;
        if (rowExists) {
            this.deleted = false;
        }
        snapshot(entity);
    }

    /** The state a rolled-back write must restore: loaded, deleted and the clean values. */
    public Runnable restorer(T entity) {
        boolean wasLoaded = loaded;
        boolean wasDeleted = deleted;
        Object[] wasOriginal = original;
        return () -> {
            loaded = wasLoaded;
            deleted = wasDeleted;
            original = wasOriginal;
        };
    }

    /**
     * Records that the entity was just read from its row, whose attribute values (by attribute index)
     * are {@code values}: the same as {@link #markLoaded} without reading every field back. Keeps the array.
     */
    public void markRead(Object[] values) {
        this.loaded = true;
        this.deleted = false;
        for (int i = 0; i < values.length; i++) {
            values[i] = copyIfMutable(values[i]);
        }
        this.original = values;
    }

    /** Records that this entity deleted its row. */
    public void markDeleted(T entity) {
        markLoaded(entity, false);
        this.deleted = true;
    }

    /** True if the entity's row was deleted through it. */
    public boolean isDeleted() {
        return deleted;
    }

    /** Remembers the current values as the clean ones. */
    public void snapshot(T entity) {
        List<Attribute> attributes = metadata.attributes();
        Object[] values = new Object[attributes.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = copyIfMutable(attributes.get(i).read(entity));
        }
        this.original = values;
    }

    /**
     * Remembers {@code value} as one attribute's clean value, leaving the others as they are: how a value
     * Quarry wrote itself (a touched timestamp) stays out of the entity's unsaved changes.
     */
    public void markCleanValue(Attribute attribute, Object value) {
        Object[] values = original == null ? new Object[metadata.attributes().size()] : original.clone(); // a restorer may hold the old array
        values[attribute.index()] = copyIfMutable(value);
        this.original = values;
    }

    /** The value as last read or saved, or {@code null} if never snapshotted. */
    public Object original(Attribute attribute) {
        return original == null ? null : original[attribute.index()];
    }

    /** True if any attribute differs from its clean value. */
    public boolean isDirty(T entity) {
        List<Attribute> attributes = metadata.attributes();
        for (int i = 0; i < attributes.size(); i++) {
            if (changed(entity, i)) {
                return true;
            }
        }
        return false;
    }

    /** True if {@code attribute} differs from its clean value. */
    public boolean isDirty(T entity, Attribute attribute) {
        return changed(entity, attribute.index());
    }

    /** The changed attributes with their current values, in declaration order. */
    public Map<Attribute, Object> dirty(T entity) {
        Map<Attribute, Object> dirty = new LinkedHashMap<>();
        List<Attribute> attributes = metadata.attributes();
        for (int i = 0; i < attributes.size(); i++) {
            if (changed(entity, i)) {
                dirty.put(attributes.get(i), attributes.get(i).read(entity));
            }
        }
        return dirty;
    }

    private boolean changed(T entity, int index) {
        Object now = metadata.attributes().get(index).read(entity);
        Object then = original == null ? null : original[index];
        return !sameValue(now, then);
    }

    static boolean sameValue(Object a, Object b) {
        if (a != null && b != null && a.getClass().isArray() && b.getClass().isArray()) {
            return Arrays.deepEquals(new Object[] {a}, new Object[] {b});
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    /** A copy of a value that can change in place (dates, arrays), so that such a change counts as dirty. */
    @SuppressWarnings("JavaUtilDate") // users' attributes may be java.util.Date or java.sql.Timestamp: copy them
    private static Object copyIfMutable(Object value) {
        if (value instanceof java.util.Date date) {
            return date.clone();
        }
        if (value != null && value.getClass().isArray()) {
            int length = java.lang.reflect.Array.getLength(value);
            Object copy = java.lang.reflect.Array.newInstance(value.getClass().getComponentType(), length);
            System.arraycopy(value, 0, copy, 0, length);
            return copy;
        }
        return value;
    }
}
