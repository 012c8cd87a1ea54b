package dev.quarry.entity;

import dev.quarry.event.EntityEvent;
import dev.quarry.event.PivotEvent;
import dev.quarry.event.PreLoadEvent;
import dev.quarry.internal.EntityAccess;
import dev.quarry.internal.EntityContext;
import dev.quarry.internal.EntityState;
import dev.quarry.internal.Persister;
import dev.quarry.internal.ValueConverter;
import dev.quarry.query.Page;
import dev.quarry.query.Query;
import dev.quarry.relation.BelongsTo;
import dev.quarry.relation.BelongsToMany;
import dev.quarry.relation.HasMany;
import dev.quarry.relation.HasManyThrough;
import dev.quarry.relation.HasOneThrough;
import dev.quarry.relation.HasOne;
import dev.quarry.relation.HasOneOrMany;
import dev.quarry.relation.BelongsToManyTable;
import dev.quarry.relation.NoPivotException;
import dev.quarry.relation.Pivot;
import dev.quarry.relation.PolymorphicBelongsTo;
import dev.quarry.relation.PolymorphicHasMany;
import dev.quarry.relation.Relationship;
import dev.quarry.validation.Violation;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The base class of every entity, Quick's {@code BaseEntity} for Java. Attributes are the
 * subclass's fields (with getters and setters the IDE knows); the entity saves, deletes and
 * refreshes itself, tracks what changed, and starts queries of its kind.
 *
 * <pre>{@code
 * @Entity
 * public class User extends BaseEntity<User> {
 *     private Long id;
 *     @NotBlank @Email private String email;
 *     public String getEmail() { return email; }
 *     public User setEmail(String email) { this.email = email; return this; }
 * }
 *
 * User user = entities.get(User.class).setEmail("ada@example.com").save();
 * Optional<User> same = entities.get(User.class).firstWhere("email", "ada@example.com");
 * }</pre>
 *
 * <p>Entities come from the container ({@code entities.get("User")}, {@code entities.get(User.class)}
 * or an injected {@code Provider<User>}), each call a new instance; an entity made with {@code new}
 * cannot reach the database.
 *
 * @param <T> the entity class itself
 */
public abstract class BaseEntity<T extends BaseEntity<T>> {

    static {
        EntityAccess.install(new EntityAccess.Accessor() {
            @Override
            public <E extends BaseEntity<E>> EntityState<E> state(BaseEntity<E> entity) {
                return entity.state();
            }

            @Override
            public <E extends BaseEntity<E>> void attach(BaseEntity<E> entity, EntityState<E> state) {
                entity.quarryState = state;
            }

            @Override
            public void handle(BaseEntity<?> entity, String name, Object event) {
                entity.handleEvent(name, event);
            }
        });
    }

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private transient EntityState<T> quarryState;

    /** Subclasses have a no-argument constructor, or an {@code @Inject} one. */
    protected BaseEntity() {}

    /** Called by Guice when the container makes the entity: ties it to its database and metadata. */
    @Inject
    @SuppressWarnings({"unchecked", "UnusedMethod"}) // called by Guice
    private void attachToQuarry(EntityContext context) {
        EntityMetadata<T> metadata = context.registry().metadata((Class<T>) getClass());
        EntityState<T> state = new EntityState<>(context, metadata);
        this.quarryState = state;
        state.markLoaded(self(), false);
    }

    // ---- metadata ---------------------------------------------------------------------------

    /** What Quarry knows about this entity's class: mapping name, table, key, attributes. */
    public EntityMetadata<T> metadata() {
        return state().metadata();
    }

    /** The mapping name, e.g. {@code User} or {@code User@blog}. */
    public String mappingName() {
        return metadata().name();
    }

    // ---- queries ----------------------------------------------------------------------------

    /** A new query for entities of this kind. */
    public Query<T> query() {
        return new Query<>(state().context(), metadata());
    }

    /** {@code query().with(relations)}: a query that eager loads these relations, as Quick's and Eloquent's {@code with}. */
    public Query<T> with(String... relations) {
        return query().with(relations);
    }

    /** {@link #with(String...)} by the generated metamodel's typed relation paths: {@code with(User_.ROLES)}. */
    @SafeVarargs
    public final Query<T> with(dev.quarry.relation.RelationPath<T, ?>... relations) {
        return query().with(relations);
    }

