package dev.quarry.query.internal;

import dev.quarry.sql.SqlBuilder;
import java.lang.reflect.Type;
import java.util.List;

/** One node of a WHERE clause. Every value in it is bound; every column was validated when the node was made. */
public sealed interface Condition {

    /** Appends this condition's SQL and binds its values. */
    void render(SqlBuilder sql);

    /** {@code column op ?} */
    record Comparison(String column, Operator operator, Object value, Type type) implements Condition {
        @Override
        public void render(SqlBuilder sql) {
            sql.identifier(column).append(" ").append(operator.sql()).append(" ").param(value, type);
        }
    }

    /** {@code column IN (?, ...)}, or {@code NOT IN}; an empty list matches nothing (or everything, negated). */
    record In(String column, List<?> values, Type type, boolean negated) implements Condition {
        @Override
        public void render(SqlBuilder sql) {
            if (values.isEmpty()) {
                sql.append(negated ? "1 = 1" : "1 = 0");
                return;
            }
            if (!negated) {
                sql.in(column, values, type);
                return;
            }
            sql.identifier(column).append(" NOT IN (");
            for (int i = 0; i < values.size(); i++) {
                sql.append(i == 0 ? "" : ", ").param(values.get(i), type);
            }
            sql.append(")");
        }
    }

    /** {@code column IS NULL}, or {@code IS NOT NULL}. */
    record Null(String column, boolean negated) implements Condition {
        @Override
        public void render(SqlBuilder sql) {
            sql.identifier(column).append(negated ? " IS NOT NULL" : " IS NULL");
        }
    }

    /** {@code (a, b) IN ((?, ?), ...)}: a row-value IN, which both databases prepare well for thousands of tuples. */
    record TupleIn(List<String> columns, List<List<Object>> tuples, List<? extends Type> types) implements Condition {
        @Override
        public void render(SqlBuilder sql) {
            sql.tupleIn(columns, tuples, types);
        }
    }

    /** {@code left = right}: two columns, as a correlated subquery joins to its outer query. */
    record ColumnsEqual(String left, String right) implements Condition {
        @Override
        public void render(SqlBuilder sql) {
            sql.identifier(left).append(" = ").identifier(right);
        }
    }

    /** {@code EXISTS (subquery)}, or {@code NOT EXISTS}. */
    record Exists(java.util.function.Consumer<SqlBuilder> subquery, boolean negated) implements Condition {
        @Override
        public void render(SqlBuilder sql) {
            sql.append(negated ? "NOT EXISTS (" : "EXISTS (");
            subquery.accept(sql);
            sql.append(")");
        }
    }

    /** {@code (subquery) operator ?}: a correlated count compared with a number. */
    record CountCompare(java.util.function.Consumer<SqlBuilder> subquery, Operator operator, long count) implements Condition {
        @Override
        public void render(SqlBuilder sql) {
            sql.append("(");
            subquery.accept(sql);
            sql.append(") ").append(operator.sql()).append(" ").param(count);
        }
    }

    /** {@code NOT (condition)}. */
    record Not(Condition condition) implements Condition {
        @Override
        public void render(SqlBuilder sql) {
            sql.append("NOT (");
            condition.render(sql);
            sql.append(")");
        }
    }

    /** A parenthesised group of clauses. */
    record Group(List<Clause> clauses) implements Condition {
        @Override
        public void render(SqlBuilder sql) {
            sql.append("(");
            Clause.renderAll(clauses, sql);
            sql.append(")");
        }
    }
}
