package dev.quarry.query;

import dev.quarry.query.internal.Clause;
import dev.quarry.query.internal.Condition;
import dev.quarry.query.internal.Operator;
import dev.quarry.sql.Identifiers;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed conditions a query builder always applies, such as a relation's "belongs to this
 * parent". Subclasses of {@link QueryBuilder} add them in {@link QueryBuilder#constrain}; every
 * column must be qualified ({@code table.column}) and is validated, every value is bound.
 */
public final class Constraints {
    private final List<Condition> conditions = new ArrayList<>();

    Constraints() {}

    /** {@code column operator value}; {@code operator} is one of those {@code where} accepts. */
    public Constraints compare(String column, String operator, Object value, Type type) {
        conditions.add(new Condition.Comparison(qualified(column), operator(operator), value, type));
        return this;
    }

    /** {@code column IN (values)}, or {@code NOT IN}; an empty list matches no row (or every row, negated). */
    public Constraints in(String column, List<?> values, Type type, boolean negated) {
        // A null never equals anything in SQL: leave it out rather than bind it.
        conditions.add(new Condition.In(qualified(column), values.stream().filter(java.util.Objects::nonNull)
                .map(v -> (Object) v).toList(), type, negated));
        return this;
    }

    /**
     * {@code column IN (values)}, where a null among the values also matches {@code IS NULL}; negated,
     * {@code NOT IN} that also excludes nulls when null is among the values.
     */
    public Constraints inOrNull(String column, List<?> values, boolean negated) {
        List<Object> present = values.stream().filter(java.util.Objects::nonNull).map(v -> (Object) v).toList();
        Condition in = new Condition.In(qualified(column), present, null, negated);
        if (present.size() < values.size()) {
            in = new Condition.Group(List.of(new Clause(false, in),
                    new Clause(!negated, new Condition.Null(qualified(column), negated))));
        }
        conditions.add(in);
        return this;
    }

    /** {@code left = right}, two qualified columns: how a correlated subquery refers to its outer query. */
    public Constraints columnsEqual(String left, String right) {
        conditions.add(new Condition.ColumnsEqual(qualified(left), qualified(right)));
        return this;
    }

    /** {@code column IS NULL}, or {@code IS NOT NULL}. */
    public Constraints isNull(String column, boolean negated) {
        conditions.add(new Condition.Null(qualified(column), negated));
        return this;
    }

    /**
     * Rows whose {@code columns} equal one of the {@code tuples}: {@code (a, b) IN ((?, ?), ...)}.
     * For one column this is a plain {@code IN}. No tuples match no row.
     */
    public Constraints anyTuple(List<String> columns, List<List<Object>> tuples, List<? extends Type> types) {
        if (columns.size() == 1) {
            return in(columns.get(0), tuples.stream().map(t -> t.get(0)).toList(), types.get(0), false);
        }
        conditions.add(new Condition.TupleIn(columns.stream().map(Constraints::qualified).toList(), tuples, types));
        return this;
    }

    /**
     * The SQL operator for a user-written one ({@code "!="} becomes {@code "<>"}).
     *
     * @throws InvalidQueryException naming the accepted operators
     */
    public static String normalizeOperator(String operator) {
        return operator(operator).sql();
    }

    List<Condition> conditions() {
        return conditions;
    }

    private static Operator operator(String text) {
        Operator operator = Operator.parse(text);
        if (operator == null) {
            throw new InvalidQueryException("The operator " + Identifiers.printable(text) + " is not accepted. Use one of "
                    + Operator.ACCEPTED + ".");
        }
        return operator;
    }

    private static String qualified(String column) {
        return Identifiers.require(column, "column", "a query constraint");
    }
}
