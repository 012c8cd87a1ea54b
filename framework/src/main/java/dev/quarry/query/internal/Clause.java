package dev.quarry.query.internal;

import dev.quarry.sql.SqlBuilder;
import java.util.List;

/** A condition joined to the ones before it with AND or OR. */
public record Clause(boolean or, Condition condition) {

    /** Renders {@code clauses} joined by their connectors; renders {@code 1 = 1} for none. */
    public static void renderAll(List<Clause> clauses, SqlBuilder sql) {
        if (clauses.isEmpty()) {
            sql.append("1 = 1");
            return;
        }
        for (int i = 0; i < clauses.size(); i++) {
            if (i > 0) {
                sql.append(clauses.get(i).or() ? " OR " : " AND ");
            }
            clauses.get(i).condition().render(sql);
        }
    }
}
