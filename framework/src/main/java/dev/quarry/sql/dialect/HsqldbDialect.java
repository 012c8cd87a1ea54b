package dev.quarry.sql.dialect;

import dev.quarry.sql.ColumnValue;
import dev.quarry.sql.SqlBuilder;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** HSQLDB, Quarry's embedded default database. */
public final class HsqldbDialect implements Dialect {

    @Override
    public String name() {
        return "hsqldb";
    }

    /**
     * {@code MERGE INTO t USING (VALUES (0)) ON t.unique = ? WHEN MATCHED THEN UPDATE ... WHEN NOT MATCHED
     * THEN INSERT ...}: each value is bound where a column types it, so no casts are needed.
     */
    @Override
    public void upsert(SqlBuilder sql, String table, List<ColumnValue> row, List<String> uniqueBy, Set<String> update) {
        sql.append("MERGE INTO ").identifier(table).append(" USING (VALUES (0)) AS ").identifier("quarry_source")
                .append(" (").identifier("unused").append(") ON ");
        for (int i = 0; i < uniqueBy.size(); i++) {
            ColumnValue key = valueOf(row, uniqueBy.get(i));
            sql.append(i == 0 ? "" : " AND ").identifier(table + "." + key.column()).append(" = ")
                    .param(key.value(), key.type());
        }
        if (!update.isEmpty()) {
            sql.append(" WHEN MATCHED THEN UPDATE SET ");
            int i = 0;
            for (String column : update) {
                ColumnValue changed = valueOf(row, column);
                sql.append(i++ == 0 ? "" : ", ").identifier(column).append(" = ").param(changed.value(), changed.type());
            }
        }
        sql.append(" WHEN NOT MATCHED THEN INSERT ").columnsAndValues(row);
    }

    /** MERGE with only a WHEN NOT MATCHED branch. */
    @Override
    public void insertIfAbsent(SqlBuilder sql, String table, List<ColumnValue> row, List<String> keyColumns) {
        upsert(sql, table, row, keyColumns, Set.of());
    }

    /** The row's value for a column; callers pass only columns the row has (Query#upsert checks). */
    private static ColumnValue valueOf(List<ColumnValue> row, String column) {
        return row.stream().filter(c -> c.column().equals(column)).findFirst().orElseThrow();
    }

    /** HSQLDB 2.7 numbers rows only over the whole result ({@code ROW_NUMBER() OVER ()}). */
    @Override
    public boolean supportsPartitionedWindows() {
        return false;
    }

    /**
     * A thousand: HSQLDB's parser slows down with the square of a statement's placeholders (about a
     * second for 32,000), so many short statements beat one long one.
     */
    @Override
    public int keysPerStatement() {
        return 1_000;
    }

    /** BIGINT and INTEGER keys: HSQLDB's {@code IN (UNNEST(?))} reads an array parameter through the column's index. */
    @Override
    public Optional<String> arrayElementType(Class<?> elementType) {
        return ArrayTypes.integral(elementType);
    }

    @Override
    public void inArray(SqlBuilder sql, String column, String sqlType, List<?> values) {
        sql.identifier(column).append(" IN (UNNEST(").arrayParam(sqlType, values).append("))");
    }

    @Override
    public int maxBindParameters() {
        return 32_767;
    }

    @Override
    public Optional<String> hintFor(SQLException failure) {
        // HSQLDB reports a missing table or column as 42501 "user lacks privilege or object not found".
        if ("42501".equals(failure.getSQLState())) {
            return Optional.of("HSQLDB folds unquoted names to UPPER CASE, while Quarry quotes every name and keeps its case:"
                    + " create tables and columns with quoted names, e.g. CREATE TABLE \"users\" (\"id\" ..., \"email\" ...).");
        }
        return Optional.empty();
    }
}
