package dev.quarry.relation;

import dev.quarry.sql.SqlBuilder;
import java.util.List;

/** Renders a relation's pivot filters as SQL ({@code AND column op ?} each), for the pivot table itself. */
public final class PivotFilters {
    private PivotFilters() {}

    /** Appends {@code AND <filter>} for each filter, with unqualified pivot columns. */
    public static void render(List<PivotFilter> filters, SqlBuilder sql) {
        for (PivotFilter filter : filters) {
            sql.append(" AND ");
            switch (filter.operator()) {
                case "IS NULL", "IS NOT NULL" -> sql.identifier(filter.column()).append(" ").append(filter.operator());
                case "IN", "NOT IN" -> {
                    if (filter.values().isEmpty()) {
                        sql.append(filter.operator().equals("IN") ? "1 = 0" : "1 = 1");
                    } else {
                        sql.identifier(filter.column()).append(" ").append(filter.operator()).append(" (");
                        for (int i = 0; i < filter.values().size(); i++) {
                            sql.append(i == 0 ? "" : ", ").param(filter.values().get(i));
                        }
                        sql.append(")");
                    }
                }
                default -> sql.identifier(filter.column()).append(" ").append(filter.operator()).append(" ")
                        .param(filter.values().get(0));
            }
        }
    }
}
