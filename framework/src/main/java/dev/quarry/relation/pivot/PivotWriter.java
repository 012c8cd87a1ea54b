package dev.quarry.relation.pivot;

import dev.quarry.entity.Attribute;
import dev.quarry.entity.EntityMetadata;
import dev.quarry.internal.Persister;
import dev.quarry.relation.PivotFilter;
import dev.quarry.relation.PivotFilters;
import dev.quarry.relation.PivotTable;
import dev.quarry.sql.DataIntegrityException;
import dev.quarry.sql.Database;
import dev.quarry.sql.SqlBuilder;
import dev.quarry.sql.StatementFailedException;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The write operations of a many-to-many relation on its pivot table, Eloquent's
 * InteractsWithPivotTable. Each runs in one transaction, with at most one SELECT (of the key
 * columns, and of the pivot columns it may update) and one batched statement per kind of change:
 * a DELETE of the detached keys before a batched INSERT of the attached ones, then one UPDATE
 * per row whose given pivot values really changed. An empty id list runs no statement (except for
 * {@code sync}, which then detaches everything).
 *
 * <pre>{@code
 * // reached through the relation:
 * post.tags().attach(4, 12, someTag);
 * post.tags().sync(Map.of(2, Map.of("weight", 5), 3, Map.of()));
 * }</pre>
 */
public final class PivotWriter {
    private final String operation;
    private final Database database;
    private final Clock clock;
    private final PivotTable pivot;
    private final List<Object> parentKey;
    private final String describe;
    private final RelatedKeys keys;

    /**
     * A writer for one operation. {@code related} is the related entity, or null for a relation to a
     * table without an entity (then ids are used as given); {@code relatedName} names it in errors.
     */
    public PivotWriter(String operation, Database database, Clock clock, PivotTable pivot, EntityMetadata<?> related,
                       String relatedName, List<Object> parentKey, String describe) {
        this.operation = operation;
        this.database = database;
        this.clock = clock;
        this.pivot = pivot;
        this.parentKey = List.copyOf(parentKey);
        this.describe = describe;
        int dot = describe.lastIndexOf('.');
        this.keys = new RelatedKeys(operation, describe.substring(0, dot), describe.substring(dot + 1), related, relatedName,
                pivot);
    }

    /** For a relation to a table without an entity: the type given and stored ids are converted to. */
    public PivotWriter withTableKeyType(Class<?> type) {
        keys.tableKeyType(type);
        return this;
    }

    /** Ids or entities without pivot attributes, keyed for {@link #sync}. */
    public static Map<Object, Map<String, ?>> withoutAttributes(Collection<?> ids) {
        return withAttributes(ids, Map.of());
    }

    /** Ids or entities that all get the same pivot attributes, keyed for {@link #sync}. */
    public static Map<Object, Map<String, ?>> withAttributes(Collection<?> ids, Map<String, ?> attributes) {
        Map<Object, Map<String, ?>> keyed = new LinkedHashMap<>();
        if (ids == null) {
            keyed.put(null, attributes);
            return keyed;
        }
        for (Object id : ids) {
            keyed.put(id, attributes);
        }
        return keyed;
    }

    /** Inserts the pivot rows of the given ids that are not attached yet; returns those ids. */
    public List<Object> attach(Collection<?> ids, Map<String, ?> attributes) {
        return attachKeys(keys.of(ids, attributes));
    }

    /** Inserts the pivot rows of the given ids, each with its attributes, that are not attached yet. */
    public List<Object> attach(Map<?, ? extends Map<String, ?>> idsWithAttributes) {
        return attachKeys(keys.of(idsWithAttributes));
    }

    /** Deletes every pivot row of the parent that matches the relation's filters; returns how many. */
    public int detachAll() {
        return transaction(() -> delete(null));
    }

