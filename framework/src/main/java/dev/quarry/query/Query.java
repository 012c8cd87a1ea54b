package dev.quarry.query;

import dev.quarry.entity.Attribute;
import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.EntityMetadata;
import dev.quarry.entity.EntityNotFoundException;
import dev.quarry.entity.ScopeMethod;
import dev.quarry.entity.UnknownAttributeException;
import dev.quarry.internal.EntityContext;
import dev.quarry.internal.EntityRowMapper;
import dev.quarry.internal.NearestNames;
import dev.quarry.internal.Persister;
import dev.quarry.internal.ValueConverter;
import dev.quarry.query.internal.Clause;
import dev.quarry.query.internal.Condition;
import dev.quarry.query.internal.Operator;
import dev.quarry.sql.Identifiers;
import dev.quarry.sql.SqlBuilder;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A query for one entity: conditions, order and limits, then a verb that runs it. Every value is
 * bound as a parameter; every column name is checked against the entity (or validated, when
 * qualified as {@code table.column}) before any SQL is built.
 *
 * <pre>{@code
 * List<User> admins = entities.get(User.class).query()
 *         .where("active", true)
 *         .where(q -> q.where("role", "admin").orWhere("role", "owner"))
 *         .orderBy("createdAt", "desc")
 *         .limit(10)
 *         .get();
 * }</pre>
 *
 * <p>A query is a mutable builder, like Quick's and Eloquent's: each call adds to it and returns it.
 *
 * @param <T> the entity the query returns
 */
public final class Query<T extends BaseEntity<T>> {
    private final EntityContext context;
    private final EntityMetadata<T> metadata;
    private final List<Clause> clauses = new ArrayList<>();
    private final List<Order> orders = new ArrayList<>();
    private Integer limit;
    private Integer offset;

    /** Quarry makes queries; get one from an entity: {@code entities.get(User.class).query()}. */
    public Query(EntityContext context, EntityMetadata<T> metadata) {
        this.context = context;
        this.metadata = metadata;
    }

    /** The metadata of the entity this query returns. */
    public EntityMetadata<T> metadata() {
        return metadata;
    }

    // ---- conditions ------------------------------------------------------------------------

    /** {@code column = value}; a null value means {@code IS NULL}. */
    public Query<T> where(String column, Object value) {
        return add(false, column, "=", value);
    }

    /**
     * {@code column operator value}, with {@code operator} one of {@code = <> != < <= > >= like} and
     * {@code not like}; anything else is refused.
     */
    public Query<T> where(String column, String operator, Object value) {
        return add(false, column, operator, value);
    }

    /** A parenthesised group: {@code where(q -> q.where("a", 1).orWhere("b", 2))}. */
    public Query<T> where(Consumer<Query<T>> group) {
        return addGroup(false, group);
    }

    /** {@code OR column = value}. */
    public Query<T> orWhere(String column, Object value) {
        return add(true, column, "=", value);
    }

    /** {@code OR column operator value}. */
    public Query<T> orWhere(String column, String operator, Object value) {
        return add(true, column, operator, value);
    }

    /** {@code OR (group)}. */
    public Query<T> orWhere(Consumer<Query<T>> group) {
        return addGroup(true, group);
    }

    /** {@code column IN (values)}; an empty collection matches no row. */
    public Query<T> whereIn(String column, Collection<?> values) {
        return addIn(false, column, values, false);
    }

    /** {@code OR column IN (values)}. */
    public Query<T> orWhereIn(String column, Collection<?> values) {
        return addIn(true, column, values, false);
    }

    /** {@code column NOT IN (values)}; an empty collection excludes no row. */
    public Query<T> whereNotIn(String column, Collection<?> values) {
        return addIn(false, column, values, true);
    }

    /** {@code column IS NULL}. */
    public Query<T> whereNull(String column) {
        clauses.add(new Clause(false, new Condition.Null(column(column).sql, false)));
        return this;
    }

    /** {@code OR column IS NULL}. */
    public Query<T> orWhereNull(String column) {
        clauses.add(new Clause(true, new Condition.Null(column(column).sql, false)));
        return this;
    }

    /** {@code column IS NOT NULL}. */
    public Query<T> whereNotNull(String column) {
        clauses.add(new Clause(false, new Condition.Null(column(column).sql, true)));
        return this;
    }

    /** Applies {@code then} only when {@code condition} holds: {@code when(name != null, q -> q.where("name", name))}. */
    public Query<T> when(boolean condition, Consumer<Query<T>> then) {
        if (condition) {
            then.accept(this);
        }
        return this;
    }

