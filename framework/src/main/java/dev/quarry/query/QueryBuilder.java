package dev.quarry.query;

import dev.quarry.entity.Attribute;
import dev.quarry.entity.AttributeName;
import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.EntityMetadata;
import dev.quarry.entity.EntityNotFoundException;
import dev.quarry.entity.ScopeMethod;
import dev.quarry.entity.UnknownAttributeException;
import dev.quarry.internal.EntityAccess;
import dev.quarry.internal.EntityContext;
import dev.quarry.internal.EntityRowMapper;
import dev.quarry.internal.EntityState;
import dev.quarry.internal.NearestNames;
import dev.quarry.internal.Persister;
import dev.quarry.internal.ValueConverter;
import dev.quarry.relation.EagerLoader;
import dev.quarry.relation.PolymorphicBelongsTo;
import dev.quarry.relation.RelationPath;
import dev.quarry.relation.Relationship;
import dev.quarry.relation.UnknownRelationException;
import dev.quarry.query.internal.Clause;
import dev.quarry.query.internal.Condition;
import dev.quarry.query.internal.Operator;
import dev.quarry.sql.Identifiers;
import dev.quarry.sql.SqlBuilder;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * What every query of one entity can do: conditions, order and limits, then a verb that runs it.
 * {@link Query} is the plain query of an entity's table; relations are query builders too,
 * constrained to their parent. Every value is
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
 * @param <Q> the builder's own type, returned by every call that adds to it
 */
public abstract class QueryBuilder<T extends BaseEntity<T>, Q extends QueryBuilder<T, Q>> {
    protected final EntityContext context;
    protected final EntityMetadata<T> metadata;
    private final List<Clause> clauses = new ArrayList<>();
    private final List<Order> orders = new ArrayList<>();
    private Integer limit;
    private Integer offset;
    private final Map<String, Consumer<QueryBuilder<?, ?>>> eagerLoads = new LinkedHashMap<>();
    private final List<Consumer<SqlBuilder>> extraSelects = new ArrayList<>();
    private String alias;
    private String correlatedOuter;
    private int depth;

    protected QueryBuilder(EntityContext context, EntityMetadata<T> metadata) {
        this.context = context;
        this.metadata = metadata;
    }

    /** True if a limit or an offset was set. */
    protected final boolean hasLimitOrOffset() {
        return limit != null || offset != null;
    }

    /** True if a condition was added with {@code where}, {@code whereIn}, {@code has} or the like. */
    protected final boolean hasConditions() {
        return !clauses.isEmpty();
    }

    /** This builder, as its own type. */
    protected abstract Q self();

    /** A new builder of the same kind and with the same fixed constraints, without this one's conditions. */
    protected abstract Q blank();

    /** Renders the FROM clause's content: the entity's table (aliased in a subquery), plus any joins the builder needs. */
    protected void renderFrom(SqlBuilder sql) {
        renderTable(sql);
    }

    /** Renders the entity's table, with its alias when the builder is a subquery. */
    protected final void renderTable(SqlBuilder sql) {
        sql.identifier(metadata.table());
        if (alias != null) {
            sql.append(" ").identifier(alias);
        }
    }

    /** How columns of the entity's table are qualified: its alias in a subquery, else its name. */
    protected final String tableRef() {
        return alias != null ? alias : metadata.table();
    }

    /**
     * The outer query's table reference when this builder renders as a correlated subquery (of
     * {@code has}, {@code whereHas}, {@code withCount}), else null. A relation then constrains itself
     * by comparing its key columns with the outer table's instead of binding its parent's key.
     */
    protected final String correlatedOuter() {
        return correlatedOuter;
    }

    /** Renders further select-list items after the entity's columns (each starting with ", "). */
    protected void renderExtraColumns(SqlBuilder sql) {}

    /** Adds the conditions the builder always applies (e.g. "belongs to this parent"), ANDed before the user's. */
    protected void constrain(Constraints constraints) {}

    /** True if rows may repeat along the builder's joins and must be made distinct (a relation through a chain). */
    protected boolean distinct() {
        return false;
    }

    /** Post-processes the entities a SELECT returned (e.g. attaches pivot rows); returns them. */
    protected List<T> loaded(List<T> rows) {
        return rows;
    }

    /** The metadata of the entity this query returns. */
    public EntityMetadata<T> metadata() {
        return metadata;
    }

    // ---- conditions ------------------------------------------------------------------------

    /** {@code column = value}; a null value means {@code IS NULL}. */
    public Q where(String column, Object value) {
        return add(false, column, "=", value);
    }

    /**
     * {@code column operator value}, with {@code operator} one of {@code = <> != < <= > >= like} and
     * {@code not like}; anything else is refused.
     */
    public Q where(String column, String operator, Object value) {
        return add(false, column, operator, value);
    }

    /** A parenthesised group: {@code where(q -> q.where("a", 1).orWhere("b", 2))}. */
    public Q where(Consumer<Query<T>> group) {
        return addGroup(false, group);
    }

    /** {@code OR column = value}. */
    public Q orWhere(String column, Object value) {
        return add(true, column, "=", value);
    }

    /** {@code OR column operator value}. */
    public Q orWhere(String column, String operator, Object value) {
        return add(true, column, operator, value);
    }

    /** {@code OR (group)}. */
    public Q orWhere(Consumer<Query<T>> group) {
        return addGroup(true, group);
    }

    /** {@code column IN (values)}; an empty collection matches no row. */
    public Q whereIn(String column, Collection<?> values) {
        return addIn(false, column, values, false);
    }

