package dev.quarry.relation;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.EntityMetadata;
import dev.quarry.internal.EntityAccess;
import dev.quarry.internal.EntityContext;
import dev.quarry.query.QueryBuilder;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one entity at the end of a chain of relations, Eloquent's {@code hasOneThrough}: as
 * {@link HasManyThrough}, but its result is a single entity (the first, by key) or null.
 *
 * <pre>{@code
 * public HasOneThrough<Comment, User> postAuthor() {
 *     return hasOneThrough("post", "author");       // Comment.post() -> Post.author()
 * }
 * }</pre>
 *
 * @param <P> the parent entity
 * @param <R> the entity at the end of the chain
 */
public final class HasOneThrough<P extends BaseEntity<P>, R extends BaseEntity<R>>
        extends ThroughRelation<P, R, HasOneThrough<P, R>> {

    private HasOneThrough(EntityContext context, EntityMetadata<R> related, P parent, String name, Chain chain) {
        super(context, related, parent, name, chain);
    }

    /** Resolves the chain from {@code parent}'s entity; made by {@code BaseEntity.hasOneThrough(...)}. */
    @SuppressWarnings("unchecked")
    public static <P extends BaseEntity<P>, R extends BaseEntity<R>> HasOneThrough<P, R> of(
            EntityContext context, P parent, String name, List<String> chain) {
        Chain resolved = resolve(context, parent, name, chain);
        return new HasOneThrough<>(context, (EntityMetadata<R>) resolved.end(), parent, name, resolved);
    }

    @Override
    protected HasOneThrough<P, R> self() {
        return this;
    }

    @Override
    protected HasOneThrough<P, R> blank() {
        return copyInto(new HasOneThrough<>(context, metadata, parent, name, chainResolved()));
    }

    /** The entity at the end of the chain (the first by key), loaded once and cached; null if none. */
    @Override
    public R getResults() {
        return cached(() -> byKey().first().orElse(null));
    }

    @Override
    public List<R> eagerLoad(List<P> parents, Consumer<QueryBuilder<?, ?>> constraint) {
        return eagerLoadThrough(parents, constraint, (p, rows) -> EntityAccess.state(p).setRelation(name,
                rows.stream().min(HasOneThrough::compareKeys).orElse(null)));
    }

    /** Orders by key as getResults() does: naturally for comparable keys of one type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareKeys(BaseEntity<?> a, BaseEntity<?> b) {
        Object x = a.keyValue();
        Object y = b.keyValue();
        if (x instanceof Comparable cx && y != null && x.getClass() == y.getClass()) {
            return cx.compareTo(y);
        }
        return String.valueOf(x).compareTo(String.valueOf(y));
    }

    private HasOneThrough<P, R> byKey() {
        HasOneThrough<P, R> ordered = copy();
        metadata.keys().forEach(k -> ordered.orderBy(k.name()));
        return ordered;
    }
}
