package dev.quarry.relation;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.EntityMetadata;
import dev.quarry.internal.EntityContext;
import dev.quarry.query.QueryBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A one-to-many relation, Quick's {@code hasMany}: the related entities hold this entity's key
 * ({@code posts.userId} = {@code users.id}).
 *
 * <pre>{@code
 * public HasMany<User, Post> posts() {
 *     return hasMany(Post.class);                 // foreign key userId on posts, local key users.id
 * }
 *
 * List<Post> posts = user.posts().where("published", true).orderBy("id").get();
 * user.posts().create(Map.of("title", "Hello"));  // INSERT with userId set
 * }</pre>
 *
 * @param <P> the parent entity
 * @param <R> the related entity, holding the foreign key
 */
public final class HasMany<P extends BaseEntity<P>, R extends BaseEntity<R>> extends HasOneOrMany<P, R, HasMany<P, R>> {

    /** Made by {@code BaseEntity.hasMany(...)}. */
    public HasMany(EntityContext context, EntityMetadata<R> related, P parent, String name) {
        super(context, related, parent, name);
    }

    @Override
    protected HasMany<P, R> self() {
        return this;
    }

    @Override
    protected HasMany<P, R> blank() {
        return copyInto(new HasMany<>(context, metadata, parent, name));
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
