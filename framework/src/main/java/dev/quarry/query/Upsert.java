package dev.quarry.query;

import dev.quarry.entity.Attribute;
import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.EntityMetadata;
import dev.quarry.internal.EntityContext;
import dev.quarry.internal.Persister;
import dev.quarry.internal.ValueConverter;
import dev.quarry.sql.ColumnValue;
import dev.quarry.sql.Identifiers;
import dev.quarry.sql.SqlBuilder;
import dev.quarry.sql.StatementFailedException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * {@link Query#upsert}: checks every row before any SQL, then runs the dialect's one-row upsert as
 * one JDBC batch in one transaction.
 */
final class Upsert<T extends BaseEntity<T>> {
    private final EntityContext context;
    private final EntityMetadata<T> metadata;
    private final List<String> uniqueBy;
    private final List<String> update;

    Upsert(EntityContext context, EntityMetadata<T> metadata, List<String> uniqueBy, List<String> update) {
        this.context = context;
        this.metadata = metadata;
        this.uniqueBy = List.copyOf(uniqueBy);
        this.update = List.copyOf(update);
    }

    int run(List<? extends Map<String, ?>> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        Set<String> names = rows.get(0).keySet();
        checkColumns(names);
        List<List<ColumnValue>> converted = IntStream.range(0, rows.size())
                .mapToObj(i -> convert(rows.get(i), names, i)).toList();
        List<String> uniqueColumns = uniqueBy.stream().map(name -> metadata.attribute(name).column()).toList();
        Set<String> updateColumns = updateColumns();
        try {
            return batch(converted, uniqueColumns, updateColumns);
        } catch (StatementFailedException e) {
            throw e.during("upsert of " + converted.size() + " " + metadata.name() + " rows");
        }
    }

    private int batch(List<List<ColumnValue>> converted, List<String> uniqueColumns, Set<String> updateColumns) {
        return context.database().inTransaction(() -> context.database().withHandle(handle -> {
            PreparedBatch batch = null;
            for (List<ColumnValue> row : converted) {
                SqlBuilder sql = new SqlBuilder(context.database().dialect());
                context.database().dialect().upsert(sql, metadata.table(), row, uniqueColumns, updateColumns);
                batch = batch == null ? handle.prepareBatch(sql.sql()) : batch;
                sql.bindTo(batch).add();
            }
            return IntStream.of(batch.execute()).map(count -> Math.max(count, 0)).sum();
        }));
    }

    private void checkColumns(Set<String> names) {
        if (uniqueBy.isEmpty()) {
            throw refused("needs at least one uniqueBy attribute to tell an existing row from a new one");
        }
        names.forEach(metadata::attribute);   // an unknown name fails here, with the nearest names
        for (String name : uniqueBy) {
            require(names.contains(name), "uniqueBy attribute " + Identifiers.printable(name) + " is not in the rows " + names);
        }
        for (String name : update) {
            metadata.attribute(name);
            require(names.contains(name), "update attribute " + Identifiers.printable(name) + " is not in the rows " + names);
            require(!uniqueBy.contains(name), "update attribute " + Identifiers.printable(name) + " is also a uniqueBy attribute");
        }
    }

    private List<ColumnValue> convert(Map<String, ?> row, Set<String> names, int index) {
        require(row.keySet().equals(names), "row " + index + " has the attributes " + row.keySet()
                + ", but row 0 has " + names + "; give every row the same attributes");
        List<ColumnValue> values = new ArrayList<>(names.size() + 2);
        for (String name : names) {
            Attribute attribute = metadata.attribute(name);
            values.add(new ColumnValue(attribute.column(), ValueConverter.convert(row.get(name), attribute, metadata.name()),
                    Persister.bindType(attribute)));
        }
        metadata.createdAt().filter(a -> !names.contains(a.name())).ifPresent(a -> values.add(stamp(a)));
        metadata.updatedAt().filter(a -> !names.contains(a.name())).ifPresent(a -> values.add(stamp(a)));
        return values;
    }

    private ColumnValue stamp(Attribute attribute) {
        return new ColumnValue(attribute.column(), Persister.timestampFor(attribute, context.clock()), Persister.bindType(attribute));
    }

    /** The columns an existing row gets: the asked ones, plus the updated timestamp when anything changes. */
    private Set<String> updateColumns() {
        Set<String> columns = new LinkedHashSet<>();
        update.forEach(name -> columns.add(metadata.attribute(name).column()));
        if (!columns.isEmpty()) {
            metadata.updatedAt().ifPresent(a -> columns.add(a.column()));
        }
        return columns;
    }

    private void require(boolean valid, String problem) {
        if (!valid) {
            throw refused(problem);
        }
    }

    private InvalidQueryException refused(String problem) {
        return new InvalidQueryException("upsert() on " + metadata.name() + " " + problem + ". Nothing was written.");
    }
}