    /** {@link #where(String, Object)} by a typed attribute name of the generated metamodel: {@code where(User_.EMAIL, email)}. */
    public final <V> Query<T> where(AttributeName<T, V> attribute, V value) {
        return query().where(attribute, value);
    }

    /** {@link #orderBy(String)} by a typed attribute name of the generated metamodel. */
    public final Query<T> orderBy(AttributeName<T, ?> attribute) {
        return query().orderBy(attribute);
    }

    /** {@code query().where(column, value)}. */
    public Query<T> where(String column, Object value) {
        return query().where(column, value);
    }

    /** {@code query().where(column, operator, value)}. */
    public Query<T> where(String column, String operator, Object value) {
        return query().where(column, operator, value);
    }

    /** {@code query().where(group)}. */
    public Query<T> where(Consumer<Query<T>> group) {
        return query().where(group);
    }

    /** {@code query().whereIn(column, values)}. */
    public Query<T> whereIn(String column, Collection<?> values) {
        return query().whereIn(column, values);
    }

    /** {@code query().whereNull(column)}. */
    public Query<T> whereNull(String column) {
        return query().whereNull(column);
    }

    /** {@code query().orderBy(column)}. */
    public Query<T> orderBy(String column) {
        return query().orderBy(column);
    }

    /** {@code query().orderBy(column, direction)}. */
    public Query<T> orderBy(String column, String direction) {
        return query().orderBy(column, direction);
    }

    /** {@code query().scope(name, arguments)}. */
    public Query<T> scope(String name, Object... arguments) {
        return query().scope(name, arguments);
    }

    /** The entity with this key, if it exists. */
    public Optional<T> find(Object key) {
        state().context().events().preLoadOn(this, key);
        return query().find(key);
    }

    /** The entity with this key; throws {@link EntityNotFoundException} naming the entity and key. */
    public T findOrFail(Object key) {
        state().context().events().preLoadOn(this, key);
        return query().findOrFail(key);
    }

    /** The first row of the table, if any. */
    public Optional<T> first() {
        return query().first();
    }

    /** The first row of the table; throws {@link EntityNotFoundException} if the table is empty. */
    public T firstOrFail() {
        return query().firstOrFail();
    }

    /** The first entity whose {@code column} equals {@code value}. */
    public Optional<T> firstWhere(String column, Object value) {
        return query().where(column, value).first();
    }

    /** The first entity matching {@code column operator value}. */
    public Optional<T> firstWhere(String column, String operator, Object value) {
        return query().where(column, operator, value).first();
    }

    /** Every entity of this kind. */
    public List<T> all() {
        return query().get();
    }

    /** How many entities of this kind exist. */
    public long count() {
        return query().count();
    }

    /** True if any entity of this kind exists. */
    public boolean exists() {
        return query().exists();
    }

    /** {@code query().paginate(page, perPage)}. */
    public Page<T> paginate(int page, int perPage) {
        return query().paginate(page, perPage);
    }

    /** {@code query().chunk(size, consumer)}. */
    public void chunk(int size, Consumer<List<T>> consumer) {
        query().chunk(size, consumer);
    }

    // ---- relations --------------------------------------------------------------------------

    /**
     * A many-to-many relation to {@code related} through a pivot table, by Quick's conventions:
     * pivot {@code permissions_users}, keys {@code userId} and {@code permissionId}. Declare it in a
     * no-argument method; the method's name is the relation's name.
     *
     * <pre>{@code
     * public BelongsToMany<User, Permission> permissions() {
     *     return belongsToMany(Permission.class);
     * }
     * }</pre>
     */
    protected final <R extends BaseEntity<R>> BelongsToMany<T, R> belongsToMany(Class<R> related) {
        return newBelongsToMany(state().context().registry().metadata(related));
    }

    /** A many-to-many relation to the entity mapped as {@code related} ({@code "Permission"}, {@code "Permission@auth"}). */
    protected final <R extends BaseEntity<R>> BelongsToMany<T, R> belongsToMany(String related) {
        return newBelongsToMany(state().context().registry().<R>metadata(related));
    }

    /** {@link #belongsToMany(String)} with the pivot table named; {@code null} keeps the convention. */
    protected final <R extends BaseEntity<R>> BelongsToMany<T, R> belongsToMany(String related, String table) {
        return belongsToMany(related, table, null, null, null, null);
    }

