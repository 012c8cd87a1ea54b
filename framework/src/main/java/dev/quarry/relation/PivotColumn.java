package dev.quarry.relation;

import java.util.Objects;

/**
 * A pivot column of one many-to-many relation, checked by the compiler: the generated metamodel
 * has one constant per column the relation declares with {@link PivotColumns}
 * ({@code User_.Roles.ASSIGNED_BY}), accepted by {@code wherePivot}, {@code orderByPivot} and
 * {@code Pivot.get}. The column of another relation does not compile.
 *
 * <pre>{@code
 * user.roles().wherePivot(User_.Roles.ASSIGNED_BY, "admin").orderByPivot(User_.Roles.ASSIGNED_BY).get();
 * }</pre>
 *
 * @param <P> the entity that declares the relation
 * @param <R> the related entity
 */
public final class PivotColumn<P, R> {
    private final String column;

    private PivotColumn(String column) {
        this.column = column;
    }

    /** The pivot column named {@code column}; generated code calls it. */
    public static <P, R> PivotColumn<P, R> of(String column) {
        Objects.requireNonNull(column, "column");
        return new PivotColumn<>(column);
    }

    /** The column's name in the pivot table. */
    public String column() {
        return column;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PivotColumn<?, ?> that && that.column.equals(column);
    }

    @Override
    public int hashCode() {
        return column.hashCode();
    }

    @Override
    public String toString() {
        return column;
    }
}
