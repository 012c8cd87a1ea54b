package dev.quarry.relation;

import dev.quarry.entity.Attribute;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a many-to-many relation knows about its pivot table, resolved from conventions and
 * overrides: the table, the key columns on each side and the attributes they hold, the extra
 * columns read with each row, timestamps, and filters.
 *
 * <pre>{@code
 * PivotTable pivot = user.permissions().pivotTable();
 * pivot.table();              // "permissions_users"
 * pivot.foreignPivotKeys();   // ["userId"]
 * pivot.relatedPivotKeys();   // ["permissionId"]
 * }</pre>
 *
 * @param table the pivot table
 * @param foreignPivotKeys the pivot columns holding the parent's key
 * @param relatedPivotKeys the pivot columns holding the related entity's key
 * @param parentKeys the parent attributes stored in {@code foreignPivotKeys}
 * @param relatedKeys the related attributes stored in {@code relatedPivotKeys}
 * @param columns further pivot columns read with each related row ({@code withPivot})
 * @param createdAt the pivot's created timestamp column, or null without {@code withTimestamps()}
 * @param updatedAt the pivot's updated timestamp column, or null
 * @param filters the relation's {@code wherePivot*} conditions
 */
public record PivotTable(String table, List<String> foreignPivotKeys, List<String> relatedPivotKeys,
                         List<Attribute> parentKeys, List<Attribute> relatedKeys, List<String> columns,
                         String createdAt, String updatedAt, List<PivotFilter> filters) {

    public PivotTable {
        foreignPivotKeys = List.copyOf(foreignPivotKeys);
        relatedPivotKeys = List.copyOf(relatedPivotKeys);
        parentKeys = List.copyOf(parentKeys);
        relatedKeys = List.copyOf(relatedKeys);
        columns = List.copyOf(columns);
        filters = List.copyOf(filters);
    }

    /** True if the pivot keeps created/updated timestamps. */
    public boolean hasTimestamps() {
        return createdAt != null;
    }

    /** Every pivot column a read returns: both keys, {@code withPivot} columns and timestamps, without repeats. */
    public List<String> readColumns() {
        List<String> all = new ArrayList<>(foreignPivotKeys);
        relatedPivotKeys.stream().filter(c -> !all.contains(c)).forEach(all::add);
        columns.stream().filter(c -> !all.contains(c)).forEach(all::add);
        if (hasTimestamps()) {
            List.of(createdAt, updatedAt).stream().filter(c -> !all.contains(c)).forEach(all::add);
        }
        return all;
    }
}