    /** ... with the pivot table and its two key columns; each {@code null} keeps the convention. */
    protected final <R extends BaseEntity<R>> BelongsToMany<T, R> belongsToMany(String related, String table,
            String foreignPivotKey, String relatedPivotKey) {
        return belongsToMany(related, table, foreignPivotKey, relatedPivotKey, null, null);
    }

    /**
     * Quick's full form: related entity, pivot table, foreign pivot key, related pivot key, parent
     * key, related key; each {@code null} keeps the convention. For composite keys use the fluent
     * methods: {@code belongsToMany(Team.class).foreignPivotKey("orgId", "userId")}.
     */
    protected final <R extends BaseEntity<R>> BelongsToMany<T, R> belongsToMany(String related, String table,
            String foreignPivotKey, String relatedPivotKey, String parentKey, String relatedKey) {
        BelongsToMany<T, R> relation = belongsToMany(related);
        if (table != null) {
            relation.table(table);
        }
        if (foreignPivotKey != null) {
            relation.foreignPivotKey(foreignPivotKey);
        }
        if (relatedPivotKey != null) {
            relation.relatedPivotKey(relatedPivotKey);
        }
        if (parentKey != null) {
            relation.parentKey(parentKey);
        }
        if (relatedKey != null) {
            relation.relatedKey(relatedKey);
        }
        return relation;
    }

    /**
     * This entity belongs to one {@code related} entity: it holds its key in a foreign key named by
     * convention ({@code userId} for a {@code User}), Quick's {@code belongsTo}.
     *
     * <pre>{@code
     * public BelongsTo<Post, User> author() {
     *     return belongsTo(User.class);
     * }
     * }</pre>
     */
    protected final <R extends BaseEntity<R>> BelongsTo<T, R> belongsTo(Class<R> related) {
        return new BelongsTo<>(state().context(), state().context().registry().metadata(related), self(), callingRelationName());
    }

    /** {@link #belongsTo(Class)} by mapping name ({@code "User"}, {@code "User@blog"}). */
    protected final <R extends BaseEntity<R>> BelongsTo<T, R> belongsTo(String related) {
        return new BelongsTo<>(state().context(), state().context().registry().<R>metadata(related), self(), callingRelationName());
    }

    /** Quick's form: related, foreign key (on this entity), owner key (on the related one); null keeps the convention. */
    protected final <R extends BaseEntity<R>> BelongsTo<T, R> belongsTo(String related, String foreignKey, String ownerKey) {
        BelongsTo<T, R> relation = new BelongsTo<>(state().context(), state().context().registry().<R>metadata(related), self(),
                callingRelationName());
        if (foreignKey != null) {
            relation.foreignKey(foreignKey);
        }
        if (ownerKey != null) {
            relation.ownerKey(ownerKey);
        }
        return relation;
    }

    /**
     * This entity has many {@code related} entities, each holding its key in a foreign key named by
     * convention ({@code userId} on posts for a {@code User}), Quick's {@code hasMany}.
     *
     * <pre>{@code
     * public HasMany<User, Post> posts() {
     *     return hasMany(Post.class);
     * }
     * }</pre>
     */
    protected final <R extends BaseEntity<R>> HasMany<T, R> hasMany(Class<R> related) {
        return new HasMany<>(state().context(), state().context().registry().metadata(related), self(), callingRelationName());
    }

    /** {@link #hasMany(Class)} by mapping name. */
    protected final <R extends BaseEntity<R>> HasMany<T, R> hasMany(String related) {
        return new HasMany<>(state().context(), state().context().registry().<R>metadata(related), self(), callingRelationName());
    }

    /** Quick's form: related, foreign key (on the related entity), local key (on this one); null keeps the convention. */
    protected final <R extends BaseEntity<R>> HasMany<T, R> hasMany(String related, String foreignKey, String localKey) {
        HasMany<T, R> relation = hasMany(related);
        return foreignKey == null && localKey == null ? relation : keys(relation, foreignKey, localKey);
    }

    /** This entity has one {@code related} entity holding its key, Quick's {@code hasOne}. */
    protected final <R extends BaseEntity<R>> HasOne<T, R> hasOne(Class<R> related) {
        return new HasOne<>(state().context(), state().context().registry().metadata(related), self(), callingRelationName());
    }

    /** {@link #hasOne(Class)} by mapping name. */
    protected final <R extends BaseEntity<R>> HasOne<T, R> hasOne(String related) {
        return new HasOne<>(state().context(), state().context().registry().<R>metadata(related), self(), callingRelationName());
    }