    /**
     * Applies a scope the entity declares with {@code @Scope}:
     * {@code scope("ofType", "admin")} calls {@code ofType(query, "admin")}.
     */
    public Query<T> scope(String name, Object... arguments) {
        ScopeMethod scope = metadata.findScope(name).orElseThrow(() -> new UnknownScopeException(metadata.name(),
                name, NearestNames.of(String.valueOf(name), metadata.scopeNames()), metadata.scopeNames()));
        List<Class<?>> types = scope.parameterTypes();
        if (types.size() != arguments.length || !argumentsMatch(types, arguments)) {
            throw new InvalidQueryException("Scope " + name + " of " + metadata.name() + " takes "
                    + types.stream().map(Class::getSimpleName).toList() + " but was given "
                    + java.util.Arrays.stream(arguments).map(a -> a == null ? "null" : a.getClass().getSimpleName()).toList() + ".");
        }
        scope.invoke(scope.isStatic() ? null : context.newInstance(metadata), this, arguments);
        return this;
    }

    // ---- order and limits ---------------------------------------------------------------------

    /** {@code ORDER BY column ASC}. */
    public Query<T> orderBy(String column) {
        return orderBy(column, "asc");
    }

    /** {@code ORDER BY column direction}, with direction {@code asc} or {@code desc}. */
    public Query<T> orderBy(String column, String direction) {
        String dir = direction == null ? "" : direction.strip().toLowerCase(Locale.ROOT);
        if (!dir.equals("asc") && !dir.equals("desc")) {
            throw new InvalidQueryException("orderBy on " + metadata.name() + " takes the direction asc or desc, not "
                    + Identifiers.printable(direction) + ".");
        }
        orders.add(new Order(column(column).sql, dir.equals("desc")));
        return this;
    }

    /** {@code ORDER BY column DESC}. */
    public Query<T> orderByDesc(String column) {
        return orderBy(column, "desc");
    }

    /** At most {@code count} rows. */
    public Query<T> limit(int count) {
        if (count < 0) {
            throw new InvalidQueryException("limit on " + metadata.name() + " must be 0 or more, not " + count + ".");
        }
        this.limit = count;
        return this;
    }

    /** Skips the first {@code count} rows. */
    public Query<T> offset(int count) {
        if (count < 0) {
            throw new InvalidQueryException("offset on " + metadata.name() + " must be 0 or more, not " + count + ".");
        }
        this.offset = count;
        return this;
    }

    // ---- verbs ------------------------------------------------------------------------------

    /** Runs the query: one SELECT, every row an entity. */
    public List<T> get() {
        SqlBuilder sql = select();
        return context.database().withHandle(h -> sql.bindTo(h.createQuery(sql.sql()))
                .map(new EntityRowMapper<>(context, metadata)).list());
    }

    /** The first row, if any. */
    public Optional<T> first() {
        Integer previous = limit;
        limit = 1;
        try {
            List<T> rows = get();
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        } finally {
            limit = previous;
        }
    }

    /**
     * The first row.
     *
     * @throws EntityNotFoundException if there is none
     */
    public T firstOrFail() {
        return first().orElseThrow(() -> new EntityNotFoundException(metadata.name(), "matching " + describe()));
    }

    /** The entity with this key (a composite key as a {@code Map} of attribute to value), if it exists. */
    public Optional<T> find(Object key) {
        return copy().whereKey(key).first();
    }

    /**
     * The entity with this key.
     *
     * @throws EntityNotFoundException naming the entity and the key
     */
    public T findOrFail(Object key) {
        return find(key).orElseThrow(() -> new EntityNotFoundException(metadata.name(),
                "with key " + describeKey(key) + (clauses.isEmpty() ? "" : " matching " + describe())));
    }

    /** How many rows match (ignoring order, limit and offset). */
    public long count() {
        SqlBuilder sql = new SqlBuilder(context.database().dialect()).append("SELECT COUNT(*) FROM ")
                .identifier(metadata.table());
        where(sql);
        return context.database().withHandle(h -> sql.bindTo(h.createQuery(sql.sql())).mapTo(Long.class).one());
    }

    /** True if any row matches. */
    public boolean exists() {
        SqlBuilder sql = new SqlBuilder(context.database().dialect()).append("SELECT 1 FROM ")
                .identifier(metadata.table());
        where(sql);
        sql.append(sql.dialect().limitClause(1, null));
        return context.database().withHandle(h -> sql.bindTo(h.createQuery(sql.sql())).mapTo(Integer.class).findOne())
                .isPresent();
    }

    /** One page (from 1) of {@code perPage} rows, and the total: two statements. */
    public Page<T> paginate(int page, int perPage) {
        if (page < 1 || perPage < 1) {
            throw new InvalidQueryException("paginate on " + metadata.name() + " takes a page from 1 and a page size from 1, not ("
                    + page + ", " + perPage + ").");
        }
        long total = count();
        List<T> items = copy().limit(perPage).offset(Math.multiplyExact(page - 1, perPage)).get();
        return new Page<>(items, page, perPage, total);
    }

