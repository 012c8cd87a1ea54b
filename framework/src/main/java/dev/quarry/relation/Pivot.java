package dev.quarry.relation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pivot row a related entity was read with through a many-to-many relation: its key columns
 * plus those named by {@code withPivot} (and timestamps, with {@code withTimestamps()}).
 *
 * <pre>{@code
 * for (Role role : user.roles().withPivot("assignedBy").get()) {
 *     Object by = role.pivot().get("assignedBy");
 * }
 * }</pre>
 */
public final class Pivot {
    private final String table;
    private final Map<String, Object> values;

    public Pivot(String table, Map<String, Object> values) {
        this(Collections.unmodifiableMap(new LinkedHashMap<>(values)), table);
    }

    /** Keeps {@code unmodifiable} as it is. */
    private Pivot(Map<String, Object> unmodifiable, String table) {
        this.table = table;
        this.values = unmodifiable;
    }

    /** A pivot over a map nobody else holds: wrapped, not copied (one per related row in an eager load). */
    static Pivot owning(String table, Map<String, Object> values) {
        return new Pivot(Collections.unmodifiableMap(values), table);
    }

    /** A value as a pivot row holds it: JDBC timestamps become {@code Instant}s, as entity timestamps are. */
    static Object normalize(Object value) {
        return value instanceof java.sql.Timestamp timestamp ? timestamp.toInstant() : value;
    }

    /** The pivot table. */
    public String table() {
        return table;
    }

    /**
     * The value of a pivot column.
     *
     * @throws UnknownPivotColumnException if the column was not read (add it with {@code withPivot})
     */
    public Object get(String column) {
        if (!values.containsKey(column)) {
            throw new UnknownPivotColumnException(table, column, values.keySet());
        }
        return values.get(column);
    }

    /** {@link #get(String)} by a typed pivot column: {@code role.pivot().get(User_.Roles.ASSIGNED_BY)}. */
    public Object get(PivotColumn<?, ?> column) {
        return get(column.column());
    }

    /** True if the column was read with the row. */
    public boolean has(String column) {
        return values.containsKey(column);
    }

    /** Every column read, with its value. */
    public Map<String, Object> attributes() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Pivot p && table.equals(p.table) && values.equals(p.values);
    }

    @Override
    public int hashCode() {
        return table.hashCode() * 31 + values.hashCode();
    }

    @Override
    public String toString() {
        return "Pivot " + table + values;
    }
}