    /** Quick's form: related, foreign key (on the related entity), local key (on this one); null keeps the convention. */
    protected final <R extends BaseEntity<R>> HasOne<T, R> hasOne(String related, String foreignKey, String localKey) {
        HasOne<T, R> relation = hasOne(related);
        return foreignKey == null && localKey == null ? relation : keys(relation, foreignKey, localKey);
    }

    /**
     * The entities at the end of a chain of this entity's relations, Quick's {@code hasManyThrough}:
     * {@code hasManyThrough("roles", "permissions")} follows {@code roles()} then each role's
     * {@code permissions()}. Read-only; one statement.
     */
    @SuppressWarnings("TypeParameterUnusedInFormals") // R is the chain's end, known only at run time, as in get(String)
    protected final <R extends BaseEntity<R>> HasManyThrough<T, R> hasManyThrough(String... relations) {
        return HasManyThrough.of(state().context(), self(), callingRelationName(), java.util.List.of(relations));
    }

    /**
     * Related entities that can belong to several kinds of entity, Quick's {@code polymorphicHasMany}:
     * {@code polymorphicHasMany(Comment.class, "commentable")} reads comments whose
     * {@code commentable_type} is this entity's mapping name and {@code commentable_id} its key.
     */
    protected final <R extends BaseEntity<R>> PolymorphicHasMany<T, R> polymorphicHasMany(Class<R> related, String name) {
        return new PolymorphicHasMany<>(state().context(), state().context().registry().metadata(related), self(),
                callingRelationName(), name);
    }

    /** {@link #polymorphicHasMany(Class, String)} by mapping name. */
    protected final <R extends BaseEntity<R>> PolymorphicHasMany<T, R> polymorphicHasMany(String related, String name) {
        return new PolymorphicHasMany<>(state().context(), state().context().registry().<R>metadata(related), self(),
                callingRelationName(), name);
    }

    /**
     * The parent of a polymorphic relation, Quick's {@code polymorphicBelongsTo}: this entity holds its
     * mapping name in {@code <name>_type} and its key in {@code <name>_id}.
     */
    protected final PolymorphicBelongsTo<T> polymorphicBelongsTo(String name) {
        return new PolymorphicBelongsTo<>(state().context(), self(), callingRelationName(), name);
    }

    /** The one entity at the end of a chain of this entity's relations, Eloquent's {@code hasOneThrough}. */
    @SuppressWarnings("TypeParameterUnusedInFormals") // R is the chain's end, known only at run time
    protected final <R extends BaseEntity<R>> HasOneThrough<T, R> hasOneThrough(String... relations) {
        return HasOneThrough.of(state().context(), self(), callingRelationName(), java.util.List.of(relations));
    }

    private static <Q extends HasOneOrMany<?, ?, Q>> Q keys(Q relation, String foreignKey, String localKey) {
        if (foreignKey != null) {
            relation.foreignKey(foreignKey);
        }
        if (localKey != null) {
            relation.localKey(localKey);
        }
        return relation;
    }

    /**
     * A many-to-many relation to a table that has no entity (Mongoloquent's form): it reads plain
     * rows as maps. Pivot table and keys follow the same conventions ({@code roles_users},
     * {@code userId}, {@code roleId}); the related key is {@code id}.
     *
     * <pre>{@code
     * public BelongsToManyTable<User> roleRows() {
     *     return belongsToManyTable("roles");
     * }
     * }</pre>
     */
    protected final BelongsToManyTable<T> belongsToManyTable(String relatedTable) {
        return new BelongsToManyTable<>(state().context(), self(), callingRelationName(), relatedTable);
    }

    /** {@link #belongsToManyTable(String)} with the pivot table and its two key columns (Mongoloquent's order); null keeps the convention. */
    protected final BelongsToManyTable<T> belongsToManyTable(String relatedTable, String table, String foreignPivotKey,
                                                             String relatedPivotKey) {
        BelongsToManyTable<T> relation = new BelongsToManyTable<>(state().context(), self(), callingRelationName(), relatedTable);
        if (table != null) {
            relation.table(table);
        }
        if (foreignPivotKey != null) {
            relation.foreignPivotKey(foreignPivotKey);
        }
        if (relatedPivotKey != null) {
            relation.relatedPivotKey(relatedPivotKey);
        }
        return relation;
    }

