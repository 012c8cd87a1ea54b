package dev.quarry.relation;

import java.util.List;

/**
 * One condition on a pivot table's columns, declared with {@code wherePivot*} on a relation. It
 * narrows what the relation reads and what its detach and sync touch; an equality filter also
 * gives the column its value in rows the relation inserts.
 *
 * @param column the pivot column
 * @param operator the SQL operator: {@code =}, {@code <>}, {@code <}, ..., {@code IN}, {@code NOT IN},
 *     {@code IS NULL} or {@code IS NOT NULL}
 * @param values the bound values: one for a comparison, several for IN, none for the null checks
 */
public record PivotFilter(String column, String operator, List<Object> values) {
    private static final java.util.Set<String> OPERATORS = java.util.Set.of(
            "=", "<>", "<", "<=", ">", ">=", "LIKE", "NOT LIKE", "IN", "NOT IN", "IS NULL", "IS NOT NULL");

    public PivotFilter {
        dev.quarry.sql.Identifiers.requirePart(column, "pivot column", "a pivot filter");
        if (!OPERATORS.contains(operator)) {
            throw new dev.quarry.query.InvalidQueryException("A pivot filter takes one of " + OPERATORS + ", not "
                    + dev.quarry.sql.Identifiers.printable(operator) + ".");
        }
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }

    /** True if the filter pins the column to one value ({@code column = value}). */
    public boolean isEquality() {
        return operator.equals("=");
    }
}
