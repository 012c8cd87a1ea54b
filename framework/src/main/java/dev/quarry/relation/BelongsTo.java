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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The inverse of a one-to-many or one-to-one relation, Quick's {@code belongsTo}: this entity holds
 * the foreign key ({@code post.userId}) of the related one ({@code users.id}).
 *
 * <pre>{@code
 * public BelongsTo<Post, User> author() {
 *     return belongsTo(User.class);            // foreign key userId on posts, owner key users.id
 * }
 *
 * User author = post.author().getResults();    // loaded once, cached on the post
 * post.author().associate(grace);               // sets post.userId; save() writes it
 * post.save();
 * }</pre>
 *
 * @param <P> the entity holding the foreign key
 * @param <R> the related (owner) entity
 */
public final class BelongsTo<P extends BaseEntity<P>, R extends BaseEntity<R>> extends Relation<P, R, BelongsTo<P, R>> {
    private List<String> foreignKeys;
    private List<String> ownerKeys;
    private Consumer<R> defaultValue;
    private List<List<Object>> eagerKeys;
    /** Derived once per relation from the declaration (eager loads read them for every parent). */
    private List<Attribute> foreignResolved;
    private List<Attribute> ownerResolved;

    /** Made by {@code BaseEntity.belongsTo(...)}. */
    public BelongsTo(EntityContext context, EntityMetadata<R> related, P parent, String name) {
        super(context, related, parent, name);
    }

    @Override
    protected BelongsTo<P, R> self() {
        return this;
    }

    @Override
    protected BelongsTo<P, R> blank() {
        BelongsTo<P, R> copy = new BelongsTo<>(context, metadata, parent, name);
        copy.foreignKeys = foreignKeys;
        copy.ownerKeys = ownerKeys;
        copy.defaultValue = defaultValue;
        copy.eagerKeys = eagerKeys;
        return copy;
    }

    // ---- declaration ------------------------------------------------------------------------

    /** The attribute(s) of this entity holding the related key, instead of {@code userId}. */
    public BelongsTo<P, R> foreignKey(String... attributes) {
        this.foreignKeys = List.of(attributes);
        this.foreignResolved = null;
        return this;
    }

    /** The related attribute(s) the foreign key refers to, instead of its primary key. */
    public BelongsTo<P, R> ownerKey(String... attributes) {
        this.ownerKeys = List.of(attributes);
        this.ownerResolved = null;
        this.foreignResolved = null;
        return this;
    }

    /** With no related row, {@code getResults()} returns a new, unsaved related entity instead of null. */
    public BelongsTo<P, R> withDefault() {
        return withDefault(entity -> { });
    }

    /** With no related row, a new unsaved related entity filled from {@code attributes}. */
    public BelongsTo<P, R> withDefault(Map<String, ?> attributes) {
        Map<String, ?> copy = Map.copyOf(attributes);
        return withDefault(entity -> entity.fill(copy));
    }

    /** With no related row, a new unsaved related entity set up by {@code initializer}. */
    public BelongsTo<P, R> withDefault(Consumer<R> initializer) {
        this.defaultValue = initializer;
        return this;
    }

    // ---- reading ----------------------------------------------------------------------------

    /**
     * The related entity, loaded once and cached on this entity; null (or the default) when the
     * foreign key is null or no row matches. No statement runs for a null foreign key.
     */
    @Override
    public R getResults() {
        return cached(() -> {
            if (foreignKeyValues(parent).contains(null)) {
                return orDefault(null);
            }
            return orDefault(first().orElse(null));
        });
    }

    @Override
    public List<R> eagerLoad(List<P> parents, Consumer<QueryBuilder<?, ?>> constraint) {
        BelongsTo<P, R> query = eagerQuery(constraint);
        Set<List<Object>> keys = new LinkedHashSet<>();
        for (P p : parents) {
            List<Object> key = foreignKeyValues(p);
            if (!key.contains(null)) {
                keys.add(key);
            }
        }
        Map<List<Object>, R> byOwnerKey = new HashMap<>();
        List<R> all = new ArrayList<>();
        List<List<Object>> list = new ArrayList<>(keys);
        int chunk = Math.max(1, context.database().dialect().keysPerStatement() / ownerAttributes().size());
        for (int from = 0; from < list.size(); from += chunk) {
            BelongsTo<P, R> part = query.copy();
            part.eagerKeys = list.subList(from, Math.min(list.size(), from + chunk));
            for (R row : part.get()) {
                byOwnerKey.put(values(row, ownerAttributes()), row);
                all.add(row);
            }
        }
        for (P p : parents) {
            R related = byOwnerKey.get(foreignKeyValues(p));
            EntityAccess.state(p).setRelation(name, orDefault(related));
        }
        return all;
    }

    @Override
    protected void constrain(Constraints constraints) {
        List<Attribute> owner = ownerAttributes();
        List<String> columns = owner.stream().map(a -> tableRef() + "." + a.column()).toList();
        List<Type> types = owner.stream().map(Persister::bindType).toList();
        if (correlatedOuter() != null) {
            List<Attribute> foreign = foreignAttributes();
            for (int i = 0; i < columns.size(); i++) {
                constraints.columnsEqual(columns.get(i), correlatedOuter() + "." + foreign.get(i).column());
            }
        } else if (eagerKeys == null) {
            List<Object> key = foreignKeyValues(parent);
            for (int i = 0; i < columns.size(); i++) {
                if (key.get(i) == null) {
                    constraints.isNull(columns.get(i), false); // matches nothing: a key column is never null
                } else {
                    constraints.compare(columns.get(i), "=", key.get(i), types.get(i));
                }
            }
        } else {
            constraints.anyTuple(columns, eagerKeys, types);
        }
    }