    /**
     * The pivot row this entity was read with through a many-to-many relation.
     *
     * @throws NoPivotException if it was not read through one
     */
    public Pivot pivot() {
        Object pivot = state().pivot();
        if (pivot == null) {
            throw new NoPivotException(toString());
        }
        return (Pivot) pivot;
    }

    /**
     * The pivot row by the name the relation gave it ({@code as("membership")}); {@code "pivot"}
     * when it gave none.
     *
     * @throws NoPivotException if this entity was not read through a many-to-many relation, or its
     *     pivot goes by another name
     */
    public Pivot pivot(String alias) {
        Pivot pivot = pivot();
        if (!pivot.alias().equals(alias)) {
            throw new NoPivotException(this + " was read with its pivot row named \"" + pivot.alias() + "\", not "
                    + dev.quarry.sql.Identifiers.printable(alias) + ".", "Ask for pivot(\"" + pivot.alias() + "\").");
        }
        return pivot;
    }

    /**
     * The pivot row as the typed pivot entity of the relation this entity was read through.
     *
     * <pre>{@code
     * for (Role role : user.roles().get()) {
     *     RoleUser membership = role.pivot(RoleUser.class);
     * }
     * }</pre>
     */
    public <E extends BaseEntity<E>> E pivot(Class<E> type) {
        return pivot().as(type);
    }

    /**
     * The count of a relation read with {@code withCount("posts")} (or its alias,
     * {@code withCount("posts as drafts")} -> {@code relationCount("drafts")}).
     *
     * @throws dev.quarry.relation.UnknownRelationException if the query did not count it
     */
    public long relationCount(String relationOrAlias) {
        java.util.Map<String, Object> extras = state().extras();
        Object count = extras.get(relationOrAlias);
        if (count == null) {
            count = extras.get(state().context().registry().naming().countAlias(relationOrAlias));
        }
        if (!(count instanceof Number number)) {
            throw new dev.quarry.relation.UnknownRelationException(mappingName(), relationOrAlias + " (as a count)",
                    java.util.List.of(), extras.keySet().stream().sorted().toList());
        }
        return number.longValue();
    }

    /** True if the relation's results are loaded (eagerly, or by an earlier access) and cached on this entity. */
    public boolean isRelationLoaded(String relation) {
        return state().hasRelation(relation);
    }

    private <R extends BaseEntity<R>> BelongsToMany<T, R> newBelongsToMany(EntityMetadata<R> related) {
        return new BelongsToMany<>(state().context(), related, self(), callingRelationName());
    }

    /**
     * The relation's name is the entity method that declares it, as Quick finds it from the stack:
     * the outermost of the relation methods on top of this call, so that {@code rootRoles()}, which
     * returns {@code allRoles().wherePivot(...)}, is named {@code rootRoles}.
     */
    private String callingRelationName() {
        return WALKER.walk(frames -> {
            String name = null;
            for (java.util.Iterator<StackWalker.StackFrame> it = frames.iterator(); it.hasNext(); ) {
                StackWalker.StackFrame frame = it.next();
                if (frame.getDeclaringClass() == BaseEntity.class) {
                    if (name != null) {
                        break;
                    }
                    continue;
                }
                boolean relationMethod = BaseEntity.class.isAssignableFrom(frame.getDeclaringClass())
                        && frame.getMethodType().parameterCount() == 0
                        && Relationship.class.isAssignableFrom(frame.getMethodType().returnType());
                if (!relationMethod) {
                    return name != null ? name : frame.getMethodName();
                }
                name = frame.getMethodName();
            }
            return name == null ? "relation" : name;
        });
    }

    // ---- creating ---------------------------------------------------------------------------

    /** A new entity of this kind filled from {@code attributes} and saved: one INSERT. */
    public T create(Map<String, ?> attributes) {
        T entity = state().context().newInstance(metadata());
        return entity.fill(attributes).save();
    }

    /**
     * Inserts each row, or updates the {@code update} attributes of the row that already has its
     * {@code uniqueBy} values; one batched statement. See {@link Query#upsert(List, List, List)}.
     *
     * <pre>{@code
     * entities.get(Country.class).upsert(List.of(Map.of("code", "NL", "name", "Netherlands")),
     *         List.of("code"), List.of("name"));
     * }</pre>
     */
    public int upsert(List<? extends Map<String, ?>> rows, List<String> uniqueBy, List<String> update) {
        return query().upsert(rows, uniqueBy, update);
    }

