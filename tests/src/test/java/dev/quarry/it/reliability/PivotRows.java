package dev.quarry.it.reliability;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * The in-memory model of one pivot table: its rows, keyed by the values of the table's primary key
 * columns, each with the value of every column. Values are normalised so that the model, straight
 * SQL and what Quarry reads back compare equal: integral numbers as {@code Long}, timestamps as
 * {@code Instant}.
 */
final class PivotRows {
    final String table;
    final List<String> keyColumns;
    final List<String> columns;
    private final Map<List<Object>, Map<String, Object>> rows = new LinkedHashMap<>();

    PivotRows(String table, List<String> keyColumns, List<String> otherColumns) {
        this.table = table;
        this.keyColumns = List.copyOf(keyColumns);
        List<String> all = new ArrayList<>(keyColumns);
        all.addAll(otherColumns);
        this.columns = List.copyOf(all);
    }

    /** A copy with the same rows, to compute what an operation should leave. */
    PivotRows copy() {
        PivotRows copy = new PivotRows(table, keyColumns, columns.subList(keyColumns.size(), columns.size()));
        rows.forEach((key, row) -> copy.rows.put(key, new LinkedHashMap<>(row)));
        return copy;
    }

    Map<List<Object>, Map<String, Object>> rows() {
        return rows;
    }

    void clear() {
        rows.clear();
    }

    /** Adds a row: every column of the table, null where {@code values} has none. */
    void insert(Map<String, Object> values) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (String column : columns) {
            row.put(column, norm(values.get(column)));
        }
        rows.put(keyOf(row), row);
    }

    List<Object> keyOf(Map<String, Object> row) {
        List<Object> key = new ArrayList<>();
        for (String column : keyColumns) {
            key.add(norm(row.get(column)));
        }
        return key;
    }

    /** The table's rows straight from JDBC, without Quarry. */
    static Map<List<Object>, Map<String, Object>> read(Jdbi jdbi, PivotRows spec) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < spec.columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append('"').append(spec.columns.get(i)).append('"');
        }
        sql.append(" FROM \"").append(spec.table).append('"');
        Map<List<Object>, Map<String, Object>> read = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery(sql.toString()).map((rs, ctx) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < spec.columns.size(); i++) {
                row.put(spec.columns.get(i), norm(rs.getObject(i + 1)));
            }
            List<Object> key = spec.keyOf(row);
            if (read.put(key, row) != null) {
                throw new AssertionError("two rows of " + spec.table + " have the key " + key);
            }
            return key;
        }).list());
        return read;
    }

    /** A value as the model keeps it. */
    static Object norm(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return value;
    }

    /** Equal as the model compares values (after normalising). */
    static boolean same(Object a, Object b) {
        return Objects.equals(norm(a), norm(b));
    }

    /** Rows sorted by key, one a line, for messages. */
    static String show(Map<List<Object>, Map<String, Object>> rows) {
        Map<String, Object> sorted = new TreeMap<>();
        rows.forEach((key, row) -> sorted.put(key.toString(), row));
        StringBuilder text = new StringBuilder();
        sorted.forEach((key, row) -> text.append("\n      ").append(row));
        return sorted.isEmpty() ? " (no rows)" : text.toString();
    }
}
