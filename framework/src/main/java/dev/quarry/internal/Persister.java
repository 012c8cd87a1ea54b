package dev.quarry.internal;

import dev.quarry.entity.Attribute;
import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.EntityMetadata;
import dev.quarry.entity.EntityNotFoundException;
import dev.quarry.entity.InvalidValueException;
import dev.quarry.entity.KeyGeneration;
import dev.quarry.entity.UnsavedEntityException;
import dev.quarry.event.ValueChange;
import dev.quarry.sql.SqlBuilder;
import dev.quarry.sql.StatementFailedException;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.Update;

/**
 * Writes one entity's row: INSERT on the first save, UPDATE of the changed columns afterwards,
 * DELETE, and re-reading the row. Each is one statement.
 */
public final class Persister {
    private Persister() {}

    /** Saves the entity; returns false if it was loaded and nothing had changed (no statement ran). */
    public static <T extends BaseEntity<T>> boolean save(T entity) {
        EntityState<T> state = EntityAccess.state(entity);
        Events events = state.context().events();
        if (!events.wantsWriteEvents(entity.getClass())) {
            return state.isLoaded() ? update(entity, state, changes -> { }) : insert(entity, state);
        }
        // With handlers, one transaction: a handler that throws, "post" ones included, leaves nothing written.
        return state.context().database().inTransaction(() -> saveWithEvents(entity, state, events));
    }

    private static <T extends BaseEntity<T>> boolean saveWithEvents(T entity, EntityState<T> state, Events events) {
        if (!state.isLoaded()) {
            events.fire("preSave", entity);
            events.fire("preInsert", entity);
            insert(entity, state);
            events.fire("postInsert", entity);
            events.fire("postSave", entity);
            return true;
        }
        if (!state.isDirty(entity)) {
            return false;
        }
        events.fire("preSave", entity);
        events.fire("preUpdate", entity, changes(entity, state));
        Map<String, ValueChange> written = new LinkedHashMap<>();
        if (!update(entity, state, written::putAll)) {
            return false; // a handler undid every change
        }
        events.fire("postUpdate", entity, written);
        events.fire("postSave", entity);
        return true;
    }

    /** Each changed attribute, by name, with the value it was read or saved with and its value now. */
    private static <T extends BaseEntity<T>> Map<String, ValueChange> changes(T entity, EntityState<T> state) {
        Map<String, ValueChange> changes = new LinkedHashMap<>();
        state.dirty(entity).forEach((attribute, value) ->
                changes.put(attribute.name(), new ValueChange(state.original(attribute), value)));
        return changes;
    }

    private static <T extends BaseEntity<T>> boolean insert(T entity, EntityState<T> state) {
        EntityMetadata<T> metadata = state.metadata();
        Instant now = now(state.context().clock());
        List<Attribute> stamped = new ArrayList<>();
        metadata.createdAt().filter(a -> a.read(entity) == null).ifPresent(stamped::add);
        metadata.updatedAt().filter(a -> a.read(entity) == null).ifPresent(stamped::add);
        stamped.forEach(a -> a.write(entity, timestamp(a, now, state.context().clock().getZone())));
        Attribute generatedKey = metadata.keyGeneration() == KeyGeneration.UUID && metadata.keys().get(0).read(entity) == null
                ? metadata.keys().get(0) : null;
        boolean databaseKey = metadata.keyGeneration() == KeyGeneration.IDENTITY && metadata.keys().get(0).read(entity) == null;
        try {
            validate(entity, state);
            assignKey(entity, metadata);
            insertRow(entity, state);
        } catch (RuntimeException failed) {
            // Nothing was written: a later save stamps the time it really writes, and makes its own key.
            stamped.forEach(a -> a.write(entity, null));
            if (generatedKey != null) {
                generatedKey.write(entity, null);
            }
            throw failed;
        }
        Runnable restoreState = state.restorer(entity);
        List<Attribute> filled = new ArrayList<>(stamped);
        if (generatedKey != null) {
            filled.add(generatedKey);
        }
        if (databaseKey) {
            filled.add(metadata.keys().get(0));
        }
        state.markLoaded(entity, true);
        // If the transaction this INSERT ran in rolls back, the entity is unsaved again.
        state.context().database().onRollback(() -> {
            restoreState.run();
            filled.forEach(a -> a.write(entity, null));
        });
        return true;
    }

