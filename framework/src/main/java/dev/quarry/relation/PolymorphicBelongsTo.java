package dev.quarry.relation;

import dev.quarry.entity.Attribute;
import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.EntityMetadata;
import dev.quarry.entity.UnknownEntityException;
import dev.quarry.internal.EntityAccess;
import dev.quarry.internal.EntityContext;
import dev.quarry.internal.ValueConverter;
import dev.quarry.query.InvalidQueryException;
import dev.quarry.query.QueryBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The inverse of {@link PolymorphicHasMany}, Quick's {@code polymorphicBelongsTo}: this entity
 * holds the mapping name of its parent in {@code commentable_type} and its key in
 * {@code commentable_id}, so the parent may be a {@code Post} on one row and a {@code Video} on
 * the next. It loads the parent by its type; eagerly, one statement per type present.
 *
 * <pre>{@code
 * public PolymorphicBelongsTo<Comment> commentable() {
 *     return polymorphicBelongsTo("commentable");
 * }
 *
 * BaseEntity<?> parent = comment.commentable().getResults();   // a Post or a Video
 * comment.commentable().associate(video);                     // sets both columns; save() writes them
 * }</pre>
 *
 * @param <P> the entity holding the type and id columns
 */
public final class PolymorphicBelongsTo<P extends BaseEntity<P>> implements Relationship<P> {
    private final EntityContext context;
    private final P parent;
    private final String name;
    private final String morphName;

    /** Made by {@code BaseEntity.polymorphicBelongsTo(...)}. */
    public PolymorphicBelongsTo(EntityContext context, P parent, String name, String morphName) {
        this.context = context;
        this.parent = parent;
        this.name = name;
        this.morphName = morphName;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public P parent() {
        return parent;
    }

    /** The parent this entity points at, loaded once and cached; null when the columns are null. */
    @Override
    public BaseEntity<?> getResults() {
        return (BaseEntity<?>) Relation.cachedOn(EntityAccess.state(parent), parent.mappingName(), name, this::load);
    }

    /** The parent, read now (not from the cache). */
    public BaseEntity<?> load() {
        String type = (String) typeAttribute().read(parent);
        Object id = idAttribute().read(parent);
        if (type == null || id == null) {
            return null;
        }
        return metadataOf(type, parent).findOrNull(context, id);
    }

    @Override
    public List<BaseEntity<?>> eagerLoad(List<P> parents, Consumer<QueryBuilder<?, ?>> constraint) {
        if (constraint != null) {
            throw new InvalidQueryException("The eager load of " + parent.mappingName() + "." + name
                    + " takes no constraint: its rows are of several entities.");
        }
        Map<String, Set<Object>> idsByType = new LinkedHashMap<>();
        for (P p : parents) {
            String type = (String) typeAttribute().read(p);
            Object id = idAttribute().read(p);
            if (type != null && id != null) {
                idsByType.computeIfAbsent(type, t -> new LinkedHashSet<>()).add(id);
            }
        }
        Map<String, Map<Object, BaseEntity<?>>> found = new HashMap<>();
        List<BaseEntity<?>> all = new ArrayList<>();
        idsByType.forEach((type, ids) -> {
            Typed<?> typed = metadataOf(type, parent);
            Map<Object, BaseEntity<?>> byKey = new HashMap<>();
            for (BaseEntity<?> entity : typed.findAll(context, ids)) {
                byKey.put(entity.keyValue(), entity);
                all.add(entity);
            }
            found.put(type, byKey);
        });
        for (P p : parents) {
            String type = (String) typeAttribute().read(p);
            Object id = idAttribute().read(p);
            BaseEntity<?> related = null;
            if (type != null && id != null) {
                Typed<?> typed = metadataOf(type, p);
                related = found.getOrDefault(type, Map.of()).get(typed.convertKey(id));
            }
            EntityAccess.state(p).setRelation(name, related);
        }
        return all;
    }

    /** Points this entity at {@code entity}: its mapping name and key. Nothing is written until save(). */
    public P associate(BaseEntity<?> entity) {
        if (entity == null) {
            throw new InvalidRelatedIdException("associate", parent.toString(), name, null, "is not an entity: use dissociate()");
        }
        Object key = entity.keyValue();
        if (key == null || key instanceof Map<?, ?>) {
            throw new InvalidRelatedIdException("associate", parent.toString(), name, entity,
                    key == null ? "has no key yet: save() it first" : "has a composite key, which one id column cannot hold");
        }
        typeAttribute().write(parent, entity.mappingName());
        idAttribute().write(parent, ValueConverter.convert(key, idAttribute(), parent.mappingName()));
        EntityAccess.state(parent).setRelation(name, entity);
        return parent;
    }

    /** Clears both columns. Nothing is written until save(). */
    public P dissociate() {
        typeAttribute().write(parent, null);
        idAttribute().write(parent, null);
        EntityAccess.state(parent).setRelation(name, null);
        return parent;
    }

    /**
     * The entities that can be this relation's parent: every registered entity declaring a
     * {@code polymorphicHasMany} to this entity under the same name ({@code commentable}).
     */
    public List<EntityMetadata<?>> parentTypes() {
        List<EntityMetadata<?>> types = new ArrayList<>();
        for (EntityMetadata<?> candidate : context.registry().all()) {
            for (String relation : candidate.relationNames()) {
                dev.quarry.entity.RelationMethod method = candidate.findRelation(relation).orElseThrow();
                if (method.type() != PolymorphicHasMany.class) {
                    continue;
                }
                Relationship<?> declared = method.relationOf(newInstance(candidate));
                if (declared instanceof PolymorphicHasMany<?, ?> morph && morph.related().type() == parent.metadata().type()
                        && morph.morphName().equals(morphName) && !types.contains(candidate)) {
                    types.add(candidate);
                }
            }
        }
        return types;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private BaseEntity<?> newInstance(EntityMetadata metadata) {
        return context.newInstance(metadata);
    }

    /** This entity's attribute holding the parent's mapping name. */
    public Attribute typeAttribute() {
        return column(context.registry().naming().polymorphicTypeColumn(morphName), "polymorphic type");
    }

    /** This entity's attribute holding the parent's key. */
    public Attribute idAttribute() {
        return column(context.registry().naming().polymorphicIdColumn(morphName), "polymorphic id");
    }

    private Attribute column(String column, String what) {
        EntityMetadata<P> meta = parent.metadata();
        return KeyPairs.byColumns(meta, List.of(column), meta.name(), name, what).get(0);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Typed<?> metadataOf(String type, P holder) {
        try {
            EntityMetadata metadata = context.registry().metadata(type);
            return new Typed(metadata);
        } catch (UnknownEntityException e) {
            throw new InvalidRelationException(holder.mappingName(), name, holder + " names the parent type "
                    + dev.quarry.sql.Identifiers.printable(type) + ", which is not a registered entity: " + e.getMessage());
        }
    }

    /** One parent type: queries by key, with keys converted to its key type. */
    private record Typed<T extends BaseEntity<T>>(EntityMetadata<T> metadata) {
        BaseEntity<?> findOrNull(EntityContext context, Object id) {
            return new dev.quarry.query.Query<>(context, metadata).find(convertKey(id)).orElse(null);
        }

        List<T> findAll(EntityContext context, Set<Object> ids) {
            List<Object> keys = ids.stream().map(this::convertKey).toList();
            return new dev.quarry.query.Query<>(context, metadata).whereIn(metadata.keys().get(0).name(), keys).get();
        }

        Object convertKey(Object id) {
            return ValueConverter.convert(id, metadata.keys().get(0), metadata.name());
        }
    }
}