    /**
     * Hands the matching rows to {@code consumer} {@code size} at a time, so that memory stays flat
     * however many rows match. Without an order of its own and with a single-column key, it pages
     * by key ({@code WHERE id > ?}), which stays fast deep into a large table; otherwise by offset.
     */
    public void chunk(int size, Consumer<List<T>> consumer) {
        if (size < 1) {
            throw new InvalidQueryException("chunk on " + metadata.name() + " takes a size from 1, not " + size + ".");
        }
        if (orders.isEmpty() && !metadata.hasCompositeKey() && limit == null && offset == null) {
            chunkByKey(size, consumer);
            return;
        }
        Query<T> ordered = copy();
        if (ordered.orders.isEmpty()) {
            metadata.keys().forEach(k -> ordered.orderBy(k.name()));
        }
        int base = offset == null ? 0 : offset;
        for (int page = 0; ; page++) {
            int remaining = limit == null ? size : Math.min(size, limit - page * size);
            if (remaining <= 0) {
                return;
            }
            List<T> rows = ordered.copy().limit(remaining).offset(base + page * size).get();
            if (!rows.isEmpty()) {
                consumer.accept(rows);
            }
            if (rows.size() < remaining) {
                return;
            }
        }
    }

    private void chunkByKey(int size, Consumer<List<T>> consumer) {
        Attribute key = metadata.keys().get(0);
        Object last = null;
        while (true) {
            Query<T> page = copy().orderBy(key.name()).limit(size);
            if (last != null) {
                page.where(key.name(), ">", last);
            }
            List<T> rows = page.get();
            if (rows.isEmpty()) {
                return;
            }
            consumer.accept(rows);
            if (rows.size() < size) {
                return;
            }
            last = key.read(rows.get(rows.size() - 1));
        }
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
                changes.put(a, ValueConverter.convert(Instant.now(context.clock()).truncatedTo(ChronoUnit.MICROS), a, metadata.name())));
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

    /** The SELECT this query would run, with {@code ?} for each bound value. */
    public String toSql() {
        return select().sql();
    }

    /** The values this query binds, in order. */
    public List<Object> bindings() {
        return select().values();
    }

    /** An independent copy of this query. */
    public Query<T> copy() {
        Query<T> copy = new Query<>(context, metadata);
        copy.clauses.addAll(clauses);
        copy.orders.addAll(orders);
        copy.limit = limit;
        copy.offset = offset;
        return copy;
    }

    @Override
    public String toString() {
        return "Query<" + metadata.name() + ">: " + toSql();
    }

    // ---- building ---------------------------------------------------------------------------

    private SqlBuilder select() {
        SqlBuilder sql = new SqlBuilder(context.database().dialect()).append("SELECT ");
        List<Attribute> attributes = metadata.attributes();
        for (int i = 0; i < attributes.size(); i++) {
            sql.append(i == 0 ? "" : ", ").identifier(metadata.table() + "." + attributes.get(i).column());
        }
        sql.append(" FROM ").identifier(metadata.table());
        where(sql);
        if (!orders.isEmpty()) {
            sql.append(" ORDER BY ");
            for (int i = 0; i < orders.size(); i++) {
                Order order = orders.get(i);
                sql.append(i == 0 ? "" : ", ").identifier(order.column()).append(order.descending() ? " DESC" : " ASC");
            }
        }
        sql.append(sql.dialect().limitClause(limit, offset));
        return sql;
    }

    private void where(SqlBuilder sql) {
        if (!clauses.isEmpty()) {
            sql.append(" WHERE ");
            Clause.renderAll(clauses, sql);
        }
    }

    private Query<T> add(boolean or, String column, String operatorText, Object value) {
        Resolved col = column(column);
        Operator operator = Operator.parse(operatorText);
        if (operator == null) {
            throw new InvalidQueryException("The operator " + Identifiers.printable(operatorText) + " in a where on "
                    + metadata.name() + "." + column + " is not accepted. Use one of " + Operator.ACCEPTED + ".");
        }
        Condition condition;
        if (value == null) {
            if (operator != Operator.EQUAL && operator != Operator.NOT_EQUAL) {
                throw new InvalidQueryException("where(" + column + ", " + operatorText + ", null) on " + metadata.name()
                        + " compares with null, which never matches: use whereNull or whereNotNull.");
            }
            condition = new Condition.Null(col.sql, operator == Operator.NOT_EQUAL);
        } else {
            boolean textual = operator == Operator.LIKE || operator == Operator.NOT_LIKE;
            condition = new Condition.Comparison(col.sql, operator, textual ? value : col.convert(value),
                    textual ? null : col.type);
        }
        clauses.add(new Clause(or, condition));
        return this;
    }

