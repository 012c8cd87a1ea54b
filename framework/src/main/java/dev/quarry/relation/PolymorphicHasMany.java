package dev.quarry.relation;

import dev.quarry.entity.Attribute;
import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.EntityMetadata;
import dev.quarry.internal.EntityContext;
import dev.quarry.query.Constraints;
import dev.quarry.query.QueryBuilder;
import java.util.List;
import java.util.function.Consumer;

/**
 * A one-to-many relation whose related entities can belong to several kinds of parent, Quick's
 * {@code polymorphicHasMany}: a comment holds its parent's mapping name in {@code commentable_type}
 * and its key in {@code commentable_id}.
 *
 * <pre>{@code
 * // Post.java and Video.java alike
 * public PolymorphicHasMany<Post, Comment> comments() {
 *     return polymorphicHasMany(Comment.class, "commentable");
 * }
 * }</pre>
 *
 * @param <P> the parent entity
 * @param <R> the related entity, holding the type and id columns
 */
public final class PolymorphicHasMany<P extends BaseEntity<P>, R extends BaseEntity<R>>
        extends HasOneOrMany<P, R, PolymorphicHasMany<P, R>> {
    private final String morphName;

    /** Made by {@code BaseEntity.polymorphicHasMany(...)}. */
    public PolymorphicHasMany(EntityContext context, EntityMetadata<R> related, P parent, String name, String morphName) {
        super(context, related, parent, name);
        this.morphName = morphName;
        foreignKey(context.registry().naming().polymorphicIdColumn(morphName));
    }

    @Override
    protected PolymorphicHasMany<P, R> self() {
        return this;
    }

    @Override
    protected PolymorphicHasMany<P, R> blank() {
        return copyInto(new PolymorphicHasMany<>(context, metadata, parent, name, morphName));
    }

    /** The polymorphic relation's name: {@code commentable}. */
    public String morphName() {
        return morphName;
    }

    /** The related attribute holding the parent's mapping name. */
    public Attribute typeAttribute() {
        String column = context.registry().naming().polymorphicTypeColumn(morphName);
        return KeyPairs.byColumns(metadata, List.of(column), parent.mappingName(), name, "polymorphic type").get(0);
    }

    @Override
    void constrainMore(Constraints constraints) {
        constraints.compare(tableRef() + "." + typeAttribute().column(), "=", parent.mappingName(), String.class);
    }

    @Override
    void pointMore(R related) {
        typeAttribute().write(related, parent.mappingName());
    }

    @Override
    Link link() {
        throw new InvalidRelationException(parent.mappingName(), name, "a polymorphic relation cannot be a link of a hasManyThrough"
                + " chain: its rows are told apart by their type column, which a chain does not follow.");
    }

    /** The related entities, loaded once and cached on the parent. */
    @Override
    public List<R> getResults() {
        return cached(() -> List.copyOf(get()));
    }

    @Override
    public List<R> eagerLoad(List<P> parents, Consumer<QueryBuilder<?, ?>> constraint) {
        return eagerLoadMany(parents, constraint);
    }
}