    /** Deletes the pivot rows of the given ids; an empty collection deletes nothing and runs no statement. */
    public int detach(Collection<?> ids) {
        Map<List<Object>, Map<String, Object>> given = keys.of(ids, Map.of());
        if (given.isEmpty()) {
            return 0;
        }
        return transaction(() -> delete(List.copyOf(given.keySet())));
    }

    /** Makes the given ids (with their attributes) attached; with {@code detaching}, detaches all others. */
    public SyncResult sync(Map<?, ? extends Map<String, ?>> idsWithAttributes, boolean detaching) {
        Map<List<Object>, Map<String, Object>> desired = keys.of(idsWithAttributes);
        if (desired.isEmpty() && !detaching) {
            return new SyncResult(List.of(), List.of(), List.of());
        }
        return transaction(() -> {
            Set<String> compared = new LinkedHashSet<>();
            desired.values().forEach(attributes -> compared.addAll(attributes.keySet()));
            // Without detaching, only the given ids' rows matter: never read the parent's whole set.
            Map<List<Object>, Map<String, Object>> current = read(detaching ? null : List.copyOf(desired.keySet()), compared);
            PivotDiff diff = PivotDiff.sync(current, desired, detaching);
            apply(diff);
            return new SyncResult(publicForms(diff.toAttach().keySet()), publicForms(diff.toDetach()),
                    publicForms(diff.toUpdate().keySet()));
        });
    }

    /** Syncs to the given ids, every one with the same attributes (checked even when there are no ids). */
    public SyncResult syncWithPivotValues(Collection<?> ids, Map<String, ?> attributes) {
        keys.attributesOfRowsInThisRelation(attributes);
        return sync(withAttributes(ids, attributes), true);
    }

    /** Attaches the given ids that are not attached and detaches those that are. */
    public ToggleResult toggle(Collection<?> ids) {
        Map<List<Object>, Map<String, Object>> given = keys.of(ids, Map.of());
        if (given.isEmpty()) {
            return new ToggleResult(List.of(), List.of());
        }
        return transaction(() -> {
            PivotDiff diff = PivotDiff.toggle(read(List.copyOf(given.keySet()), Set.of()).keySet(), given);
            apply(diff);
            return new ToggleResult(publicForms(diff.toAttach().keySet()), publicForms(diff.toDetach()));
        });
    }

    /** Updates the pivot row of one id with the given attributes (and the updated timestamp); returns rows updated. */
    public int updateExisting(Object id, Map<String, ?> attributes) {
        List<Object> key = keys.key(id);
        Map<String, Object> values = keys.attributes(attributes);
        if (values.isEmpty() && !pivot.hasTimestamps()) {
            return 0;
        }
        return transaction(() -> update(key, values));
    }

    // ---- statements -------------------------------------------------------------------------

    private List<Object> attachKeys(Map<List<Object>, Map<String, Object>> given) {
        if (given.isEmpty()) {
            return List.of();
        }
        return transaction(() -> {
            PivotDiff diff = PivotDiff.attach(read(List.copyOf(given.keySet()), Set.of()).keySet(), given);
            apply(diff);
            return publicForms(diff.toAttach().keySet());
        });
    }

    private void apply(PivotDiff diff) {
        if (!diff.toDetach().isEmpty()) {
            delete(diff.toDetach());
        }
        if (!diff.toAttach().isEmpty()) {
            insert(diff.toAttach());
        }
        diff.toUpdate().forEach(this::update);
    }

