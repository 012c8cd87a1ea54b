package dev.quarry.schema;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The live schema as JDBC's {@link DatabaseMetaData} reports it, read lazily and once per table.
 * Names are compared exactly, as Quarry quotes every identifier; a name that differs only in case
 * (HSQLDB folds unquoted names to upper case, PostgreSQL to lower) is offered as a hint.
 */
final class Catalog {
    /** A column as the database has it. */
    record Column(String name, int jdbcType, String typeName) {}

    /** A table and its columns by exact name. */
    record Table(String name, Map<String, Column> columns) {
        Optional<String> columnDifferingInCase(String column) {
            return columns.keySet().stream().filter(c -> c.equalsIgnoreCase(column)).findFirst();
        }
    }

    private final DatabaseMetaData meta;
    private final String defaultSchema;
    private final Map<String, List<String>> tablesBySchema = new HashMap<>();
    private final Map<String, Optional<Table>> tables = new HashMap<>();

    Catalog(DatabaseMetaData meta, String defaultSchema) {
        this.meta = meta;
        this.defaultSchema = defaultSchema;
    }

    /** The table named {@code qualified} ({@code table} or {@code schema.table}), if it exists with exactly that name. */
    Optional<Table> table(String qualified) throws SQLException {
        Optional<Table> known = tables.get(qualified);
        if (known == null) {
            known = read(qualified);
            tables.put(qualified, known);
        }
        return known;
    }

    /** A table whose name differs from {@code qualified}'s only in case, for a hint. */
    Optional<String> tableDifferingInCase(String qualified) throws SQLException {
        String name = tableName(qualified);
        return tablesIn(schemaOf(qualified)).stream().filter(t -> t.equalsIgnoreCase(name)).findFirst();
    }

    private Optional<Table> read(String qualified) throws SQLException {
        String schema = schemaOf(qualified);
        String name = tableName(qualified);
        if (!tablesIn(schema).contains(name)) {
            return Optional.empty();
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        try (ResultSet rs = meta.getColumns(null, pattern(schema), pattern(name), "%")) {
            while (rs.next()) {
                if (name.equals(rs.getString("TABLE_NAME")) && (schema == null || schema.equals(rs.getString("TABLE_SCHEM")))) {
                    String column = rs.getString("COLUMN_NAME");
                    columns.putIfAbsent(column, new Column(column, rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME")));
                }
            }
        }
        return Optional.of(new Table(name, columns));
    }

    /** The tables and views of a schema (or of every schema when the connection names none). */
    private List<String> tablesIn(String schema) throws SQLException {
        String key = String.valueOf(schema);
        List<String> known = tablesBySchema.get(key);
        if (known != null) {
            return known;
        }
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, pattern(schema), "%", null)) {
            while (rs.next()) {
                String type = String.valueOf(rs.getString("TABLE_TYPE")).toUpperCase(Locale.ROOT);
                if ((type.contains("TABLE") || type.contains("VIEW")) && !type.contains("INDEX")
                        && (schema == null || schema.equals(rs.getString("TABLE_SCHEM")))) {
                    names.add(rs.getString("TABLE_NAME"));
                }
            }
        }
        tablesBySchema.put(key, names);
        return names;
    }

    /** The schema searched for {@code qualified}: its own, or the connection's current one. */
    String schemaOf(String qualified) {
        int dot = qualified.lastIndexOf('.');
        return dot < 0 ? defaultSchema : qualified.substring(0, dot);
    }

    private static String tableName(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    /** A metadata search pattern matching exactly {@code name}: {@code _} and {@code %} escaped. */
    private String pattern(String name) throws SQLException {
        if (name == null) {
            return null;
        }
        String escape = meta.getSearchStringEscape();
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }
}
