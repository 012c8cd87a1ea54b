package dev.quarry.relation;

import dev.quarry.entity.BaseEntity;
import dev.quarry.internal.ColumnValues;
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
    /** The name a pivot row goes by unless the relation gives it another with {@code as(...)}. */
    public static final String DEFAULT_ALIAS = "pivot";

    private final String table;
    private final Map<String, Object> values;
    private final String alias;
    private final BaseEntity<?> entity;

    public Pivot(String table, Map<String, Object> values) {
        this(Collections.unmodifiableMap(new LinkedHashMap<>(values)), table, DEFAULT_ALIAS, null);
    }

    /** Keeps {@code unmodifiable} as it is. */
    private Pivot(Map<String, Object> unmodifiable, String table, String alias, BaseEntity<?> entity) {
        this.table = table;
        this.values = unmodifiable;
        this.alias = alias;
        this.entity = entity;
    }

    /** A pivot over a map nobody else holds: wrapped, not copied (one per related row in an eager load). */
    static Pivot owning(String table, Map<String, Object> values, String alias, BaseEntity<?> entity) {
        return new Pivot(values instanceof ColumnValues row ? row : Collections.unmodifiableMap(values), table, alias, entity);
    }

    /** The name the relation gives its pivot rows: {@code "pivot"}, or what {@code as("membership")} set. */
    public String alias() {
        return alias;
    }

    /**
     * The pivot row as the typed pivot entity the relation was declared {@code using}: its attributes
     * typed and converted, savable like any entity.
     *
     * <pre>{@code
     * RoleUser membership = role.pivot().as(RoleUser.class);
     * membership.getAssignedBy();
     * }</pre>
     *
     * @throws NoPivotException if the relation has no pivot entity, or another one
     */
    public <E extends BaseEntity<E>> E as(Class<E> type) {
        if (entity == null || !type.isInstance(entity)) {
            throw new NoPivotException("The pivot row of " + table + " is " + (entity == null ? "not an entity"
                    : "a " + entity.getClass().getSimpleName()) + ", so it cannot be read as a " + type.getSimpleName() + ".",
                    "Declare the relation with using(" + type.getSimpleName() + ".class) to read its rows as "
                            + type.getSimpleName() + ", or read the values with get(column).");
        }
        return type.cast(entity);
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
