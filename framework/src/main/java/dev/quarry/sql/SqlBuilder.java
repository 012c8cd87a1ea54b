package dev.quarry.sql;

import dev.quarry.sql.dialect.Dialect;
import java.lang.reflect.Type;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Builds one statement: SQL text with {@code ?} placeholders and the values bound to them.
 * Names go through {@link #identifier}, which validates and quotes; values go through
 * {@link #param}, which binds. There is no way to splice a value into the text.
 *
 * <pre>{@code
 * SqlBuilder sql = new SqlBuilder(dialect).append("SELECT * FROM ").identifier("users")
 *         .append(" WHERE ").identifier("email").append(" = ").param("a@example.com");
 * }</pre>
 */
public final class SqlBuilder {
    /** From how many values an {@code IN} list is bound as one array, where the dialect can. */
    public static final int ARRAY_FROM = 50;

    private final Dialect dialect;
    private final StringBuilder sql = new StringBuilder(128);
    private final List<Object> values = new ArrayList<>();
    private final List<Type> types = new ArrayList<>();

    public SqlBuilder(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The dialect names are quoted for. */
    public Dialect dialect() {
        return dialect;
    }

    /** Appends SQL text written by Quarry itself (keywords, punctuation), never user input. */
    public SqlBuilder append(String keywords) {
        sql.append(keywords);
        return this;
    }

    /** Appends a validated, quoted identifier ({@code users} or {@code users.email}). */
    public SqlBuilder identifier(String name) {
        dialect.appendQuoted(sql, name);
        return this;
    }

    /** Appends a placeholder and binds {@code value} by its runtime type. */
    public SqlBuilder param(Object value) {
        return param(value, null);
    }

    /** Appends a placeholder and binds {@code value} as {@code type} (so that a null is typed). */
    public SqlBuilder param(Object value, Type type) {
        sql.append('?');
        values.add(value);
        types.add(type);
        return this;
    }

    /**
     * Appends {@code column IN (?, ...)} binding each value as {@code type}; from
     * {@value #ARRAY_FROM} values of a type the dialect binds as an array, one array parameter
     * instead ({@link Dialect#inArray}). The list must not be empty nor hold a null.
     */
    public SqlBuilder in(String column, List<?> values, Type type) {
        if (values.size() >= ARRAY_FROM) {
            Optional<String> sqlType = elementClass(values, type).flatMap(dialect::arrayElementType);
            if (sqlType.isPresent()) {
                dialect.inArray(this, column, sqlType.get(), values);
                return this;
            }
        }
        identifier(column).append(" IN (");
        for (int i = 0; i < values.size(); i++) {
            append(i == 0 ? "" : ", ").param(values.get(i), type);
        }
        return append(")");
    }

    /** Appends one placeholder binding {@code values} as a SQL array of {@code sqlType}. */
    public SqlBuilder arrayParam(String sqlType, List<?> values) {
        return param(new SqlArray(sqlType, values.toArray()), null);
    }

    /**
     * Appends the row-value {@code (a, b) IN ((?, ?), ...)} (for one column, {@link #in}), binding
     * each value as its column's type; no tuples render {@code 1 = 0}.
     */
    public SqlBuilder tupleIn(List<String> columns, List<List<Object>> tuples, List<? extends Type> types) {
        if (tuples.isEmpty()) {
            return append("1 = 0");
        }
        if (columns.size() == 1) {
            return in(columns.get(0), tuples.stream().map(tuple -> tuple.get(0)).toList(), types.get(0));
        }
        append("(");
        for (int i = 0; i < columns.size(); i++) {
            append(i == 0 ? "" : ", ").identifier(columns.get(i));
        }
        append(") IN (");
        for (int t = 0; t < tuples.size(); t++) {
            append(t == 0 ? "(" : ", (");
            for (int i = 0; i < columns.size(); i++) {
                append(i == 0 ? "" : ", ").param(tuples.get(t).get(i), types.get(i));
            }
            append(")");
        }
        return append(")");
    }

    /** Appends {@code (a, b) VALUES (?, ?)} for one row, binding each value as its column's type. */
    public SqlBuilder columnsAndValues(List<ColumnValue> row) {
        append("(");
        for (int i = 0; i < row.size(); i++) {
            append(i == 0 ? "" : ", ").identifier(row.get(i).column());
        }
        append(") VALUES (");
        for (int i = 0; i < row.size(); i++) {
            append(i == 0 ? "" : ", ").param(row.get(i).value(), row.get(i).type());
        }
        return append(")");
    }

    /** Number of values bound so far. */
    public int parameterCount() {
        return values.size();
    }

    /** The SQL text. */
    public String sql() {
        return sql.toString();
    }

    /** The bound values, in placeholder order. */
    public List<Object> values() {
        return java.util.Collections.unmodifiableList(new ArrayList<>(values)); // a bound value may be null
    }

    /**
     * Binds every value to {@code statement}.
     *
     * @throws StatementFailedException for a string the database would not store as it is (see
     *     {@link Dialect#storesUnpairedSurrogates()}), before the statement runs
     */
    public <S extends SqlStatement<S>> S bindTo(S statement) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) instanceof String text && !dialect.storesUnpairedSurrogates()) {
                requireNoUnpairedSurrogate(text);
            }
            Type type = types.get(i);
            if (values.get(i) instanceof Argument argument) {
                statement.bind(i, argument);
            } else if (type == null) {
                statement.bind(i, values.get(i));
            } else {
                statement.bindByType(i, values.get(i), type);
            }
        }
        return statement;
    }

    private void requireNoUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new StatementFailedException(sql(), "The value " + Identifiers.printable(text) + " has an unpaired"
                        + " surrogate " + String.format("\\u%04x", (int) c) + " at index " + i + ", which " + dialect.name()
                        + " cannot store as it is (it has no UTF-8 form); nothing was sent", null);
            }
        }
    }

    /** The one class of every value, when {@code type} or the values themselves name it. */
    private static Optional<Class<?>> elementClass(List<?> values, Type type) {
        Object first = values.get(0);
        Class<?> element = type instanceof Class<?> declared && !declared.isPrimitive() ? declared
                : first != null && (type == null || type == long.class || type == int.class) ? first.getClass() : null;
        if (element == null) {
            return Optional.empty();
        }
        for (Object value : values) {
            if (value == null || value.getClass() != element) {
                return Optional.empty();
            }
        }
        return Optional.of(element);
    }

    /**
     * A list bound as one {@code java.sql.Array}, made on the statement's own connection; listeners
     * see its values.
     */
    private record SqlArray(String sqlType, Object[] elements) implements Argument {
        @Override
        public void apply(int position, PreparedStatement statement, StatementContext ctx) throws SQLException {
            statement.setArray(position, statement.getConnection().createArrayOf(sqlType, elements));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SqlArray that && sqlType.equals(that.sqlType) && Arrays.equals(elements, that.elements);
        }

        @Override
        public int hashCode() {
            return sqlType.hashCode() * 31 + Arrays.hashCode(elements);
        }

        @Override
        public String toString() {
            return sqlType + " ARRAY" + Arrays.toString(elements);
        }
    }

    @Override
    public String toString() {
        return sql + " " + values;
    }
}
