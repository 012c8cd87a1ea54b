package dev.quarry.sql;

import dev.quarry.sql.dialect.Dialect;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.statement.SqlStatement;

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
        sql.append(dialect.quote(name));
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
     * Appends the row-value {@code (a, b) IN ((?, ?), ...)} (a plain {@code a IN (?, ...)} for one
     * column), binding each value as its column's type; no tuples render {@code 1 = 0}.
     */
    public SqlBuilder tupleIn(List<String> columns, List<List<Object>> tuples, List<? extends Type> types) {
        if (tuples.isEmpty()) {
            return append("1 = 0");
        }
        boolean single = columns.size() == 1;
        append(single ? "" : "(");
        for (int i = 0; i < columns.size(); i++) {
            append(i == 0 ? "" : ", ").identifier(columns.get(i));
        }
        append(single ? " IN (" : ") IN (");
        for (int t = 0; t < tuples.size(); t++) {
            append(t == 0 ? "" : ", ").append(single ? "" : "(");
            for (int i = 0; i < columns.size(); i++) {
                append(i == 0 ? "" : ", ").param(tuples.get(t).get(i), types.get(i));
            }
            append(single ? "" : ")");
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
            if (type == null) {
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

    @Override
    public String toString() {
        return sql + " " + values;
    }
}
