package dev.quarry.relation;

import dev.quarry.sql.SqlBuilder;
import java.util.List;

/** Renders a relation's pivot filters as SQL ({@code AND column op ?} each), for the pivot table itself. */
public final class PivotFilters {
    private PivotFilters() {}

    /** {@code (col IN (...) OR col IS NULL)} when null is among the values; {@code NOT IN} the mirror image. */
    private static void renderIn(PivotFilter filter, SqlBuilder sql) {
        boolean in = filter.operator().equals("IN");
        List<Object> values = filter.values().stream().filter(java.util.Objects::nonNull).toList();
        boolean withNull = values.size() < filter.values().size();
        sql.append("(");
        if (values.isEmpty()) {
            sql.append(in ? "1 = 0" : "1 = 1");
        } else {
            sql.identifier(filter.column()).append(" ").append(filter.operator()).append(" (");
            for (int i = 0; i < values.size(); i++) {
                sql.append(i == 0 ? "" : ", ").param(values.get(i));
            }
            sql.append(")");
        }
        if (withNull) {
            sql.append(in ? " OR " : " AND ").identifier(filter.column()).append(in ? " IS NULL" : " IS NOT NULL");
        }
        sql.append(")");
    }

    /** Appends {@code AND <filter>} for each filter, with unqualified pivot columns. */
    public static void render(List<PivotFilter> filters, SqlBuilder sql) {
        for (PivotFilter filter : filters) {
            sql.append(" AND ");
            switch (filter.operator()) {
                case "IS NULL", "IS NOT NULL" -> sql.identifier(filter.column()).append(" ").append(filter.operator());
                case "IN", "NOT IN" -> renderIn(filter, sql);
                default -> sql.identifier(filter.column()).append(" ").append(filter.operator()).append(" ")
                        .param(filter.values().get(0));
            }
        }
    }
}