    /** {@link #upsert(List, List, List)} updating every attribute of the rows that is not in {@code uniqueBy}. */
    public int upsert(List<? extends Map<String, ?>> rows, List<String> uniqueBy) {
        return query().upsert(rows, uniqueBy);
    }

    /** The first entity matching {@code attributes}, or a new one created from them. */
    public T firstOrCreate(Map<String, ?> attributes) {
        return firstOrCreate(attributes, Map.of());
    }

    /** The first entity matching {@code attributes}, or a new one created from them plus {@code values}; one transaction. */
    public T firstOrCreate(Map<String, ?> attributes, Map<String, ?> values) {
        return state().context().database().inTransaction(() ->
                matching(attributes).first().orElseGet(() -> create(merge(attributes, values))));
    }

    /** Updates the first entity matching {@code attributes} with {@code values}, or creates one from both; one transaction. */
    public T updateOrCreate(Map<String, ?> attributes, Map<String, ?> values) {
        return state().context().database().inTransaction(() -> matching(attributes).first()
                .map(found -> found.update(values))
                .orElseGet(() -> create(merge(attributes, values))));
    }

    // ---- this entity ------------------------------------------------------------------------

    /**
     * Validates and writes this entity: an INSERT the first time, then an UPDATE of only the changed
     * columns, or nothing at all if nothing changed.
     *
     * @throws dev.quarry.validation.EntityValidationException with every violation; nothing is written
     */
    public T save() {
        Persister.save(self());
        return self();
    }

    /** {@link #fill} then {@link #save}. */
    public T update(Map<String, ?> attributes) {
        return fill(attributes).save();
    }

    /** Deletes this entity's row; returns false if it was already gone. */
    public boolean delete() {
        return Persister.delete(self());
    }

    /** Re-reads this entity's row into it, discarding unsaved changes and forgetting loaded relations. */
    public T refresh() {
        Persister.refresh(self());
        state().forgetRelations();
        return self();
    }

    /** A new instance read from this entity's row, or empty if the row is gone. This instance is unchanged. */
    public Optional<T> fresh() {
        if (!isLoaded()) {
            throw new UnsavedEntityException(mappingName(), "read a fresh copy");
        }
        return query().find(Persister.originalKey(self()));
    }

    /**
     * Sets attributes from a map, converting values to the attributes' types ({@code "42"} to an
     * {@code Integer}). Refuses, before changing anything, a name that is not an attribute, a
     * guarded attribute, or a value that cannot be converted.
     */
    public T fill(Map<String, ?> attributes) {
        EntityMetadata<T> metadata = metadata();
        Map<Attribute, Object> converted = new LinkedHashMap<>();
        attributes.forEach((name, value) -> {
            Attribute attribute = metadata.attribute(name);
            if (attribute.isGuarded()) {
                throw new GuardedAttributeException(metadata.name(), name);
            }
            converted.put(attribute, ValueConverter.convert(value, attribute, metadata.name()));
        });
        converted.forEach((attribute, value) -> attribute.write(this, value));
        return self();
    }

    /** The value of an attribute, by name. */
    public Object getAttribute(String name) {
        return metadata().attribute(name).read(this);
    }

    /** Sets an attribute by name, converting the value to its type (guarded attributes included). */
    public T setAttribute(String name, Object value) {
        Attribute attribute = metadata().attribute(name);
        attribute.write(this, ValueConverter.convert(value, attribute, metadata().name()));
        return self();
    }

