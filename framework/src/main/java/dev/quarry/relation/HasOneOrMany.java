package dev.quarry.relation;

import dev.quarry.entity.Attribute;
import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.EntityMetadata;
import dev.quarry.internal.EntityAccess;
import dev.quarry.internal.EntityContext;
import dev.quarry.internal.Persister;
import dev.quarry.internal.ValueConverter;
import dev.quarry.query.Constraints;
import dev.quarry.query.QueryBuilder;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What {@link HasMany} and {@link HasOne} share: the related entity holds this entity's key in its
 * foreign key ({@code posts.userId} = {@code users.id}), and saving a related entity through the
 * relation sets that foreign key.
 *
 * @param <P> the parent entity
 * @param <R> the related entity, holding the foreign key
 * @param <Q> the relation's own type
 */
public abstract class HasOneOrMany<P extends BaseEntity<P>, R extends BaseEntity<R>, Q extends HasOneOrMany<P, R, Q>>
        extends Relation<P, R, Q> {
    private List<String> foreignKeys;
    private List<String> localKeys;
    private List<List<Object>> eagerKeys;
    /** Derived once per relation from the declaration (eager loads read them for every parent). */
    private List<Attribute> foreignResolved;
    private List<Attribute> localResolved;

    protected HasOneOrMany(EntityContext context, EntityMetadata<R> related, P parent, String name) {
        super(context, related, parent, name);
    }

    /** Copies the declaration into {@code copy}. */
    protected final Q copyInto(Q copy) {
        HasOneOrMany<P, R, Q> target = copy;
        target.foreignKeys = foreignKeys;
        target.localKeys = localKeys;
        target.eagerKeys = eagerKeys;
        return copy;
    }

    /** The related attribute(s) holding this entity's key, instead of {@code userId}. */
    public Q foreignKey(String... attributes) {
        this.foreignKeys = List.of(attributes);
        this.foreignResolved = null;
        return self();
    }

    /** This entity's attribute(s) stored in the foreign key, instead of its primary key. */
    public Q localKey(String... attributes) {
        this.localKeys = List.of(attributes);
        this.localResolved = null;
        this.foreignResolved = null;
        return self();
    }

    /** The related attributes holding this entity's key. */
    public List<Attribute> foreignAttributes() {
        if (foreignResolved == null) {
            foreignResolved = resolveForeign();
        }
        return foreignResolved;
    }

    private List<Attribute> resolveForeign() {
        if (foreignKeys != null) {
            return KeyPairs.attributes(metadata, foreignKeys, null, parent.mappingName(), name, "foreign key");
        }
        String parentName = parent.metadata().baseName();
        List<String> columns = localAttributes().stream()
                .map(a -> context.registry().naming().foreignKey(parentName, a.column())).toList();
        return KeyPairs.byColumns(metadata, columns, parent.mappingName(), name, "foreign key");
    }

    /** This entity's attributes the foreign key refers to. */
    public List<Attribute> localAttributes() {
        if (localResolved == null) {
            EntityMetadata<P> parentMeta = parent.metadata();
            localResolved = KeyPairs.attributes(parentMeta, localKeys, parentMeta.keys(), parentMeta.name(), name, "local key");
        }
        return localResolved;
    }

    @Override
    Link link() {
        return Link.direct(localAttributes().stream().map(Attribute::column).toList(),
                foreignAttributes().stream().map(Attribute::column).toList());
    }

    // ---- writing ----------------------------------------------------------------------------

    /** Sets the related entity's foreign key to this entity's key and saves it: one INSERT or UPDATE. */
    public R save(R related) {
        requireSavedParent("save a related " + metadata.name());
        if (related == null || !metadata.type().isInstance(related)) {
            throw new InvalidRelatedIdException("save", parent.toString(), name, related,
                    related == null ? "is not an entity" : "is a " + related.getClass().getSimpleName() + ", not a " + metadata.name());
        }
        point(related);
        related.save();
        parentState().forgetRelations();
        return related;
    }

    /** Saves every related entity onto this one, in one transaction. */
    public List<R> saveMany(Collection<R> related) {
        if (related == null) {
            throw new InvalidRelatedIdException("saveMany", parent.toString(), name, null, "is not a collection of entities");
        }
        return context.database().inTransaction(() -> related.stream().map(this::save).toList());
    }

    /** A new related entity filled from {@code attributes}, pointing at this one, and saved. */
    public R create(Map<String, ?> attributes) {
        requireSavedParent("create a related " + metadata.name());
        R made = make(attributes);
        made.save();
        parentState().forgetRelations();
        return made;
    }

    /** Creates one related entity per map, in one transaction. */
    public List<R> createMany(List<? extends Map<String, ?>> attributes) {
        if (attributes == null) {
            throw new InvalidRelatedIdException("createMany", parent.toString(), name, null, "is not a list of attribute maps");
        }
        return context.database().inTransaction(() -> attributes.stream().map(this::create).toList());
    }

    /** A new related entity filled from {@code attributes} and pointing at this one, not saved. */
    public R make(Map<String, ?> attributes) {
        R made = context.newInstance(metadata);
        made.fill(attributes);
        if (parent.isLoaded()) {
            point(made);
        }
        return made;
    }

    // ---- reading support --------------------------------------------------------------------

    @Override
    protected final void constrain(Constraints constraints) {
        List<Attribute> foreign = foreignAttributes();
        KeyPairs.requireSameSize(foreign, localAttributes(), parent.mappingName(), name);
        List<String> columns = foreign.stream().map(a -> tableRef() + "." + a.column()).toList();
        List<Type> types = foreign.stream().map(Persister::bindType).toList();
        if (correlatedOuter() != null) {
            List<Attribute> local = localAttributes();
            for (int i = 0; i < columns.size(); i++) {
                constraints.columnsEqual(columns.get(i), correlatedOuter() + "." + local.get(i).column());
            }
        } else if (eagerKeys == null) {
            requireSavedParent("read " + name);
            List<Object> key = localValues(parent);
            for (int i = 0; i < columns.size(); i++) {
                constraints.compare(columns.get(i), "=", key.get(i), types.get(i));
            }
        } else {
            constraints.anyTuple(columns, eagerKeys, types);
        }
        constrainMore(constraints);
    }

    @Override
    protected final boolean limitsPerParent() {
        return true;
    }

    @Override
    protected final PerParent perParent() {
        if (eagerKeys == null) {
            return null;
        }
        List<Attribute> foreign = foreignAttributes();
        return new PerParent(foreign.stream().map(a -> tableRef() + "." + a.column()).toList(),
                localAttributes().stream().map(Attribute::column).toList(), eagerKeys,
                foreign.stream().map(Persister::bindType).toList());
    }

    /** Further fixed conditions of a subtype (a polymorphic relation's type column). */
    void constrainMore(Constraints constraints) {}

    /** Further attributes a subtype sets on an entity saved through it (a polymorphic relation's type). */
    void pointMore(R related) {}

    /** Loads for every parent at once and groups the rows by the parent they point at. */
    protected final Map<List<Object>, List<R>> eagerLoadGrouped(List<P> parents, Consumer<QueryBuilder<?, ?>> constraint,
                                                              List<R> all) {
        Q query = eagerQuery(constraint);
        Set<List<Object>> keys = new LinkedHashSet<>();
        parents.stream().filter(BaseEntity::isLoaded).forEach(p -> keys.add(localValues(p)));
        List<List<Object>> list = new ArrayList<>(keys);
        List<Attribute> foreign = foreignAttributes();
        Map<List<Object>, List<R>> grouped = new HashMap<>();
        int chunk = Math.max(1, context.database().dialect().keysPerStatement() / foreign.size());
        for (int from = 0; from < list.size(); from += chunk) {
            Q part = query.copy();
            ((HasOneOrMany<P, R, Q>) part).eagerKeys = list.subList(from, Math.min(list.size(), from + chunk));
            for (R row : part.get()) {
                grouped.computeIfAbsent(foreignValues(row), k -> new ArrayList<>()).add(row);
                all.add(row);
            }
        }
        return grouped;
    }

    /** A to-many eager load: each parent's rows (or an empty list) cached on it. */
    protected final List<R> eagerLoadMany(List<P> parents, Consumer<QueryBuilder<?, ?>> constraint) {
        List<R> all = new ArrayList<>();
        Map<List<Object>, List<R>> grouped = eagerLoadGrouped(parents, constraint, all);
        cacheEach(parents, p -> {
            List<R> rows = p.isLoaded() ? grouped.get(localValues(p)) : null;
            return rows == null ? List.of() : List.copyOf(rows);
        });
        return all;
    }

    /** This entity's key as the foreign key holds it. */
    protected final List<Object> localValues(P entity) {
        List<Attribute> local = localAttributes();
        List<Attribute> foreign = foreignAttributes();
        List<Object> values = new ArrayList<>(local.size());
        for (int i = 0; i < local.size(); i++) {
            Object value = local.get(i).read(entity);
            values.add(value == null ? null : ValueConverter.convert(value, foreign.get(i), metadata.name()));
        }
        return values;
    }

    private List<Object> foreignValues(R row) {
        List<Object> values = new ArrayList<>();
        foreignAttributes().forEach(a -> values.add(a.read(row)));
        return values;
    }

    private void point(R related) {
        List<Attribute> foreign = foreignAttributes();
        List<Object> key = localValues(parent);
        for (int i = 0; i < foreign.size(); i++) {
            foreign.get(i).write(related, key.get(i));
        }
        pointMore(related);
    }

    /** Stores each parent's result in its cache. */
    protected final void cacheEach(List<P> parents, java.util.function.Function<P, Object> value) {
        for (P p : parents) {
            EntityAccess.state(p).setRelation(name, value.apply(p));
        }
    }
}