    private static <T extends BaseEntity<T>> void insertRow(T entity, EntityState<T> state) {
        EntityMetadata<T> metadata = state.metadata();

        SqlBuilder sql = new SqlBuilder(state.context().database().dialect());
        List<Attribute> written = new ArrayList<>();
        List<Attribute> returned = new ArrayList<>();
        for (Attribute attribute : metadata.attributes()) {
            (attribute.read(entity) == null ? returned : written).add(attribute);
        }
        sql.append("INSERT INTO ").identifier(metadata.table());
        if (written.isEmpty()) {
            sql.append(" DEFAULT VALUES");
        } else {
            sql.append(" (");
            joinColumns(sql, written);
            sql.append(") VALUES (");
            for (int i = 0; i < written.size(); i++) {
                sql.append(i == 0 ? "" : ", ").param(written.get(i).read(entity), bindType(written.get(i)));
            }
            sql.append(")");
        }
        named("save of a new " + metadata.name(), () -> state.context().database().withHandle(handle -> {
            Update update = sql.bindTo(handle.createUpdate(sql.sql()));
            if (returned.isEmpty()) {
                update.execute();
            } else {
                // Read back the generated key and every column the database filled with its default.
                String[] columns = returned.stream().map(Attribute::column).toArray(String[]::new);
                update.executeAndReturnGeneratedKeys(columns).map((rs, ctx) -> {
                    ResultSetMetaData md = rs.getMetaData();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Optional<Attribute> attribute = findReturned(returned, md.getColumnLabel(i));
                        if (attribute.isPresent()) {
                            ColumnMapper<?> mapper = EntityRowMapper.mapperFor(attribute.get(), ctx);
                            attribute.get().write(entity, mapper.map(rs, i, ctx));
                        }
                    }
                    return entity;
                }).one();
            }
            return null;
        }));
    }

    private static <T extends BaseEntity<T>> boolean update(T entity, EntityState<T> state,
                                                            Consumer<Map<String, ValueChange>> written) {
        EntityMetadata<T> metadata = state.metadata();
        if (!state.isDirty(entity)) {
            return false;
        }
        Attribute stamped = metadata.updatedAt().filter(a -> !state.isDirty(entity, a)).orElse(null);
        Object previous = stamped == null ? null : stamped.read(entity);
        if (stamped != null) {
            stamped.write(entity, timestampFor(stamped, state.context().clock()));
        }
        try {
            validate(entity, state);
        } catch (RuntimeException invalid) {
            if (stamped != null) {
                stamped.write(entity, previous); // a later save stamps the time it really writes
            }
            throw invalid;
        }
        Map<Attribute, Object> dirty = state.dirty(entity);
        SqlBuilder sql = new SqlBuilder(state.context().database().dialect());
        sql.append("UPDATE ").identifier(metadata.table()).append(" SET ");
        int i = 0;
        for (Map.Entry<Attribute, Object> change : dirty.entrySet()) {
            sql.append(i++ == 0 ? "" : ", ").identifier(change.getKey().column()).append(" = ")
                    .param(change.getValue(), bindType(change.getKey()));
        }
        whereOriginalKey(sql, metadata, state);
        int rows = named("save of " + entity, () -> state.context().database()
                .withHandle(h -> sql.bindTo(h.createUpdate(sql.sql())).execute()));
        if (rows == 0) {
            throw new EntityNotFoundException(metadata.name(), "to update with key " + describeKey(metadata, state)
                    + ": its row was deleted since it was read");
        }
        written.accept(changes(entity, state));
        state.context().database().onRollback(state.restorer(entity)); // rolled back: the changes are unsaved again
        state.markLoaded(entity, true);
        return true;
    }

    /** Deletes the entity's row; returns false if the row was already gone. */
    public static <T extends BaseEntity<T>> boolean delete(T entity) {
        EntityState<T> state = EntityAccess.state(entity);
        Events events = state.context().events();
        if (state.isDeleted() || !state.isLoaded() || !events.wantsWriteEvents(entity.getClass())) {
            return deleteRow(entity, state);
        }
        return state.context().database().inTransaction(() -> {
            events.fire("preDelete", entity);
            boolean deleted = deleteRow(entity, state);
            events.fire("postDelete", entity);
            return deleted;
        });
    }

    private static <T extends BaseEntity<T>> boolean deleteRow(T entity, EntityState<T> state) {
        EntityMetadata<T> metadata = state.metadata();
        if (state.isDeleted()) {
            return false;
        }
        if (!state.isLoaded()) {
            throw new UnsavedEntityException(metadata.name(), "delete it");
        }
        SqlBuilder sql = new SqlBuilder(state.context().database().dialect());
        sql.append("DELETE FROM ").identifier(metadata.table());
        whereOriginalKey(sql, metadata, state);
        int rows = named("delete of " + entity, () -> state.context().database()
                .withHandle(h -> sql.bindTo(h.createUpdate(sql.sql())).execute()));
        state.context().database().onRollback(state.restorer(entity)); // rolled back: the row, and so the entity, is back
        state.markDeleted(entity);
        return rows > 0;
    }

    /** Re-reads every attribute from the entity's row, discarding unsaved changes. */
    public static <T extends BaseEntity<T>> void refresh(T entity) {
        EntityState<T> state = EntityAccess.state(entity);
        EntityMetadata<T> metadata = state.metadata();
        if (!state.isLoaded()) {
            throw new UnsavedEntityException(metadata.name(), "refresh it");
        }
        SqlBuilder sql = new SqlBuilder(state.context().database().dialect());
        sql.append("SELECT ");
        joinColumns(sql, metadata.attributes());
        sql.append(" FROM ").identifier(metadata.table());
        whereOriginalKey(sql, metadata, state);
        T fresh = state.context().database().withHandle(h -> sql.bindTo(h.createQuery(sql.sql()))
                .map(new EntityRowMapper<>(state.context(), metadata)).findOne()).orElseThrow(() ->
                new EntityNotFoundException(metadata.name(), "to refresh with key " + describeKey(metadata, state)));
        for (Attribute attribute : metadata.attributes()) {
            attribute.write(entity, attribute.read(fresh));
        }
        state.markLoaded(entity, true);
    }

    /** Runs one statement of {@code operation}; its failure says which entity's write it was. */
    private static <V> V named(String operation, java.util.function.Supplier<V> statement) {
        try {
            return statement.get();
        } catch (StatementFailedException e) {
            throw e.during(operation);
        }
    }

    private static <T extends BaseEntity<T>> void validate(T entity, EntityState<T> state) {
        state.context().validator().check(entity, state.metadata().name());
    }

    /** The key as it was last read or saved: what identifies the row even after an unsaved change of the key. */
    public static <T extends BaseEntity<T>> Object originalKey(T entity) {
        EntityState<T> state = EntityAccess.state(entity);
        List<Attribute> keys = state.metadata().keys();
        if (keys.size() == 1) {
            return state.original(keys.get(0));
        }
        Map<String, Object> key = new java.util.LinkedHashMap<>();
        keys.forEach(k -> key.put(k.name(), state.original(k)));
        return key;
    }

    private static <T extends BaseEntity<T>> void assignKey(T entity, EntityMetadata<T> metadata) {
        if (metadata.keyGeneration() == KeyGeneration.UUID) {
            Attribute key = metadata.keys().get(0);
            if (key.read(entity) == null) {
                UUID id = UUID.randomUUID();
                key.write(entity, key.type() == String.class ? id.toString() : id);
            }
        } else if (metadata.keyGeneration() == KeyGeneration.ASSIGNED) {
            for (Attribute key : metadata.keys()) {
                if (key.read(entity) == null) {
                    throw new InvalidValueException(metadata.name(), key.name(), null, key.type(),
                            "the key is assigned by the application, so set it before the first save");
                }
            }
        }
    }

    private static <T extends BaseEntity<T>> void whereOriginalKey(SqlBuilder sql, EntityMetadata<T> metadata,
                                                                  EntityState<T> state) {
        sql.append(" WHERE ");
        List<Attribute> keys = metadata.keys();
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "" : " AND ").identifier(keys.get(i).column()).append(" = ")
                    .param(state.original(keys.get(i)), bindType(keys.get(i)));
        }
    }

    private static <T extends BaseEntity<T>> String describeKey(EntityMetadata<T> metadata, EntityState<T> state) {
        return metadata.keys().stream().map(k -> k.name() + " = " + state.original(k)).toList().toString();
    }

    private static void joinColumns(SqlBuilder sql, List<Attribute> attributes) {
        for (int i = 0; i < attributes.size(); i++) {
            sql.append(i == 0 ? "" : ", ").identifier(attributes.get(i).column());
        }
    }

    private static Optional<Attribute> findReturned(List<Attribute> returned, String label) {
        return returned.stream().filter(a -> a.column().equalsIgnoreCase(label)).findFirst();
    }

    /** The type to bind an attribute's value as, so that a null is bound with the right SQL type. */
    public static java.lang.reflect.Type bindType(Attribute attribute) {
        return attribute.isPrimitive() ? attribute.type() : attribute.genericType();
    }

    /** Now, to the microsecond: the finest both HSQLDB and PostgreSQL keep, so a saved value reads back equal. */
    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The current time as {@code attribute}'s type, in the clock's zone, to the microsecond. */
    public static Object timestampFor(Attribute attribute, Clock clock) {
        return timestamp(attribute, now(clock), clock.getZone());
    }

    /** {@code now} as {@code attribute}'s type: one instant for every timestamp one write sets. */
    private static Object timestamp(Attribute attribute, Instant now, java.time.ZoneId zone) {
        Class<?> type = attribute.type();
        if (type == LocalDateTime.class) {
            return LocalDateTime.ofInstant(now, zone);
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.ofInstant(now, zone);
        }
        return type == Timestamp.class ? Timestamp.from(now) : now;
    }
}
