package dev.quarry.sql;

import java.sql.ResultSetMetaData;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.mapper.RowMapper;

/** Maps rows to maps keyed by the exact column labels (JDBI's own map mapper lower-cases them by default). */
public final class RowMaps {
    private RowMaps() {}

    /** A row mapper giving each row as {@code label -> value}, in column order, labels as the database reports them. */
    public static RowMapper<Map<String, Object>> exactLabels() {
        return (rs, ctx) -> {
            ResultSetMetaData meta = rs.getMetaData();
            Map<String, Object> row = new LinkedHashMap<>(meta.getColumnCount() * 2);
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.put(meta.getColumnLabel(i), rs.getObject(i));
            }
            return row;
        };
    }
}
