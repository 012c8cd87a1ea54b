package dev.quarry.relation;

import dev.quarry.query.Constraints;
import dev.quarry.sql.Database;
import dev.quarry.sql.Identifiers;
import dev.quarry.sql.RowMaps;
import dev.quarry.sql.SqlBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query on a relation's pivot table, constrained to the relation's parent and pivot filters:
 * the rows themselves, not the related entities.
 *
 * <pre>{@code
 * List<Pivot> rows = user.roles().newPivotQuery().where("assignedBy", "admin").get();
 * long count = user.roles().newPivotQuery().count();
 * }</pre>
 */
public final class PivotQuery {
    private final Database database;
    private final PivotTable pivot;
    private final List<Object> parentKey;
    private final List<String[]> conditions = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    PivotQuery(Database database, PivotTable pivot, List<Object> parentKey) {
        this.database = database;
        this.pivot = pivot;
        this.parentKey = parentKey;
    }

    /** Only rows whose pivot column equals {@code value}. */
    public PivotQuery where(String column, Object value) {
        return where(column, "=", value);
    }

    /** Only rows matching {@code column operator value}; operators as {@code where} accepts them; null means IS (NOT) NULL. */
    public PivotQuery where(String column, String operator, Object value) {
        Identifiers.requirePart(column, "pivot column", "a pivot query on " + pivot.table());
        String sql = Constraints.normalizeOperator(operator);
        if (value == null && !sql.equals("=") && !sql.equals("<>")) {
            throw new dev.quarry.query.InvalidQueryException("where(" + column + ", " + operator + ", null) on a pivot query of "
                    + pivot.table() + " compares with null, which never matches: use = or <> with null.");
        }
        conditions.add(new String[] {column, sql});
        values.add(value);
        return this;
    }

    /** The matching pivot rows, every column. */
    public List<Pivot> get() {
        SqlBuilder sql = new SqlBuilder(database.dialect()).append("SELECT * FROM ").identifier(pivot.table());
        where(sql);
        return database.withHandle(h -> sql.bindTo(h.createQuery(sql.sql())).map(RowMaps.exactLabels()).list()).stream()
                .map(row -> {
                    Map<String, Object> values = new LinkedHashMap<>();
                    row.forEach((column, value) -> values.put(column, Pivot.normalize(value)));
                    return new Pivot(pivot.table(), values);
                }).toList();
    }

    /** How many pivot rows match. */
    public long count() {
        SqlBuilder sql = new SqlBuilder(database.dialect()).append("SELECT COUNT(*) FROM ").identifier(pivot.table());
        where(sql);
        return database.withHandle(h -> sql.bindTo(h.createQuery(sql.sql())).mapTo(Long.class).one());
    }

    private void where(SqlBuilder sql) {
        sql.append(" WHERE ");
        for (int i = 0; i < parentKey.size(); i++) {
            sql.append(i == 0 ? "" : " AND ").identifier(pivot.foreignPivotKeys().get(i)).append(" = ").param(parentKey.get(i));
        }
        PivotFilters.render(pivot.filters(), sql);
        for (int i = 0; i < conditions.size(); i++) {
            String operator = conditions.get(i)[1];
            sql.append(" AND ").identifier(conditions.get(i)[0]);
            if (values.get(i) == null && operator.equals("=")) {
                sql.append(" IS NULL");
            } else if (values.get(i) == null && operator.equals("<>")) {
                sql.append(" IS NOT NULL");
            } else {
                sql.append(" ").append(operator).append(" ").param(values.get(i));
            }
        }
    }

    /** The rows as maps, for callers that want plain values. */
    public List<Map<String, Object>> toMaps() {
        return get().stream().map(Pivot::attributes).toList();
    }
}
