package dev.quarry.relation.pivot;

import dev.quarry.entity.Attribute;
import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.EntityMetadata;
import dev.quarry.event.PivotEvent;
import dev.quarry.event.PivotRow;
import dev.quarry.event.PivotRowUpdate;
import dev.quarry.event.ValueChange;
import dev.quarry.internal.ColumnValues;
import dev.quarry.internal.Persister;
import dev.quarry.relation.PivotFilter;
import dev.quarry.relation.PivotFilters;
import dev.quarry.relation.PivotTable;
import dev.quarry.sql.ColumnValue;
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
import java.util.Collections;
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
    /** How many times an operation runs before a concurrent writer or a deadlock makes it give up. */
    private static final int ATTEMPTS = 5;

    private final String operation;
    private final Database database;
    private final Clock clock;
    private final PivotTable pivot;
    private final List<Object> parentKey;
    private final String describe;
    private final RelatedKeys keys;
    private ChangeHandler handler;
    private TypedPivot<?> typed;

    /**
     * What happens around a write that changes rows, given the operation's whole change as a
     * {@link PivotEvent}: events, and touching timestamps. Not called for an operation that
     * changes nothing.
     */
    public interface ChangeHandler {
        /** The parent entity, for the event. */
        BaseEntity<?> parent();

        /** The relation's name, for the event. */
        String relation();

        /** True if the event must carry every column of the detached rows (costs a wider read). */
        boolean wantsWholeRows();

        /** Inside the transaction, after the rows are read and before anything is written; may throw to veto. */
        void before(PivotEvent event);

        /** Inside the transaction, after the writes, with what really changed. */
        void changed(PivotEvent event);

        /** After the transaction committed, with what really changed. */
        void committed(PivotEvent event);
    }

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

    /** Tells {@code handler} of every change this writer makes (events, touching). */
    public PivotWriter observedBy(ChangeHandler handler) {
        this.handler = handler;
        return this;
    }

    /** Writes pivot rows through a pivot entity of their own ({@code using(RoleUser.class)}). */
    public PivotWriter typedBy(TypedPivot<?> typed) {
        this.typed = typed;
        return this;
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
        Map<Object, Map<String, ?>> keyed = new LinkedHashMap<>(ids == null ? 2 : RelatedKeys.capacity(ids.size()));
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
        return attachKeys(typed(keys.of(ids, attributes)));
    }

    /** Inserts the pivot rows of the given ids, each with its attributes, that are not attached yet. */
    public List<Object> attach(Map<?, ? extends Map<String, ?>> idsWithAttributes) {
        return attachKeys(typed(keys.of(idsWithAttributes)));
    }

    /** Deletes every pivot row of the parent that matches the relation's filters; returns how many. */
    public int detachAll() {
        if (handler == null) {
            return transaction(() -> delete(null));
        }
        return transaction(() -> {
            Map<List<Object>, Map<String, Object>> current = read(null, Set.of());
            return apply(new PivotDiff(Map.of(), List.copyOf(current.keySet()), Map.of()), current, false).detached();
        });
    }

    /** Deletes the pivot rows of the given ids; an empty collection deletes nothing and runs no statement. */
    public int detach(Collection<?> ids) {
        Map<List<Object>, Map<String, Object>> given = keys.of(ids, Map.of());
        if (given.isEmpty()) {
            return 0;
        }
        if (handler == null) {
            return transaction(() -> delete(List.copyOf(given.keySet())));
        }
        return transaction(() -> {
            Map<List<Object>, Map<String, Object>> current = read(List.copyOf(given.keySet()), Set.of());
            return apply(new PivotDiff(Map.of(), List.copyOf(current.keySet()), Map.of()), current, false).detached();
        });
    }

    /** Makes the given ids (with their attributes) attached; with {@code detaching}, detaches all others. */
    public SyncResult sync(Map<?, ? extends Map<String, ?>> idsWithAttributes, boolean detaching) {
        Map<List<Object>, Map<String, Object>> desired = typed(keys.of(idsWithAttributes));
        if (desired.isEmpty() && !detaching) {
            return new SyncResult(List.of(), List.of(), List.of());
        }
        return transaction(() -> {
            Set<String> compared = new LinkedHashSet<>();
            desired.values().forEach(attributes -> {
                if (!attributes.isEmpty()) {
                    compared.addAll(attributes.keySet());
                }
            });
            // Without detaching, only the given ids' rows matter: never read the parent's whole set.
            Map<List<Object>, Map<String, Object>> current = read(detaching ? null : List.copyOf(desired.keySet()), compared);
            PivotDiff diff = PivotDiff.sync(current, desired, detaching);
            Set<List<Object>> attached = apply(diff, current, false).attached();
            return new SyncResult(publicForms(attached), publicForms(diff.toDetach()), publicForms(diff.toUpdate().keySet()));
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
            Map<List<Object>, Map<String, Object>> current = read(List.copyOf(given.keySet()), Set.of());
            PivotDiff diff = PivotDiff.toggle(current.keySet(), given);
            Set<List<Object>> attached = apply(diff, current, true).attached();
            return new ToggleResult(publicForms(attached), publicForms(diff.toDetach()));
        });
    }

    /**
     * Updates the pivot row of one id with the given attributes (and the updated timestamp); returns
     * rows updated. The UPDATE runs even when no value differs (it moves the updated timestamp);
     * events and touching follow only a real change.
     */
    public int updateExisting(Object id, Map<String, ?> attributes) {
        List<Object> key = keys.key(id);
        Map<String, Object> values = keys.attributes(attributes);
        if (typed != null) {
            values = typed.columns(keys.publicForm(key), values);
            typed.checkUpdate(keys.publicForm(key), values);
        }
        if (values.isEmpty() && !pivot.hasTimestamps()) {
            return 0;
        }
        Map<String, Object> given = values;
        if (handler == null) {
            return transaction(() -> update(key, given, now()));
        }
        return transaction(() -> {
            Map<String, Object> current = read(List.of(key), given.keySet()).get(key);
            if (current == null) {
                return 0;
            }
            Instant now = now();
            int updated = update(key, given, now);
            PivotRowUpdate change = rowUpdate(key, current, given, now);
            if (!change.changes().isEmpty()) {
                PivotEvent event = event(List.of(), List.of(), List.of(change));
                handler.before(event);
                handler.changed(event);
                database.afterCommit(() -> handler.committed(event));
            }
            return updated;
        });
    }

    // ---- statements -------------------------------------------------------------------------

    private List<Object> attachKeys(Map<List<Object>, Map<String, Object>> given) {
        if (given.isEmpty()) {
            return List.of();
        }
        return transaction(() -> {
            Map<List<Object>, Map<String, Object>> current = read(List.copyOf(given.keySet()), Set.of());
            return publicForms(apply(PivotDiff.attach(current.keySet(), given), current, false).attached());
        });
    }

    /** Through a typed pivot, the given attributes converted to its attributes' types. */
    private Map<List<Object>, Map<String, Object>> typed(Map<List<Object>, Map<String, Object>> given) {
        if (typed == null) {
            return given;
        }
        Map<List<Object>, Map<String, Object>> converted = new LinkedHashMap<>();
        given.forEach((key, attributes) -> converted.put(key, typed.columns(keys.publicForm(key), attributes)));
        return converted;
    }

    /** What {@link #apply} changed. */
    private record Applied(Set<List<Object>> attached, int detached) {
    }

    /**
     * Applies the diff: deletes, then inserts, then updates. Every row is built (and checked by a
     * typed pivot) before the first statement, and the change handler hears of it before and after.
     * Returns the keys attached (fewer than asked if a concurrent caller attached some first).
     *
     * <p>A row it meant to detach that is already gone means a concurrent caller detached it since
     * it was read: the detached keys this operation would report are then wrong, so the whole
     * operation is run again on a fresh read. So is a toggle whose insert found the row attached
     * meanwhile ({@code toggle}): it must detach that row, as it would have had it run after that caller.
     */
    private Applied apply(PivotDiff diff, Map<List<Object>, Map<String, Object>> current, boolean toggle) {
        if (diff.isEmpty()) {
            return new Applied(Set.of(), 0);
        }
        Instant now = now();
        Map<List<Object>, Map<String, Object>> rows = new LinkedHashMap<>();
        Map<List<Object>, Object> built = new LinkedHashMap<>();
        diff.toAttach().forEach((key, attributes) -> {
            Map<String, Object> row = row(key, attributes, now);
            if (typed != null) {
                TypedPivot.Built<?> entity = typed.inserted(keys.publicForm(key), row);
                row = entity.values();
                built.put(key, entity.entity());
            }
            rows.put(key, row);
        });
        if (typed != null) {
            diff.toUpdate().forEach((key, values) -> typed.checkUpdate(keys.publicForm(key), values));
        }
        PivotEvent before = handler == null ? null : event(rows, diff.toDetach(), diff.toUpdate(), current, now);
        if (before != null) {
            handler.before(before);
        }
        int detached = diff.toDetach().isEmpty() ? 0 : delete(diff.toDetach());
        if (detached < diff.toDetach().size()) {
            throw new ReadWentStale();
        }
        Set<List<Object>> attached = new LinkedHashSet<>(rows.keySet());
        if (!rows.isEmpty()) {
            Set<List<Object>> skipped = insert(rows);
            if (toggle && !skipped.isEmpty()) {
                throw new ReadWentStale();
            }
            if (!skipped.isEmpty()) {
                requireAttachedMeanwhile(skipped);
                attached.removeAll(skipped);
            }
        }
        diff.toUpdate().forEach((key, values) -> update(key, values, now));
        if (typed != null) {
            attached.forEach(key -> insertedRow(built.get(key)));
        }
        if (before != null) {
            rows.keySet().retainAll(attached);
            PivotEvent after = event(rows, diff.toDetach(), diff.toUpdate(), current, now);
            if (!after.attached().isEmpty() || !after.detached().isEmpty() || !after.updated().isEmpty()) {
                handler.changed(after);
                database.afterCommit(() -> handler.committed(after));
            }
        }
        return new Applied(attached, detached);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void insertedRow(Object entity) {
        ((TypedPivot) typed).insertedRow((BaseEntity) entity);
    }

    /** The operation's change as an event: rows attached, rows detached as they were, values updated. */
    private PivotEvent event(Map<List<Object>, Map<String, Object>> inserted, List<List<Object>> detached,
                             Map<List<Object>, Map<String, Object>> updated, Map<List<Object>, Map<String, Object>> current,
                             Instant now) {
        List<PivotRow> attachedRows = new ArrayList<>();
        inserted.forEach((key, row) -> attachedRows.add(new PivotRow(keys.publicForm(key), row)));
        List<PivotRow> detachedRows = new ArrayList<>();
        for (List<Object> key : detached) {
            detachedRows.add(new PivotRow(keys.publicForm(key), current.getOrDefault(key, Map.of())));
        }
        List<PivotRowUpdate> updates = new ArrayList<>();
        updated.forEach((key, values) -> updates.add(rowUpdate(key, current.getOrDefault(key, Map.of()), values, now)));
        return event(attachedRows, detachedRows, updates);
    }

    private PivotEvent event(List<PivotRow> attached, List<PivotRow> detached, List<PivotRowUpdate> updated) {
        return new PivotEvent(operation, handler.parent(), handler.relation(), pivot.table(), attached, detached, updated);
    }

    /** The columns an update changes, old and new: the given values that differ, and the updated timestamp. */
    private PivotRowUpdate rowUpdate(List<Object> key, Map<String, Object> current, Map<String, Object> values, Instant now) {
        Map<String, ValueChange> changes = new LinkedHashMap<>();
        values.forEach((column, value) -> {
            Object before = current.get(column);
            if (!current.containsKey(column) || !dev.quarry.internal.ValueConverter.sameValue(before, value)) {
                changes.put(column, new ValueChange(before, value));
            }
        });
        if (pivot.hasTimestamps() && !values.containsKey(pivot.updatedAt())) { // the UPDATE moves it in any case
            changes.put(pivot.updatedAt(), new ValueChange(current.get(pivot.updatedAt()), now));
        }
        return new PivotRowUpdate(keys.publicForm(key), changes);
    }

    /**
     * A skipped insert is fine when a concurrent caller attached the same key since it was read;
     * when the row is not in this relation, it is another relation's row (a different wherePivot
     * value) holding the unique key, and the operation must fail as the unique key would make it.
     */
    private void requireAttachedMeanwhile(Set<List<Object>> skipped) {
        Set<List<Object>> present = read(List.copyOf(skipped), Set.of()).keySet();
        List<Object> outside = publicForms(skipped.stream().filter(key -> !present.contains(key)).toList());
        if (!outside.isEmpty() && pivot.filters().isEmpty()) {
            // Without a filter the read covers the whole unique key: the row a concurrent caller
            // attached has been detached again by another since the insert skipped it.
            throw new ReadWentStale();
        }
        if (!outside.isEmpty()) {
            throw new DataIntegrityException(null, "the pivot table " + pivot.table() + " already has a row for "
                    + outside + " that this relation's pivot filter excludes, and its unique key allows one row per pair", null);
        }
    }

    /**
     * The parent's pivot rows (only those of {@code only}, unless null): key -> the {@code columns}
     * asked for, or every column when the change handler wants whole rows.
     */
    private Map<List<Object>, Map<String, Object>> read(List<List<Object>> only, Set<String> columns) {
        boolean whole = handler != null && handler.wantsWholeRows();
        List<String> selected = new ArrayList<>(pivot.relatedPivotKeys());
        columns.stream().filter(c -> !selected.contains(c)).forEach(selected::add);
        if (handler != null && pivot.hasTimestamps() && !selected.contains(pivot.updatedAt())) {
            selected.add(pivot.updatedAt()); // an event reports its old value
        }
        Map<List<Object>, Map<String, Object>> rows = new LinkedHashMap<>(only == null ? 16 : RelatedKeys.capacity(only.size()));
        String[] labels = selected.toArray(String[]::new); // shared by every row read
        int[] keyAt = pivot.relatedPivotKeys().stream().mapToInt(selected::indexOf).toArray();
        List<List<List<Object>>> chunks = only == null ? java.util.Collections.singletonList(null) : chunks(only);
        for (List<List<Object>> chunk : chunks) {
            SqlBuilder sql = new SqlBuilder(database.dialect()).append("SELECT ");
            if (whole) {
                sql.append("*");
            } else {
                for (int i = 0; i < selected.size(); i++) {
                    sql.append(i == 0 ? "" : ", ").identifier(selected.get(i));
                }
            }
            sql.append(" FROM ").identifier(pivot.table());
            whereParent(sql);
            if (chunk != null) {
                sql.append(" AND ");
                keyTuples(sql, chunk);
            }
            database.withHandle(h -> sql.bindTo(h.createQuery(sql.sql())).map((rs, ctx) -> {
                if (whole) {
                    Map<String, Object> values = wholeRow(rs, selected);
                    List<Object> stored = new ArrayList<>(pivot.relatedPivotKeys().size());
                    pivot.relatedPivotKeys().forEach(column -> stored.add(values.get(column)));
                    rows.put(keys.fromStored(stored), values);
                    return null;
                }
                Object[] values = new Object[labels.length];
                for (int i = 0; i < labels.length; i++) {
                    values[i] = rs.getObject(i + 1);
                }
                List<Object> stored = keyAt.length == 1 ? Collections.singletonList(values[keyAt[0]]) : new ArrayList<>(keyAt.length);
                if (keyAt.length != 1) {
                    for (int at : keyAt) {
                        stored.add(values[at]);
                    }
                }
                rows.put(keys.fromStored(stored), new ColumnValues(labels, values));
                return null;
            }).list());
        }
        return rows;
    }

    /** Every column of the row, named as the relation names them where the database folded their case. */
    private Map<String, Object> wholeRow(java.sql.ResultSet rs, List<String> known) throws java.sql.SQLException {
        java.sql.ResultSetMetaData meta = rs.getMetaData();
        List<String> names = new ArrayList<>(known);
        names.addAll(pivot.foreignPivotKeys());
        names.addAll(pivot.readColumns());
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String label = meta.getColumnLabel(i);
            String name = names.stream().filter(label::equalsIgnoreCase).findFirst().orElse(label);
            Object value = rs.getObject(i);
            values.put(name, value instanceof java.sql.Timestamp t ? t.toInstant() : value);
        }
        return values;
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

    /**
     * Inserts the rows, each only if its keys are absent, and returns the keys of the rows that
     * were not inserted because such a row appeared since they were read (a concurrent caller), or
     * exists outside this relation's pivot filter.
     */
    private Set<List<Object>> insert(Map<List<Object>, Map<String, Object>> rows) {
        // One JDBC batch per set of columns (almost always one): the statement is parsed once however
        // many rows, and a row without a column gets the column's default.
        Map<Set<String>, Map<List<Object>, Map<String, Object>>> byColumns = new LinkedHashMap<>();
        rows.forEach((key, row) ->
                byColumns.computeIfAbsent(new java.util.TreeSet<>(row.keySet()), c -> new LinkedHashMap<>()).put(key, row));
        Set<List<Object>> skipped = new LinkedHashSet<>();
        byColumns.values().forEach(group -> skipped.addAll(insertRows(group)));
        return skipped;
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

    private List<List<Object>> insertRows(Map<List<Object>, Map<String, Object>> rows) {
        List<String> columns = List.copyOf(rows.values().iterator().next().keySet());   // one order for the whole batch
        List<String> keyColumns = new ArrayList<>(pivot.foreignPivotKeys());
        keyColumns.addAll(pivot.relatedPivotKeys());
        // A row of another relation over the same table (another wherePivot value) is not this row.
        pivot.filters().stream().filter(PivotFilter::isEquality).map(PivotFilter::column)
                .filter(columns::contains).forEach(keyColumns::add);
        List<List<Object>> keys = List.copyOf(rows.keySet());
        int[] counts = database.withHandle(h -> {
            PreparedBatch batch = null;
            for (Map<String, Object> row : rows.values()) {
                List<ColumnValue> values = new ArrayList<>(columns.size());
                columns.forEach(column -> values.add(new ColumnValue(column, row.get(column), typeOf(column))));
                SqlBuilder sql = new SqlBuilder(database.dialect());
                database.dialect().insertIfAbsent(sql, pivot.table(), values, keyColumns);
                batch = batch == null ? h.prepareBatch(sql.sql()) : batch;
                sql.bindTo(batch).add();
            }
            return batch.execute();
        });
        List<List<Object>> skipped = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                skipped.add(keys.get(i));
            }
        }
        return skipped;
    }

    private int update(List<Object> key, Map<String, Object> attributes, Instant now) {
        Map<String, Object> values = new LinkedHashMap<>(attributes);
        if (pivot.hasTimestamps()) {
            values.putIfAbsent(pivot.updatedAt(), now);
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

    /**
     * Runs {@code work} in a transaction, again (up to {@link #ATTEMPTS} times in all) when a
     * concurrent writer made its read stale, or when the database chose it as the victim of a
     * deadlock or serialization failure (SQLSTATE 40001, 40P01). The latter is retried only when
     * this operation's transaction is its own: inside the caller's transaction the database has
     * already undone the caller's work too, so the caller must hear of it.
     */
    private <V> V transaction(Supplier<V> work) {
        for (int attempt = 1; ; attempt++) {
            boolean own = !database.isInTransaction();
            try {
                return database.inTransaction(work);
            } catch (ReadWentStale e) {
                if (attempt == ATTEMPTS) {
                    throw new StatementFailedException(null, operation + " on " + describe + " found its pivot rows changed"
                            + " by concurrent writers " + ATTEMPTS + " times in a row, so nothing was written; try again", null);
                }
            } catch (DataIntegrityException e) {
                throw new DataIntegrityException(e.sql().orElse(null), operation + " on " + describe
                        + " was refused by the database, so nothing was written: " + reason(e), e);
            } catch (StatementFailedException e) {
                if (!own || attempt == ATTEMPTS || !isDeadlockOrSerializationFailure(e)) {
                    throw new StatementFailedException(e.sql().orElse(null), operation + " on " + describe
                            + " failed, so nothing was written: " + reason(e), e);
                }
            }
        }
    }

    private static boolean isDeadlockOrSerializationFailure(StatementFailedException e) {
        return e.sqlState().filter(state -> state.equals("40001") || state.equals("40P01")).isPresent();
    }

    /** Thrown inside the transaction to roll it back and run the operation again; never leaves this class. */
    private static final class ReadWentStale extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReadWentStale() {
            super(null, null, false, false);
        }
    }

    private static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql) {
                return sql.getMessage();
            }
        }
        // Quarry's own refusal: its message without the error-id prefix and the "Learn more" line.
        return String.valueOf(failure.getMessage()).replaceFirst("^\\[Quarry/\\w+] ", "")
                .replaceFirst("\\n  Learn more: \\S+$", "");
    }
}