    /** The parent's pivot rows (only those of {@code only}, unless null): key -> the {@code columns} asked for. */
    private Map<List<Object>, Map<String, Object>> read(List<List<Object>> only, Set<String> columns) {
        Map<List<Object>, Map<String, Object>> rows = new LinkedHashMap<>();
        List<List<List<Object>>> chunks = only == null ? java.util.Collections.singletonList(null) : chunks(only);
        for (List<List<Object>> chunk : chunks) {
            SqlBuilder sql = new SqlBuilder(database.dialect()).append("SELECT ");
            List<String> selected = new ArrayList<>(pivot.relatedPivotKeys());
            columns.stream().filter(c -> !selected.contains(c)).forEach(selected::add);
            for (int i = 0; i < selected.size(); i++) {
                sql.append(i == 0 ? "" : ", ").identifier(selected.get(i));
            }
            sql.append(" FROM ").identifier(pivot.table());
            whereParent(sql);
            if (chunk != null) {
                sql.append(" AND ");
                keyTuples(sql, chunk);
            }
            int keyCount = pivot.relatedPivotKeys().size();
            database.withHandle(h -> sql.bindTo(h.createQuery(sql.sql())).map((rs, ctx) -> {
                List<Object> stored = new ArrayList<>(keyCount);
                for (int i = 1; i <= keyCount; i++) {
                    stored.add(rs.getObject(i));
                }
                Map<String, Object> values = new HashMap<>();
                for (int i = keyCount; i < selected.size(); i++) {
                    values.put(selected.get(i), rs.getObject(i + 1));
                }
                rows.put(keys.fromStored(stored), values);
                return null;
            }).list());
        }
        return rows;
    }

    private int delete(List<List<Object>> only) {
        int deleted = 0;
        List<List<List<Object>>> chunks = only == null ? java.util.Collections.singletonList(null) : chunks(only);
        for (List<List<Object>> chunk : chunks) {
            SqlBuilder sql = new SqlBuilder(database.dialect()).append("DELETE FROM ").identifier(pivot.table());
            whereParent(sql);
            if (chunk != null) {
                sql.append(" AND ");
                keyTuples(sql, chunk);
            }
            deleted += database.withHandle(h -> sql.bindTo(h.createUpdate(sql.sql())).execute());
        }
        return deleted;
    }

    private void insert(Map<List<Object>, Map<String, Object>> rows) {
        Instant now = now();
        List<Map<String, Object>> built = new ArrayList<>(rows.size());
        rows.forEach((key, attributes) -> built.add(row(key, attributes, now)));
        // One JDBC batch per set of columns (almost always one): the statement is parsed once however
        // many rows, and a row without a column gets the column's default.
        Map<Set<String>, List<Map<String, Object>>> byColumns = new LinkedHashMap<>();
        built.forEach(row -> byColumns.computeIfAbsent(new java.util.TreeSet<>(row.keySet()), c -> new ArrayList<>()).add(row));
        byColumns.values().forEach(group -> insertRows(List.copyOf(group.get(0).keySet()), group));
    }