    /** Every attribute's value, by name, in declaration order. */
    public Map<String, Object> toMap() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Attribute attribute : metadata().attributes()) {
            values.put(attribute.name(), attribute.read(this));
        }
        return values;
    }

    /** The key's value; for a composite key, a map of key attribute to value. */
    public Object keyValue() {
        List<Attribute> keys = metadata().keys();
        if (keys.size() == 1) {
            return keys.get(0).read(this);
        }
        Map<String, Object> key = new LinkedHashMap<>();
        keys.forEach(k -> key.put(k.name(), k.read(this)));
        return key;
    }

    /** True once this entity's row exists: it was read from the database or saved. */
    public boolean isLoaded() {
        return state().isLoaded();
    }

    /** True if any attribute changed since the entity was read or saved. */
    public boolean isDirty() {
        return state().isDirty(self());
    }

    /** True if the named attribute changed since the entity was read or saved. */
    public boolean isDirty(String attribute) {
        return state().isDirty(self(), metadata().attribute(attribute));
    }

    /** The changed attributes and their new values. */
    public Map<String, Object> dirtyAttributes() {
        Map<String, Object> dirty = new LinkedHashMap<>();
        state().dirty(self()).forEach((attribute, value) -> dirty.put(attribute.name(), value));
        return dirty;
    }

    /** The value an attribute had when the entity was last read or saved. */
    public Object originalValue(String attribute) {
        return state().original(metadata().attribute(attribute));
    }

    /** Every violation of the entity's constraints, without saving. */
    public List<Violation> validate() {
        return state().context().validator().validate(this);
    }

    @Override
    public String toString() {
        EntityState<T> state = quarryState;
        if (state == null) {
            return getClass().getSimpleName() + "(detached)";
        }
        return state.metadata().name() + "(" + (isLoaded() ? keyValue() : "new") + ")";
    }

    // ---- events: override the ones you need (see dev.quarry.event) ----------------------------

    /** Before this entity's kind is read by key, on the instance {@code find} was called on. */
    protected void preLoad(PreLoadEvent event) {}

    /** After this entity was read from a row. */
    protected void postLoad(EntityEvent<T> event) {}

    /** Before this entity's INSERT: change attributes here, or {@link EntityEvent#veto veto} the write. */
    protected void preInsert(EntityEvent<T> event) {}

    /** After this entity's INSERT (the generated key is set). */
    protected void postInsert(EntityEvent<T> event) {}

    /**
     * Before an UPDATE, with each changed attribute's old and new value in {@link EntityEvent#changes()}.
     *
     * <pre>{@code
     * @Override
     * protected void preUpdate(EntityEvent<User> event) {
     *     if (event.changes().containsKey("email")) {
     *         setEmailVerified(false);   // written by the same UPDATE
     *     }
     * }
     * }</pre>
     */
    protected void preUpdate(EntityEvent<T> event) {}

    /** After an UPDATE, with the changed attributes. */
    protected void postUpdate(EntityEvent<T> event) {}

    /** Before an INSERT or UPDATE (before {@code preInsert}/{@code preUpdate}). */
    protected void preSave(EntityEvent<T> event) {}

    /** After an INSERT or UPDATE. */
    protected void postSave(EntityEvent<T> event) {}

    /** Before this entity's DELETE. */
    protected void preDelete(EntityEvent<T> event) {}

    /** After this entity's DELETE. */
    protected void postDelete(EntityEvent<T> event) {}

    /** Before a pivot operation on one of this entity's relations writes; may veto (see {@link PivotEvent}). */
    protected void prePivotChange(PivotEvent event) {}

    /** After a pivot operation on one of this entity's relations committed. */
    protected void postPivotChange(PivotEvent event) {}

    @SuppressWarnings("unchecked")
    private void handleEvent(String name, Object event) {
        switch (name) {
            case "preLoad" -> preLoad((PreLoadEvent) event);
            case "postLoad" -> postLoad((EntityEvent<T>) event);
            case "preInsert" -> preInsert((EntityEvent<T>) event);
            case "postInsert" -> postInsert((EntityEvent<T>) event);
            case "preUpdate" -> preUpdate((EntityEvent<T>) event);
            case "postUpdate" -> postUpdate((EntityEvent<T>) event);
            case "preSave" -> preSave((EntityEvent<T>) event);
            case "postSave" -> postSave((EntityEvent<T>) event);
            case "preDelete" -> preDelete((EntityEvent<T>) event);
            case "postDelete" -> postDelete((EntityEvent<T>) event);
            case "prePivotChange" -> prePivotChange((PivotEvent) event);
            case "postPivotChange" -> postPivotChange((PivotEvent) event);
            default -> throw new AssertionError("Quarry fires no event named " + name); // Events knows every name
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private Query<T> matching(Map<String, ?> attributes) {
        Query<T> query = query();
        attributes.forEach(query::where);
        return query;
    }

    private static Map<String, Object> merge(Map<String, ?> first, Map<String, ?> second) {
        Map<String, Object> merged = new LinkedHashMap<>(first);
        merged.putAll(second);
        return merged;
    }

    private EntityState<T> state() {
        EntityState<T> state = quarryState;
        if (state == null) {
            throw new DetachedEntityException(getClass());
        }
        return state;
    }

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }
}
