package dev.quarry.sql.dialect;

import dev.quarry.sql.ColumnValue;
import dev.quarry.sql.SqlBuilder;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** PostgreSQL, and the databases that speak its protocol. */
public final class PostgresDialect implements Dialect {

    @Override
    public String name() {
        return "postgresql";
    }

    /** {@code INSERT ... ON CONFLICT (unique) DO UPDATE SET c = EXCLUDED.c}: needs a unique index on the columns. */
    @Override
    public void upsert(SqlBuilder sql, String table, List<ColumnValue> row, List<String> uniqueBy, Set<String> update) {
        sql.append("INSERT INTO ").identifier(table).append(" ").columnsAndValues(row);
        sql.append(" ON CONFLICT (");
        for (int i = 0; i < uniqueBy.size(); i++) {
            sql.append(i == 0 ? "" : ", ").identifier(uniqueBy.get(i));
        }
        if (update.isEmpty()) {
            sql.append(") DO NOTHING");
            return;
        }
        sql.append(") DO UPDATE SET ");
        int i = 0;
        for (String column : update) {
            sql.append(i++ == 0 ? "" : ", ").identifier(column).append(" = EXCLUDED.").identifier(column);
        }
    }

    /** bigint and integer keys, as {@code column = ANY(?)}: one bind value, one plan whatever the number of keys. */
    @Override
    public Optional<String> arrayElementType(Class<?> elementType) {
        return ArrayTypes.integral(elementType).map(type -> type.toLowerCase(java.util.Locale.ROOT)); // pgjdbc knows bigint, not BIGINT
    }

    @Override
    public void inArray(SqlBuilder sql, String column, String sqlType, List<?> values) {
        sql.identifier(column).append(" = ANY(").arrayParam(sqlType, values).append(")");
    }

    /**
     * {@code INSERT ... ON CONFLICT DO NOTHING}, without a conflict target, so that it needs no
     * particular unique index (and skips a row that would break any of them).
     */
    @Override
    public void insertIfAbsent(SqlBuilder sql, String table, List<ColumnValue> row, List<String> keyColumns) {
        sql.append("INSERT INTO ").identifier(table).append(" ").columnsAndValues(row);
        sql.append(" ON CONFLICT DO NOTHING");
    }

    @Override
    public int maxBindParameters() {
        return 65_535;
    }

    @Override
    public boolean storesUnpairedSurrogates() {
        return false;
    }

    @Override
    public Optional<String> hintFor(SQLException failure) {
        String state = failure.getSQLState();
        if ("25P02".equals(state)) {
            return Optional.of("An earlier statement in this transaction failed, and PostgreSQL ignores every statement"
                    + " until the transaction ends. To carry on after catching a failure, run the work that may fail in a"
                    + " nested entities.transaction(...): it gets a savepoint, and its failure rolls back only to it.");
        }
        if ("42P10".equals(state)) {
            return Optional.of("On PostgreSQL, upsert's uniqueBy columns must be exactly the columns of a unique index or"
                    + " primary key, e.g. CREATE UNIQUE INDEX ON \"users\" (\"email\").");
        }
        if ("42P01".equals(state) || "42703".equals(state)) {
            return Optional.of("PostgreSQL folds unquoted names to lower case, while Quarry quotes every name and keeps its case:"
                    + " a camelCase column such as userId must be created as \"userId\".");
        }
        return Optional.empty();
    }
}