    private Query<T> addIn(boolean or, String column, Collection<?> values, boolean negated) {
        Resolved col = column(column);
        if (values == null) {
            throw new InvalidQueryException("where" + (negated ? "NotIn" : "In") + "(" + column + ", null) on "
                    + metadata.name() + ": pass a collection (an empty one matches " + (negated ? "every" : "no") + " row).");
        }
        List<Object> converted = new ArrayList<>(values.size());
        boolean hasNull = false;
        for (Object value : values) {
            if (value == null) {
                hasNull = true;
            } else {
                converted.add(col.convert(value));
            }
        }
        Condition in = new Condition.In(col.sql, converted, col.type, negated);
        if (hasNull) {
            Condition nullCheck = new Condition.Null(col.sql, negated);
            in = new Condition.Group(List.of(new Clause(false, in), new Clause(!negated, nullCheck)));
        }
        clauses.add(new Clause(or, in));
        return this;
    }

    private Query<T> addGroup(boolean or, Consumer<Query<T>> group) {
        Query<T> nested = new Query<>(context, metadata);
        group.accept(nested);
        if (!nested.clauses.isEmpty()) {
            clauses.add(new Clause(or, new Condition.Group(List.copyOf(nested.clauses))));
        }
        return this;
    }

    private Query<T> whereKey(Object key) {
        List<Attribute> keys = metadata.keys();
        if (keys.size() == 1 && !(key instanceof Map<?, ?>)) {
            return where(keys.get(0).name(), key == null ? null : key);
        }
        if (!(key instanceof Map<?, ?> parts) || parts.size() != keys.size()) {
            throw new InvalidQueryException(metadata.name() + " has the composite key " + metadata.keys()
                    + ": pass a Map with a value for each of them, not " + describeKey(key) + ".");
        }
        for (Attribute attribute : keys) {
            if (!parts.containsKey(attribute.name())) {
                throw new InvalidQueryException("The key of " + metadata.name() + " needs a value for " + attribute.name()
                        + "; the given map has " + parts.keySet() + ".");
            }
            where(attribute.name(), parts.get(attribute.name()));
        }
        return this;
    }

    private void requireNoPaging(String verb) {
        if (limit != null || offset != null) {
            throw new InvalidQueryException(verb + "() on " + metadata.name()
                    + " cannot honour a limit or offset; narrow the rows with where() instead.");
        }
    }

    private String describe() {
        SqlBuilder sql = new SqlBuilder(context.database().dialect());
        Clause.renderAll(clauses, sql);
        return sql.sql() + (sql.values().isEmpty() ? "" : " with " + sql.values());
    }

    private String describeKey(Object key) {
        return key instanceof Map<?, ?> ? String.valueOf(key) : Identifiers.printable(key);
    }

    private static boolean argumentsMatch(List<Class<?>> types, Object[] arguments) {
        for (int i = 0; i < arguments.length; i++) {
            Class<?> type = types.get(i).isPrimitive() ? boxed(types.get(i)) : types.get(i);
            if (arguments[i] == null ? types.get(i).isPrimitive() : !type.isInstance(arguments[i])) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> boxed(Class<?> primitive) {
        return java.lang.invoke.MethodType.methodType(primitive).wrap().returnType();
    }

    /**
     * Resolves a column named in a query call: an attribute name or a column of this entity
     * (qualified with its table), or an explicitly qualified {@code table.column}.
     */
    private Resolved column(String name) {
        if (name != null && name.indexOf('.') > 0) {
            Identifiers.require(name, "column", "a query on " + metadata.name());
            return new Resolved(name, null, null);
        }
        Attribute attribute = name == null ? null : metadata.findAttribute(name)
                .or(() -> metadata.findAttributeByColumn(name)).orElse(null);
        if (attribute == null) {
            if (name != null && !Identifiers.isValidPart(name)) {
                Identifiers.requirePart(name, "column", "a query on " + metadata.name());
            }
            throw new UnknownAttributeException(metadata.name(), name,
                    NearestNames.of(String.valueOf(name), metadata.attributeNames()));
        }
        return new Resolved(metadata.table() + "." + attribute.column(), attribute, Persister.bindType(attribute));
    }

    private record Order(String column, boolean descending) {}

    private final class Resolved {
        final String sql;
        final Attribute attribute;
        final Type type;

        Resolved(String sql, Attribute attribute, Type type) {
            this.sql = sql;
            this.attribute = attribute;
            this.type = type;
        }

        Object convert(Object value) {
            return attribute == null ? value : ValueConverter.convert(value, attribute, metadata.name());
        }
    }
}