    /** {@code OR column IN (values)}. */
    public Q orWhereIn(String column, Collection<?> values) {
        return addIn(true, column, values, false);
    }

    /** {@code column NOT IN (values)}; an empty collection excludes no row. */
    public Q whereNotIn(String column, Collection<?> values) {
        return addIn(false, column, values, true);
    }

    /** {@code column IS NULL}. */
    public Q whereNull(String column) {
        clauses.add(new Clause(false, new Condition.Null(column(column).sql, false)));
        return self();
    }

    /** {@code OR column IS NULL}. */
    public Q orWhereNull(String column) {
        clauses.add(new Clause(true, new Condition.Null(column(column).sql, false)));
        return self();
    }

    /** {@code column IS NOT NULL}. */
    public Q whereNotNull(String column) {
        clauses.add(new Clause(false, new Condition.Null(column(column).sql, true)));
        return self();
    }

    /** Applies {@code then} only when {@code condition} holds: {@code when(name != null, q -> q.where("name", name))}. */
    public Q when(boolean condition, Consumer<Q> then) {
        if (condition) {
            then.accept(self());
        }
        return self();
    }

    /**
     * Applies a scope the entity declares with {@code @Scope}:
     * {@code scope("ofType", "admin")} calls {@code ofType(query, "admin")}.
     */
    public Q scope(String name, Object... arguments) {
        ScopeMethod scope = (name == null ? Optional.<ScopeMethod>empty() : metadata.findScope(name)).orElseThrow(() -> new UnknownScopeException(metadata.name(),
                name, NearestNames.of(String.valueOf(name), metadata.scopeNames()), metadata.scopeNames()));
        List<Class<?>> types = scope.parameterTypes();
        if (types.size() != arguments.length || !argumentsMatch(types, arguments)) {
            throw new InvalidQueryException("Scope " + name + " of " + metadata.name() + " takes "
                    + types.stream().map(Class::getSimpleName).toList() + " but was given "
                    + java.util.Arrays.stream(arguments).map(a -> a == null ? "null" : a.getClass().getSimpleName()).toList() + ".");
        }
        Query<T> scopedQuery = new Query<>(context, metadata);
        QueryBuilder<T, Query<T>> scoped = scopedQuery;
        scope.invoke(scope.isStatic() ? null : context.newInstance(metadata), scopedQuery, arguments);
        // A scope constrains the whole query: an earlier orWhere must not escape it, nor its orWhere
        // swallow what comes after, so each side is grouped.
        if (clauses.stream().anyMatch(Clause::or)) {
            List<Clause> existing = List.copyOf(clauses);
            clauses.clear();
            clauses.add(new Clause(false, new Condition.Group(existing)));
        }
        if (scoped.clauses.size() > 1) {
            clauses.add(new Clause(false, new Condition.Group(List.copyOf(scoped.clauses))));
        } else {
            clauses.addAll(scoped.clauses);
        }
        orders.addAll(scoped.orders);
        limit = scoped.limit == null ? limit : scoped.limit;
        offset = scoped.offset == null ? offset : scoped.offset;
        scoped.eagerLoads.forEach(eagerLoads::putIfAbsent);
        return self();
    }

    // ---- relation queries -------------------------------------------------------------------

    /** Only entities with at least one related row: {@code has("posts")}, nested {@code has("posts.comments")}. */
    public Q has(String relation) {
        return addExists(false, relation, null, false);
    }

    /** Only entities whose count of related rows compares so: {@code has("posts", ">=", 3)}. */
    public Q has(String relation, String operator, long count) {
        Operator op = Operator.parse(operator);
        if (op == null || op == Operator.LIKE || op == Operator.NOT_LIKE) {
            throw new InvalidQueryException("has(" + relation + ", " + Identifiers.printable(operator) + ", " + count + ") on "
                    + metadata.name() + " takes one of = <> != < <= > >=.");
        }
        int dot = relation == null ? -1 : relation.lastIndexOf('.');
        if (dot > 0) {
            String last = relation.substring(dot + 1);
            return addExists(false, relation.substring(0, dot), q -> q.has(last, operator, count), false);
        }
        QueryBuilder<?, ?> sub = correlated(relation, null);
        clauses.add(new Clause(false, new Condition.CountCompare(s -> sub.renderSubquery(s, sub.countExpression(s.dialect())), op, count)));
        return self();
    }

    /** Or entities with at least one related row. */
    public Q orHas(String relation) {
        return addExists(true, relation, null, false);
    }

    /** Only entities without any related row. */
    public Q doesntHave(String relation) {
        return addExists(false, relation, null, true);
    }

    /** Only entities with a related row matching {@code constraint}: {@code whereHas("posts", q -> q.where("published", true))}. */
    public Q whereHas(String relation, Consumer<QueryBuilder<?, ?>> constraint) {
        return addExists(false, relation, constraint, false);
    }

    /** Or entities with a related row matching {@code constraint}. */
    public Q orWhereHas(String relation, Consumer<QueryBuilder<?, ?>> constraint) {
        return addExists(true, relation, constraint, false);
    }

    /** Only entities without a related row matching {@code constraint}. */
    public Q whereDoesntHave(String relation, Consumer<QueryBuilder<?, ?>> constraint) {
        return addExists(false, relation, constraint, true);
    }

    /**
     * Adds each relation's count of related rows to every entity read, as one subselect (not a
     * statement per row); read it with {@code entity.relationCount("posts")}. {@code "posts as drafts"}
     * names the count {@code drafts}.
     */
    public Q withCount(String... relations) {
        for (String relation : relations) {
            withCount(relation, null);
        }
        return self();
    }