    /** A pivot row: both keys, the caller's attributes, the relation's filter values, then timestamps. */
    private Map<String, Object> row(List<Object> key, Map<String, Object> attributes, Instant now) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < parentKey.size(); i++) {
            row.put(pivot.foreignPivotKeys().get(i), parentKey.get(i));
        }
        for (int i = 0; i < key.size(); i++) {
            row.put(pivot.relatedPivotKeys().get(i), key.get(i));
        }
        attributes.forEach(row::putIfAbsent); // a key column cannot be overwritten by an attribute
        for (PivotFilter filter : pivot.filters()) {
            if (filter.isEquality()) {
                row.putIfAbsent(filter.column(), filter.values().get(0));
            }
        }
        if (pivot.hasTimestamps()) {
            row.putIfAbsent(pivot.createdAt(), now); // the caller's explicit values win
            row.putIfAbsent(pivot.updatedAt(), now);
        }
        return row;
    }

    private void insertRows(List<String> columns, List<Map<String, Object>> rows) {
        SqlBuilder sql = new SqlBuilder(database.dialect()).append("INSERT INTO ").identifier(pivot.table()).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").identifier(columns.get(i));
        }
        sql.append(") VALUES (").append(String.join(", ", java.util.Collections.nCopies(columns.size(), "?"))).append(")");
        database.withHandle(h -> {
            PreparedBatch batch = h.prepareBatch(sql.sql());
            for (Map<String, Object> row : rows) {
                for (int i = 0; i < columns.size(); i++) {
                    Type type = typeOf(columns.get(i));
                    if (type == null) {
                        batch.bind(i, row.get(columns.get(i)));
                    } else {
                        batch.bindByType(i, row.get(columns.get(i)), type);
                    }
                }
                batch.add();
            }
            return batch.execute();
        });
    }

    private int update(List<Object> key, Map<String, Object> attributes) {
        Map<String, Object> values = new LinkedHashMap<>(attributes);
        if (pivot.hasTimestamps()) {
            values.putIfAbsent(pivot.updatedAt(), now());
        }
        SqlBuilder sql = new SqlBuilder(database.dialect()).append("UPDATE ").identifier(pivot.table()).append(" SET ");
        int i = 0;
        for (Map.Entry<String, Object> value : values.entrySet()) {
            sql.append(i++ == 0 ? "" : ", ").identifier(value.getKey()).append(" = ").param(value.getValue());
        }
        whereParent(sql);
        sql.append(" AND ");
        keyTuples(sql, List.of(key));
        return database.withHandle(h -> sql.bindTo(h.createUpdate(sql.sql())).execute());
    }

    private void whereParent(SqlBuilder sql) {
        sql.append(" WHERE ");
        for (int i = 0; i < parentKey.size(); i++) {
            sql.append(i == 0 ? "" : " AND ").identifier(pivot.foreignPivotKeys().get(i)).append(" = ")
                    .param(parentKey.get(i), Persister.bindType(pivot.parentKeys().get(i)));
        }
        PivotFilters.render(pivot.filters(), sql);
    }

    /** {@code rpk IN (?, ...)}, or the row-value {@code (a, b) IN ((?, ?), ...)} for a composite related key. */
    private void keyTuples(SqlBuilder sql, List<List<Object>> tuples) {
        List<Attribute> attributes = pivot.relatedKeys();
        List<Type> types = new ArrayList<>();
        for (int i = 0; i < pivot.relatedPivotKeys().size(); i++) {
            types.add(attributes.isEmpty() ? null : Persister.bindType(attributes.get(i)));
        }
        sql.tupleIn(pivot.relatedPivotKeys(), tuples, types);
    }

    /** Splits keys so that no statement binds more parameters than the database allows. */
    private List<List<List<Object>>> chunks(List<List<Object>> all) {
        int reserved = parentKey.size() + pivot.filters().stream().mapToInt(f -> f.values().size()).sum() + 16;
        int room = Math.min(database.dialect().keysPerStatement(), database.dialect().maxBindParameters() - reserved);
        int perChunk = Math.max(1, room / pivot.relatedPivotKeys().size());
        List<List<List<Object>>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += perChunk) {
            chunks.add(all.subList(from, Math.min(all.size(), from + perChunk)));
        }
        return chunks;
    }

    private Type typeOf(String column) {
        int index = pivot.foreignPivotKeys().indexOf(column);
        if (index >= 0) {
            return Persister.bindType(pivot.parentKeys().get(index));
        }
        index = pivot.relatedPivotKeys().indexOf(column);
        return index >= 0 && !pivot.relatedKeys().isEmpty() ? Persister.bindType(pivot.relatedKeys().get(index)) : null;
    }

    private List<Object> publicForms(Collection<List<Object>> keyList) {
        return keyList.stream().map(keys::publicForm).toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private <V> V transaction(Supplier<V> work) {
        try {
            return database.inTransaction(work);
        } catch (DataIntegrityException e) {
            throw new DataIntegrityException(e.sql().orElse(null), operation + " on " + describe
                    + " was refused by the database, so nothing was written: " + reason(e), e);
        } catch (StatementFailedException e) {
            throw new StatementFailedException(e.sql().orElse(null), operation + " on " + describe
                    + " failed, so nothing was written: " + reason(e), e);
        }
    }

    private static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql) {
                return sql.getMessage();
            }
        }
        return String.valueOf(failure.getMessage());
    }
}
