package dev.quarry.query;

import dev.quarry.entity.Attribute;
import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.EntityMetadata;
import dev.quarry.internal.EntityContext;
import dev.quarry.internal.Persister;
import dev.quarry.internal.ValueConverter;
import dev.quarry.sql.SqlBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query of one entity's table. Get one from an entity and chain conditions, order and limits,
 * then run it with a verb ({@code get}, {@code first}, {@code count}, {@code paginate}, ...).
 *
 * <pre>{@code
 * List<User> admins = entities.get(User.class).query()
 *         .where("active", true)
 *         .where(q -> q.where("role", "admin").orWhere("role", "owner"))
 *         .orderBy("createdAt", "desc")
 *         .limit(10)
 *         .get();
 *
 * int archived = entities.get(Post.class).query().where("published", false).update(Map.of("title", "[draft]"));
 * }</pre>
 *
 * @param <T> the entity the query returns
 */
public final class Query<T extends BaseEntity<T>> extends QueryBuilder<T, Query<T>> {

    /** Quarry makes queries; get one from an entity: {@code entities.get(User.class).query()}. */
    public Query(EntityContext context, EntityMetadata<T> metadata) {
        super(context, metadata);
    }

    @Override
    protected Query<T> self() {
        return this;
    }

    @Override
    protected Query<T> blank() {
        return new Query<>(context, metadata);
    }

    /**
     * Deletes every matching row in one statement, without loading the entities; returns how many.
     * Refused with a limit or offset, which DELETE cannot honour on every database.
     */
    public int delete() {
        requireNoPaging("delete");
        SqlBuilder sql = new SqlBuilder(context.database().dialect()).append("DELETE FROM ").identifier(metadata.table());
        where(sql);
        return context.database().withHandle(h -> sql.bindTo(h.createUpdate(sql.sql())).execute());
    }

    /**
     * Updates every matching row in one statement, without loading the entities; returns how many.
     * Values are converted to the attributes' types; the updated timestamp is set if the entity has one.
     * Validation does not run, since no entity is built.
     */
    public int update(Map<String, ?> values) {
        requireNoPaging("update");
        Map<Attribute, Object> changes = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            Attribute attribute = metadata.attribute(name);
            changes.put(attribute, ValueConverter.convert(value, attribute, metadata.name()));
        });
        metadata.updatedAt().filter(a -> !changes.containsKey(a)).ifPresent(a ->
                changes.put(a, Persister.timestampFor(a, context.clock())));
        if (changes.isEmpty()) {
            return 0;
        }
        SqlBuilder sql = new SqlBuilder(context.database().dialect()).append("UPDATE ").identifier(metadata.table()).append(" SET ");
        int i = 0;
        for (Map.Entry<Attribute, Object> change : changes.entrySet()) {
            sql.append(i++ == 0 ? "" : ", ").identifier(change.getKey().column()).append(" = ")
                    .param(change.getValue(), Persister.bindType(change.getKey()));
        }
        where(sql);
        return context.database().withHandle(h -> sql.bindTo(h.createUpdate(sql.sql())).execute());
    }

    /**
     * Inserts each row, or, where a row with the same {@code uniqueBy} values exists, updates its
     * {@code update} columns instead; returns how many rows were inserted or updated. One batched
     * statement in one transaction. Values are converted to the attributes' types and the
     * entity's timestamps are set (the created one on insert only); validation does not run, since
     * no entity is built. PostgreSQL needs a unique index or primary key on exactly the
     * {@code uniqueBy} columns.
     *
     * <pre>{@code
     * int written = entities.get(Country.class).query().upsert(List.of(
     *         Map.of("code", "NL", "name", "Netherlands"),
     *         Map.of("code", "BE", "name", "Belgium")), List.of("code"), List.of("name"));
     * }</pre>
     *
     * @param rows every row with the same attribute names
     * @param uniqueBy the attributes that identify an existing row (at least one, all in the rows)
     * @param update the attributes to overwrite on an existing row; empty to leave it as it is
     */
    public int upsert(List<? extends Map<String, ?>> rows, List<String> uniqueBy, List<String> update) {
        if (hasConditions() || hasLimitOrOffset()) {
            throw new InvalidQueryException("upsert() on " + metadata.name()
                    + " writes the rows it is given and cannot honour where(), limit() or offset(); call it on"
                    + " entities.get(" + metadata.type().getSimpleName() + ".class) or a fresh query().");
        }
        return new Upsert<>(context, metadata, uniqueBy, update).run(rows);
    }

    /** {@link #upsert(List, List, List)} updating every attribute of the rows that is not in {@code uniqueBy}. */
    public int upsert(List<? extends Map<String, ?>> rows, List<String> uniqueBy) {
        List<String> update = rows.isEmpty() ? List.of()
                : rows.get(0).keySet().stream().filter(name -> !uniqueBy.contains(name)).toList();
        return upsert(rows, uniqueBy, update);
    }

    private void requireNoPaging(String verb) {
        if (hasLimitOrOffset()) {
            throw new InvalidQueryException(verb + "() on " + metadata.name()
                    + " cannot honour a limit or offset; narrow the rows with where() instead.");
        }
    }

}