    /** {@link #withCount(String...)} of the related rows matching {@code constraint}. */
    public Q withCount(String relation, Consumer<QueryBuilder<?, ?>> constraint) {
        String name = relation;
        String alias = null;
        int as = relation == null ? -1 : relation.toLowerCase(Locale.ROOT).indexOf(" as ");
        if (as > 0) {
            name = relation.substring(0, as).strip();
            alias = relation.substring(as + 4).strip();
        }
        String label = Identifiers.requirePart(alias != null ? alias : context.registry().naming().countAlias(name),
                "count alias", "withCount on " + metadata.name());
        QueryBuilder<?, ?> sub = correlated(name, constraint);
        extraSelects.add(sql -> {
            sql.append("(");
            sub.renderSubquery(sql, sub.countExpression(sql.dialect()));
            sql.append(") AS ").identifier(label);
        });
        return self();
    }

    private Q addExists(boolean or, String relation, Consumer<QueryBuilder<?, ?>> constraint, boolean negated) {
        int dot = relation == null ? -1 : relation.indexOf('.');
        if (dot < 0 && declared(relation) instanceof PolymorphicBelongsTo<?> morph) {
            clauses.add(new Clause(or, morphExists(relation, morph, constraint, negated)));
            return self();
        }
        if (dot > 0) {
            // has("posts.comments", c) = whereHas("posts", p -> p.whereHas("comments", c))
            String rest = relation.substring(dot + 1);
            Consumer<QueryBuilder<?, ?>> inner = q -> q.addExists(false, rest, constraint, false);
            QueryBuilder<?, ?> sub = correlated(relation.substring(0, dot), inner);
            clauses.add(new Clause(or, new Condition.Exists(s -> sub.renderSubquery(s, "1"), negated)));
            return self();
        }
        QueryBuilder<?, ?> sub = correlated(relation, constraint);
        clauses.add(new Clause(or, new Condition.Exists(s -> sub.renderSubquery(s, "1"), negated)));
        return self();
    }

    private Relationship<?> declared(String relation) {
        return metadata.findRelation(relation == null ? "" : relation)
                .orElseThrow(() -> new UnknownRelationException(metadata.name(), relation,
                        NearestNames.of(String.valueOf(relation), metadata.relationNames()), metadata.relationNames()))
                .relationOf(context.newInstance(metadata));
    }