    // ---- writing ----------------------------------------------------------------------------

    /**
     * Points this entity at {@code entityOrId}: sets its foreign key to the related entity's key (or
     * to the id given) and caches the entity. Nothing is written until this entity is saved.
     */
    public P associate(Object entityOrId) {
        List<Attribute> foreign = foreignAttributes();
        List<Attribute> owner = ownerAttributes();
        if (entityOrId == null) {
            throw new InvalidRelatedIdException("associate", parent.toString(), name, null,
                    "is not an entity or id: use dissociate() to clear the relation");
        }
        if (entityOrId instanceof BaseEntity<?> entity) {
            if (!metadata.type().isInstance(entity)) {
                throw new InvalidRelatedIdException("associate", parent.toString(), name, entity,
                        "is a " + entity.getClass().getSimpleName() + ", not a " + metadata.name());
            }
            List<Object> key = values(entity, owner);
            if (key.contains(null)) {
                throw new InvalidRelatedIdException("associate", parent.toString(), name, entity,
                        "has no key yet: save() it first");
            }
            for (int i = 0; i < foreign.size(); i++) {
                foreign.get(i).write(parent, ValueConverter.convert(key.get(i), foreign.get(i), parent.mappingName()));
            }
            parentState().setRelation(name, entity);
            return parent;
        }
        if (foreign.size() != 1) {
            throw new InvalidRelatedIdException("associate", parent.toString(), name, entityOrId,
                    "is a single value, but the foreign key has " + foreign.size() + " columns: pass the entity");
        }
        Object id;
        try {
            id = ValueConverter.convert(entityOrId, foreign.get(0), parent.mappingName());
        } catch (dev.quarry.entity.InvalidValueException e) {
            throw new InvalidRelatedIdException("associate", parent.toString(), name, entityOrId,
                    "cannot be converted to the " + foreign.get(0).type().getSimpleName() + " foreign key " + foreign.get(0).name());
        }
        foreign.get(0).write(parent, id);
        parentState().forgetRelation(name);
        return parent;
    }

    /** Clears this entity's foreign key (and the cached entity). Nothing is written until it is saved. */
    public P dissociate() {
        for (Attribute attribute : foreignAttributes()) {
            if (attribute.isPrimitive()) {
                throw new InvalidRelatedIdException("dissociate", parent.toString(), name, null,
                        "cannot clear the primitive foreign key " + attribute.name() + ": declare it as " + attribute.type().getSimpleName());
            }
            attribute.write(parent, null);
        }
        parentState().setRelation(name, orDefault(null));
        return parent;
    }

    @Override
    Link link() {
        return Link.direct(foreignAttributes().stream().map(Attribute::column).toList(),
                ownerAttributes().stream().map(Attribute::column).toList());
    }

    // ---- keys -------------------------------------------------------------------------------

    /** The attributes of this entity that hold the foreign key. */
    public List<Attribute> foreignAttributes() {
        if (foreignResolved == null) {
            foreignResolved = resolveForeign();
        }
        return foreignResolved;
    }

    private List<Attribute> resolveForeign() {
        EntityMetadata<P> parentMeta = parent.metadata();
        if (foreignKeys != null) {
            return KeyPairs.attributes(parentMeta, foreignKeys, null, parentMeta.name(), name, "foreign key");
        }
        List<String> columns = ownerAttributes().stream()
                .map(a -> context.registry().naming().foreignKey(metadata.baseName(), a.column())).toList();
        return KeyPairs.byColumns(parentMeta, columns, parentMeta.name(), name, "foreign key");
    }

    /** The related attributes the foreign key refers to. */
    public List<Attribute> ownerAttributes() {
        if (ownerResolved == null) {
            ownerResolved = KeyPairs.attributes(metadata, ownerKeys, metadata.keys(), parent.mappingName(), name, "owner key");
        }
        return ownerResolved;
    }

    private List<Object> foreignKeyValues(P entity) {
        List<Attribute> foreign = foreignAttributes();
        KeyPairs.requireSameSize(foreign, ownerAttributes(), parent.mappingName(), name);
        List<Object> values = new ArrayList<>(foreign.size());
        List<Attribute> owner = ownerAttributes();
        for (int i = 0; i < foreign.size(); i++) {
            Object value = foreign.get(i).read(entity);
            values.add(value == null ? null : ValueConverter.convert(value, owner.get(i), metadata.name()));
        }
        return values;
    }

    private static List<Object> values(BaseEntity<?> entity, List<Attribute> attributes) {
        List<Object> values = new ArrayList<>(attributes.size());
        attributes.forEach(a -> values.add(a.read(entity)));
        return values;
    }

    private R orDefault(R found) {
        if (found != null || defaultValue == null) {
            return found;
        }
        R made = context.newInstance(metadata);
        defaultValue.accept(made);
        return made;
    }
}