    /**
     * Existence through a polymorphic belongsTo: for each entity that can be the parent, its type in
     * the type column and a row with the id ({@code (type = 'Post' AND EXISTS (...)) OR (...)}).
     */
    private Condition morphExists(String relation, PolymorphicBelongsTo<?> morph, Consumer<QueryBuilder<?, ?>> constraint,
                                  boolean negated) {
        List<Clause> alternatives = new ArrayList<>();
        String typeColumn = tableRef() + "." + morph.typeAttribute().column();
        String idColumn = tableRef() + "." + morph.idAttribute().column();
        for (EntityMetadata<?> type : morph.parentTypes()) {
            QueryBuilder<?, ?> sub = plainQuery(type);
            sub.depth = depth + 1;
            sub.alias = "quarry_s" + sub.depth;
            if (type.keys().size() != 1) {
                continue; // one id column cannot hold a composite key
            }
            sub.clauses.add(new Clause(false, new Condition.ColumnsEqual(sub.alias + "." + type.keys().get(0).column(), idColumn)));
            if (constraint != null) {
                constraint.accept(sub);
            }
            QueryBuilder<?, ?> subquery = sub;
            alternatives.add(new Clause(true, new Condition.Group(List.of(
                    new Clause(false, new Condition.Comparison(typeColumn, Operator.EQUAL, type.name(), String.class)),
                    new Clause(false, new Condition.Exists(s -> subquery.renderSubquery(s, "1"), false))))));
        }
        if (alternatives.isEmpty()) {
            throw new InvalidQueryException("No entity declares a polymorphicHasMany to " + metadata.name() + " as "
                    + Identifiers.printable(relation) + ", so " + metadata.name() + "." + relation + " has no parent type to query.");
        }
        Condition any = new Condition.Group(alternatives);
        // A NULL type makes every alternative unknown, so NOT alone would drop the orphans doesntHave wants.
        return negated ? new Condition.Group(List.of(new Clause(false, new Condition.Not(any)),
                new Clause(true, new Condition.Null(typeColumn, false)))) : any;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private QueryBuilder<?, ?> plainQuery(EntityMetadata type) {
        return new Query(context, type);
    }

    /** The relation's builder, aliased and correlated to this query, with {@code constraint} applied. */
    private QueryBuilder<?, ?> correlated(String relation, Consumer<QueryBuilder<?, ?>> constraint) {
        Relationship<?> declared = declared(relation);
        if (declared instanceof PolymorphicBelongsTo<?>) {
            throw new InvalidQueryException("Relation " + relation + " of " + metadata.name() + " is a polymorphicBelongsTo:"
                    + " has, doesntHave and whereHas work on it, but counting (has with a count, withCount) does not.");
        }
        if (!(declared instanceof QueryBuilder<?, ?> builder)) {
            throw new InvalidQueryException("Relation " + relation + " of " + metadata.name()
                    + " relates to a table without an entity, which relation queries (has, whereHas, withCount) do not support yet.");
        }
        QueryBuilder<?, ?> sub = builder.copy();
        sub.depth = depth + 1;
        sub.alias = "quarry_s" + sub.depth;
        sub.correlatedOuter = tableRef();
        if (constraint != null) {
            constraint.accept(sub);
        }
        if (sub.limit != null || sub.offset != null || !sub.orders.isEmpty()) {
            throw new InvalidQueryException("The constraint of a relation query on " + metadata.name() + "." + relation
                    + " may add conditions only: an order, limit or offset has no meaning in it.");
        }
        return sub;
    }

    /** {@code COUNT(*)}, or {@code COUNT(DISTINCT key)} when rows may repeat along joins (a single-column key). */
    private String countExpression(dev.quarry.sql.dialect.Dialect dialect) {
        if (distinct() && metadata.keys().size() == 1) {
            return "COUNT(DISTINCT " + dialect.quote(tableRef() + "." + metadata.keys().get(0).column()) + ")";
        }
        return "COUNT(*)";
    }

    /** Renders {@code SELECT <select> FROM ... WHERE ...} of this builder, for use inside another statement. */
    private void renderSubquery(SqlBuilder sql, String select) {
        sql.append("SELECT ").append(select).append(" FROM ");
        renderFrom(sql);
        where(sql);
    }

    // ---- eager loading -----------------------------------------------------------------------

    /**
     * Loads these relations of every entity the query returns, in one statement per relation and
     * level however many entities there are. Nested paths ({@code "roles.permissions"}) load each level.
     */
    public Q with(String... relations) {
        for (String relation : relations) {
            eagerLoads.putIfAbsent(requireRelationPath(relation), null);
        }
        return self();
    }

    /**
     * Refuses a path whose first relation this entity does not have, now rather than after the
     * query has run (the loader checks the rest of a nested path when it gets there).
     */
    private String requireRelationPath(String path) {
        String first = path == null ? null : path.split("\\.", -1)[0];
        if (first == null || metadata.findRelation(first).isEmpty()) {
            throw new UnknownRelationException(metadata.name(), path,
                    path == null ? List.of() : NearestNames.of(path, metadata.relationNames()), metadata.relationNames());
        }
        return path;
    }

    /**
     * Loads a relation of every entity the query returns, with extra conditions or order on the
     * related query: {@code with("posts", q -> q.where("published", true).orderBy("id"))}.
     */
    public Q with(String relation, Consumer<QueryBuilder<?, ?>> constraint) {
        eagerLoads.put(requireRelationPath(relation), constraint);
        return self();
    }

    /** The relations to load with the results, each with its constraint or null. */
    protected final Map<String, Consumer<QueryBuilder<?, ?>>> eagerLoads() {
        return eagerLoads;
    }

    // ---- order and limits ---------------------------------------------------------------------

    /** {@code ORDER BY column ASC}. */
    public Q orderBy(String column) {
        return orderBy(column, "asc");
    }

    /** {@code ORDER BY column direction}, with direction {@code asc} or {@code desc}. */
    public Q orderBy(String column, String direction) {
        String dir = direction == null ? "" : direction.strip().toLowerCase(Locale.ROOT);
        if (!dir.equals("asc") && !dir.equals("desc")) {
            throw new InvalidQueryException("orderBy on " + metadata.name() + " takes the direction asc or desc, not "
                    + Identifiers.printable(direction) + ".");
        }
        orders.add(new Order(column(column).sql, dir.equals("desc")));
        return self();
    }

    /** {@code ORDER BY column DESC}. */
    public Q orderByDesc(String column) {
        return orderBy(column, "desc");
    }

    // ---- typed names: the same calls with the generated metamodel's constants -----------------

    /** {@link #where(String, Object)} by a typed attribute name: {@code where(User_.EMAIL, "ada@example.com")}. */
    public final <V> Q where(AttributeName<T, V> attribute, V value) {
        return where(attribute.name(), value);
    }

    /** {@link #where(String, String, Object)} by a typed attribute name: {@code where(User_.AGE, ">", 30)}. */
    public final <V> Q where(AttributeName<T, V> attribute, String operator, V value) {
        return where(attribute.name(), operator, value);
    }

    /** {@link #orWhere(String, Object)} by a typed attribute name. */
    public final <V> Q orWhere(AttributeName<T, V> attribute, V value) {
        return orWhere(attribute.name(), value);
    }

    /** {@link #whereIn(String, Collection)} by a typed attribute name. */
    public final <V> Q whereIn(AttributeName<T, V> attribute, Collection<? extends V> values) {
        return whereIn(attribute.name(), values);
    }

    /** {@link #whereNotIn(String, Collection)} by a typed attribute name. */
    public final <V> Q whereNotIn(AttributeName<T, V> attribute, Collection<? extends V> values) {
        return whereNotIn(attribute.name(), values);
    }

    /** {@link #whereNull(String)} by a typed attribute name. */
    public final Q whereNull(AttributeName<T, ?> attribute) {
        return whereNull(attribute.name());
    }

    /** {@link #whereNotNull(String)} by a typed attribute name. */
    public final Q whereNotNull(AttributeName<T, ?> attribute) {
        return whereNotNull(attribute.name());
    }

    /** {@link #orderBy(String)} by a typed attribute name: {@code orderBy(User_.NAME)}. */
    public final Q orderBy(AttributeName<T, ?> attribute) {
        return orderBy(attribute.name());
    }

    /** {@link #orderBy(String, String)} by a typed attribute name: {@code orderBy(User_.NAME, "desc")}. */
    public final Q orderBy(AttributeName<T, ?> attribute, String direction) {
        return orderBy(attribute.name(), direction);
    }

    /** {@link #has(String)} by a typed relation path: {@code has(User_.POSTS)}. */
    public final Q has(RelationPath<T, ?> relation) {
        return has(relation.path());
    }

    /** {@link #has(String, String, long)} by a typed relation path: {@code has(User_.POSTS, ">=", 3)}. */
    public final Q has(RelationPath<T, ?> relation, String operator, long count) {
        return has(relation.path(), operator, count);
    }

    /** {@link #doesntHave(String)} by a typed relation path. */
    public final Q doesntHave(RelationPath<T, ?> relation) {
        return doesntHave(relation.path());
    }

    /**
     * {@link #whereHas(String, Consumer)} by a typed relation path, with the related query typed
     * too: {@code whereHas(User_.POSTS, q -> q.where(Post_.PUBLISHED, true))}.
     */
    public final <R extends BaseEntity<R>> Q whereHas(RelationPath<T, R> relation, Consumer<? super QueryBuilder<R, ?>> constraint) {
        return whereHas(relation.path(), typed(constraint));
    }

    /** {@link #orWhereHas(String, Consumer)} by a typed relation path. */
    public final <R extends BaseEntity<R>> Q orWhereHas(RelationPath<T, R> relation, Consumer<? super QueryBuilder<R, ?>> constraint) {
        return orWhereHas(relation.path(), typed(constraint));
    }

    /** {@link #whereDoesntHave(String, Consumer)} by a typed relation path. */
    public final <R extends BaseEntity<R>> Q whereDoesntHave(RelationPath<T, R> relation,
                                                            Consumer<? super QueryBuilder<R, ?>> constraint) {
        return whereDoesntHave(relation.path(), typed(constraint));
    }

    /** {@link #withCount(String...)} by typed relation paths: {@code withCount(User_.POSTS)}. */
    @SafeVarargs
    public final Q withCount(RelationPath<T, ?>... relations) {
        for (RelationPath<T, ?> relation : relations) {
            withCount(relation.path());
        }
        return self();
    }

    /** {@link #with(String...)} by typed relation paths: {@code with(User_.ROLES, User_.POSTS.then(Post_.COMMENTS))}. */
    @SafeVarargs
    public final Q with(RelationPath<T, ?>... relations) {
        for (RelationPath<T, ?> relation : relations) {
            with(relation.path());
        }
        return self();
    }

    /** {@link #with(String, Consumer)} by a typed relation path, with the related query typed too. */
    public final <R extends BaseEntity<R>> Q with(RelationPath<T, R> relation, Consumer<? super QueryBuilder<R, ?>> constraint) {
        return with(relation.path(), typed(constraint));
    }

    /** The related query of a typed path is a builder of the path's last entity, so the cast holds. */
    @SuppressWarnings("unchecked")
    private static <R extends BaseEntity<R>> Consumer<QueryBuilder<?, ?>> typed(Consumer<? super QueryBuilder<R, ?>> constraint) {
        return constraint == null ? null : q -> constraint.accept((QueryBuilder<R, ?>) q);
    }

    /** At most {@code count} rows. */
    public Q limit(int count) {
        if (count < 0) {
            throw new InvalidQueryException("limit on " + metadata.name() + " must be 0 or more, not " + count + ".");
        }
        this.limit = count;
        return self();
    }

    /** Skips the first {@code count} rows. */
    public Q offset(int count) {
        if (count < 0) {
            throw new InvalidQueryException("offset on " + metadata.name() + " must be 0 or more, not " + count + ".");
        }
        this.offset = count;
        return self();
    }

    // ---- verbs ------------------------------------------------------------------------------

    /** Runs the query: one SELECT, every row an entity. */
    public List<T> get() {
        if (limit != null && limit == 0) {
            return new ArrayList<>();
        }
        SqlBuilder sql = checked(select());
        List<T> mapped = reading(() -> context.database().withHandle(h -> sql.bindTo(h.createQuery(sql.sql()))
                .map(new EntityRowMapper<>(context, metadata)).list()));
        List<T> rows = loaded(perParentLimit() != null && sql.dialect().supportsPartitionedWindows()
                ? withoutRowNumbers(mapped) : mapped);
        if (rows.size() > 1) {   // for strict mode: a relation read lazily on each of these is an N+1
            rows.forEach(row -> EntityAccess.state(row).loadedAmong(rows.size()));
        }
        if (!eagerLoads.isEmpty()) {
            EagerLoader.load(rows, eagerLoads);
        }
        return rows;
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
        return first().orElseThrow(() -> new EntityNotFoundException(metadata.name(),
                (clauses.isEmpty() ? "by " : "matching ") + describe()));
    }

    /** The entity with this key (a composite key as a {@code Map} of attribute to value), if it exists. */
    public Optional<T> find(Object key) {
        context.events().preLoad(metadata.name(), key);
        return groupedCopy().whereKey(key).first();
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
        SqlBuilder sql = new SqlBuilder(context.database().dialect()).append("SELECT ").append(countExpression(context.database().dialect())).append(" FROM ");
        renderFrom(sql);
        where(sql);
        return context.database().withHandle(h -> sql.bindTo(h.createQuery(sql.sql())).mapTo(Long.class).one());
    }

    /** True if any row matches. */
    public boolean exists() {
        SqlBuilder sql = new SqlBuilder(context.database().dialect()).append("SELECT 1 FROM ");
        renderFrom(sql);
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
        long skip = (long) (page - 1) * perPage;
        if (skip > Integer.MAX_VALUE) {
            throw new InvalidQueryException("paginate on " + metadata.name() + " asked for page " + page + " of " + perPage
                    + " rows, which starts beyond the largest offset a query can skip (" + Integer.MAX_VALUE + ").");
        }
        long total = count();
        List<T> items = copy().limit(perPage).offset((int) skip).get();
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
        Q ordered = copy();
        // Offset pages are only stable under a total order: the key breaks ties in the caller's order
        // (PostgreSQL may return rows with equal sort values in a different order on every page).
        metadata.keys().forEach(k -> ordered.orderBy(k.name()));
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
            Q page = groupedCopy().orderBy(key.name()).limit(size);
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
     * Hands the matching rows to {@code consumer} {@code size} at a time in key order, each page
     * read after the last key of the one before ({@code WHERE id > ? ORDER BY id LIMIT size}), so
     * that a page deep into a large table costs what the first one does. Works through relations:
     * {@code user.roles().chunkById(500, roles -> ...)} (with each role's pivot row).
     *
     * <pre>{@code
     * entities.get(User.class).query().where("active", true).chunkById(1_000, users -> users.forEach(mailer::send));
     * }</pre>
     *
     * @throws InvalidQueryException for an entity with a composite key, or a query with its own order,
     *     limit or offset (key order is what makes the pages)
     */
    public void chunkById(int size, Consumer<List<T>> consumer) {
        requireKeyPaging("chunkById", size);
        chunkByKey(size, consumer);
    }

    /**
     * The matching rows as a stream that reads them a page of 1,000 at a time: {@link #lazy(int)}.
     *
     * <pre>{@code
     * long adults = entities.get(User.class).query().lazy().filter(u -> u.getAge() >= 18).count();
     * }</pre>
     */
    public Stream<T> lazy() {
        return lazy(1_000);
    }

    /**
     * The matching rows as a stream that reads them {@code pageSize} at a time, each page in one
     * statement (plus one per eager-loaded relation) when the stream reaches it, so memory stays
     * flat. Pages go by key ({@code WHERE id > ?}) when the query has no order, limit or offset of its
     * own and the key is one column; otherwise by offset in the query's order, the key breaking
     * ties. No connection is held between pages: a stream left unfinished need not be closed, and
     * stops reading where it stopped. Rows written while the stream runs may or may not be seen.
     *
     * <pre>{@code
     * try (Stream<Role> roles = user.roles().lazy(200)) {
     *     roles.map(r -> r.pivot().get("assignedBy")).forEach(audit::record);
     * }
     * }</pre>
     */
    public Stream<T> lazy(int pageSize) {
        if (pageSize < 1) {
            throw new InvalidQueryException("lazy on " + metadata.name() + " takes a page size from 1, not " + pageSize + ".");
        }
        Iterator<List<T>> pages = new Pages(pageSize);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages,
                Spliterator.ORDERED | Spliterator.NONNULL), false).flatMap(List::stream);
    }

    private void requireKeyPaging(String method, int size) {
        if (size < 1) {
            throw new InvalidQueryException(method + " on " + metadata.name() + " takes a size from 1, not " + size + ".");
        }
        if (metadata.hasCompositeKey()) {
            throw new InvalidQueryException(method + " on " + metadata.name() + " pages by key, but its key " + metadata.keys()
                    + " has several columns: use chunk, which pages by offset.");
        }
        if (!orders.isEmpty() || limit != null || offset != null) {
            throw new InvalidQueryException(method + " on " + metadata.name() + " pages in key order after the last key"
                    + " read, so the query may not have an order, limit or offset of its own: use chunk for those.");
        }
    }

    /** The pages of {@link #lazy(int)}, each read when asked for. */
    private final class Pages implements Iterator<List<T>> {
        private final int size;
        private final boolean byKey = orders.isEmpty() && !metadata.hasCompositeKey() && limit == null && offset == null;
        private final Q base;
        private Object lastKey;
        private int read;
        private List<T> next;
        private boolean done;

        Pages(int size) {
            this.size = size;
            Q copy = groupedCopy();
            if (byKey) {
                copy.orderBy(metadata.keys().get(0).name());
            } else {
                metadata.keys().forEach(k -> copy.orderBy(k.name()));
            }
            this.base = copy;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                next = fetch();
                done = next.size() < size;
                if (next.isEmpty()) {
                    next = null;
                }
            }
            return next != null;
        }

        @Override
        public List<T> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            List<T> page = next;
            next = null;
            return page;
        }

        private List<T> fetch() {
            Q page = base.copy();
            QueryBuilder<T, Q> builder = page;
            if (byKey) {
                if (lastKey != null) {
                    page.where(metadata.keys().get(0).name(), ">", lastKey);
                }
                page.limit(size);
            } else {
                int start = (offset == null ? 0 : offset) + read;
                int remaining = limit == null ? size : Math.min(size, limit - read);
                if (remaining <= 0) {
                    return List.of();
                }
                builder.limit = remaining;
                builder.offset = start;
            }
            List<T> rows = page.get();
            read += rows.size();
            if (!rows.isEmpty() && byKey) {
                lastKey = metadata.keys().get(0).read(rows.get(rows.size() - 1));
            }
            return rows;
        }
    }

    /** The SELECT this query would run, with {@code ?} for each bound value. */
    public String toSql() {
        return select().sql();
    }

    /** The values this query binds, in order. */
    public List<Object> bindings() {
        return select().values();
    }

    /**
     * A copy whose conditions are one parenthesised group, so that a condition Quarry adds
     * (a key for find, a key bound for chunk) is ANDed with all of them, not just the last OR.
     */
    private Q groupedCopy() {
        Q copy = copy();
        QueryBuilder<T, Q> builder = copy;
        if (builder.clauses.size() > 1) {
            List<Clause> all = List.copyOf(builder.clauses);
            builder.clauses.clear();
            builder.clauses.add(new Clause(false, new Condition.Group(all)));
        }
        return copy;
    }

    /** An independent copy of this query. */
    public Q copy() {
        Q blank = blank();
        QueryBuilder<T, Q> copy = blank;
        copy.clauses.addAll(clauses);
        copy.orders.addAll(orders);
        copy.limit = limit;
        copy.offset = offset;
        copy.eagerLoads.putAll(eagerLoads);
        copy.extraSelects.addAll(extraSelects);
        copy.alias = alias;
        copy.correlatedOuter = correlatedOuter;
        copy.depth = depth;
        return blank;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "<" + metadata.name() + ">: " + toSql();
    }

    // ---- building ---------------------------------------------------------------------------

    private SqlBuilder select() {
        SqlBuilder sql = new SqlBuilder(context.database().dialect());
        PerParent perParent = perParentLimit();
        if (perParent == null) {
            renderSelect(sql);
        } else if (sql.dialect().supportsPartitionedWindows()) {
            renderRanked(sql, perParent);
        } else {
            renderLateral(sql, perParent);
        }
        return sql;
    }

    private void renderSelect(SqlBuilder sql) {
        renderSelectList(sql);
        sql.append(" FROM ");
        renderFrom(sql);
        where(sql);
        renderOrders(sql, orders);
        sql.append(sql.dialect().limitClause(limit, offset));
    }

    private void renderSelectList(SqlBuilder sql) {
        sql.append(distinct() ? "SELECT DISTINCT " : "SELECT ");
        List<Attribute> attributes = metadata.attributes();
        for (int i = 0; i < attributes.size(); i++) {
            sql.append(i == 0 ? "" : ", ").identifier(tableRef() + "." + attributes.get(i).column());
        }
        renderExtraColumns(sql);
        for (Consumer<SqlBuilder> extra : extraSelects) {
            sql.append(", ");
            extra.accept(sql);
        }
    }

    private static void renderOrders(SqlBuilder sql, List<Order> orders) {
        if (!orders.isEmpty()) {
            sql.append(" ORDER BY ");
            renderOrderList(sql, orders);
        }
    }

    private static void renderOrderList(SqlBuilder sql, List<Order> orders) {
        for (int i = 0; i < orders.size(); i++) {
            Order order = orders.get(i);
            sql.append(i == 0 ? "" : ", ").identifier(order.column()).append(order.descending() ? " DESC" : " ASC");
        }
    }

    // ---- per-parent limits of an eager load ---------------------------------------------------

    /** The helper column numbering each parent's rows; {@link #get()} removes it from the entities. */
    private static final String ROW_NUMBER = "quarry_row";
    private static final String RANKED = "quarry_ranked";
    private static final String PARENT_KEYS = "quarry_keys";

    /**
     * How a relation that loads for many parents at once tells its rows apart by parent, so that a
     * limit and offset apply to each parent's rows rather than to all of them together.
     *
     * @param partitionColumns the qualified columns of the rows that hold the parent's key
     * @param keyColumns the parent's key columns, as the relation correlates them to an outer table
     * @param keys the keys of the parents loaded, one list per parent
     * @param types the bind type of each key column
     */
    public record PerParent(List<String> partitionColumns, List<String> keyColumns, List<List<Object>> keys,
                               List<? extends Type> types) {}

    /** For a relation loading for many parents at once: how its rows belong to them; null otherwise. */
    protected PerParent perParent() {
        return null;
    }

    /** The per-parent key set when this query limits each parent's rows, else null (a plain LIMIT). */
    private PerParent perParentLimit() {
        return (limit != null || offset != null) && correlatedOuter == null ? perParent() : null;
    }

    /** The query's order, then the key, so that which rows fall within a limit does not vary between runs. */
    private List<Order> totalOrder() {
        List<Order> total = new ArrayList<>(orders);
        for (Attribute key : metadata.keys()) {
            String column = tableRef() + "." + key.column();
            if (total.stream().noneMatch(o -> o.column().equals(column))) {
                total.add(new Order(column, false));
            }
        }
        return total;
    }

    /**
     * Numbers each parent's rows in the query's order and keeps those within the limit, Laravel's
     * form: {@code SELECT * FROM (SELECT ..., ROW_NUMBER() OVER (PARTITION BY fk ORDER BY ...) AS
     * quarry_row FROM ...) quarry_ranked WHERE quarry_row > offset AND quarry_row <= offset + limit}.
     * A distinct query ranks with DENSE_RANK, which numbers a row reached twice once.
     */
    private void renderRanked(SqlBuilder sql, PerParent perParent) {
        sql.append("SELECT * FROM (");
        renderSelectList(sql);
        sql.append(", ").append(distinct() ? "DENSE_RANK()" : "ROW_NUMBER()").append(" OVER (PARTITION BY ");
        List<String> partition = perParent.partitionColumns();
        for (int i = 0; i < partition.size(); i++) {
            sql.append(i == 0 ? "" : ", ").identifier(partition.get(i));
        }
        sql.append(" ORDER BY ");
        renderOrderList(sql, totalOrder());
        sql.append(") AS ").identifier(ROW_NUMBER).append(" FROM ");
        renderFrom(sql);
        where(sql);
        long skip = offset == null ? 0 : offset;
        sql.append(") ").identifier(RANKED).append(" WHERE ").identifier(ROW_NUMBER).append(" > " + skip);
        if (limit != null) {
            sql.append(" AND ").identifier(ROW_NUMBER).append(" <= " + (skip + limit));
        }
        sql.append(" ORDER BY ").identifier(ROW_NUMBER);
    }

    /**
     * The same for a database without {@code PARTITION BY} in window functions (HSQLDB): the
     * parents' keys as a VALUES table, and for each the relation's query with its own LIMIT and
     * OFFSET, joined LATERAL: {@code SELECT quarry_ranked.* FROM (VALUES (?), ...) AS quarry_keys(id),
     * LATERAL (SELECT ... WHERE fk = quarry_keys.id ORDER BY ... LIMIT n) AS quarry_ranked}.
     */
    private void renderLateral(SqlBuilder sql, PerParent perParent) {
        sql.append("SELECT ").identifier(RANKED).append(".* FROM (VALUES ");
        List<? extends Type> types = perParent.types();
        for (int k = 0; k < perParent.keys().size(); k++) {
            List<Object> key = perParent.keys().get(k);
            sql.append(k == 0 ? "(" : ", (");
            for (int i = 0; i < key.size(); i++) {
                sql.append(i == 0 ? "" : ", ").param(key.get(i), types.get(i));
            }
            sql.append(")");
        }
        sql.append(") AS ").identifier(PARENT_KEYS).append(" (");
        for (int i = 0; i < perParent.keyColumns().size(); i++) {
            sql.append(i == 0 ? "" : ", ").identifier(perParent.keyColumns().get(i));
        }
        sql.append("), LATERAL (");
        QueryBuilder<T, Q> each = copy();
        each.correlatedOuter = PARENT_KEYS;
        List<Order> total = totalOrder();
        each.orders.clear();
        each.orders.addAll(total);
        each.renderSelect(sql);
        sql.append(") AS ").identifier(RANKED);
    }

    /** Removes the row number a ranked per-parent query added to each row's extra columns. */
    private List<T> withoutRowNumbers(List<T> rows) {
        for (T row : rows) {
            EntityState<T> state = EntityAccess.state(row);
            Map<String, Object> extras = state.extras();
            if (extras.containsKey(ROW_NUMBER)) {
                Map<String, Object> own = extras instanceof HashMap<String, Object> mutable ? mutable
                        : new HashMap<>(extras);
                own.remove(ROW_NUMBER);
                state.setExtras(own);
            }
        }
        return rows;
    }

    /** Refuses a statement that binds more values than the database accepts, before it is sent. */
    protected final SqlBuilder checked(SqlBuilder sql) {
        int max = sql.dialect().maxBindParameters();
        if (sql.parameterCount() > max) {
            throw new InvalidQueryException("A query on " + metadata.name() + " binds " + sql.parameterCount()
                    + " values, but " + sql.dialect().name() + " accepts at most " + max
                    + " in one statement: split a long whereIn list into chunks (chunk() or several queries).");
        }
        return sql;
    }

    /** Renders the WHERE clause: the fixed constraints, then the user's conditions as one group. */
    protected final void where(SqlBuilder sql) {
        Constraints constraints = new Constraints();
        constrain(constraints);
        List<Condition> fixed = constraints.conditions();
        if (fixed.isEmpty() && clauses.isEmpty()) {
            return;
        }
        sql.append(" WHERE ");
        for (int i = 0; i < fixed.size(); i++) {
            sql.append(i == 0 ? "" : " AND ");
            fixed.get(i).render(sql);
        }
        if (!clauses.isEmpty()) {
            if (fixed.isEmpty()) {
                Clause.renderAll(clauses, sql);
            } else {
                sql.append(" AND (");
                Clause.renderAll(clauses, sql);
                sql.append(")");
            }
        }
    }

    private Q add(boolean or, String column, String operatorText, Object value) {
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
        return self();
    }

    private Q addIn(boolean or, String column, Collection<?> values, boolean negated) {
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
        return self();
    }

    private Q addGroup(boolean or, Consumer<Query<T>> group) {
        Query<T> nested = new Query<>(context, metadata);
        QueryBuilder<T, Query<T>> nestedBuilder = nested;
        group.accept(nested);
        if (!nestedBuilder.clauses.isEmpty()) {
            clauses.add(new Clause(or, new Condition.Group(List.copyOf(nestedBuilder.clauses))));
        }
        return self();
    }

    /**
     * Constrains to the entity with this key: a value for a single-column key, or a {@code Map} of
     * key attribute to value for a composite key.
     */
    public Q whereKey(Object key) {
        if (key instanceof dev.quarry.entity.Key composite) {
            return whereKey(composite.parts());
        }
        List<Attribute> keys = metadata.keys();
        if (keys.size() == 1 && !(key instanceof Map<?, ?>)) {
            return where(keys.get(0).name(), key == null ? null : key);
        }
        if (!(key instanceof Map<?, ?> parts) || parts.size() != keys.size()) {
            throw new InvalidQueryException(metadata.name() + " has the composite key " + metadata.keys()
                    + ": pass Key.of(...) or a Map with a value for each of them, not " + describeKey(key) + ".");
        }
        for (Attribute attribute : keys) {
            if (!parts.containsKey(attribute.name())) {
                throw new InvalidQueryException("The key of " + metadata.name() + " needs a value for " + attribute.name()
                        + "; the given map has " + parts.keySet() + ".");
            }
            where(attribute.name(), parts.get(attribute.name()));
        }
        return self();
    }

    /**
     * What this query reads, for its errors: the entity, or (a relation overrides it) the parent
     * and the relation, {@code User(12).roles}.
     */
    protected String subject() {
        return metadata.name();
    }

    /** Runs this query's SELECT; its failure says what was being read. */
    private <V> V reading(java.util.function.Supplier<V> select) {
        try {
            return select.get();
        } catch (dev.quarry.sql.StatementFailedException e) {
            throw e.during("reading " + subject());
        }
    }

    private String describe() {
        if (clauses.isEmpty()) {
            return "a query without conditions";
        }
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
        return new Resolved(tableRef() + "." + attribute.column(), attribute, Persister.bindType(attribute));
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
