package dev.quarry.relation;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.EntityMetadata;
import dev.quarry.internal.EntityAccess;
import dev.quarry.internal.EntityContext;
import dev.quarry.query.QueryBuilder;
import java.util.List;
import java.util.function.Consumer;

/**
 * The entities at the end of a chain of relations, Quick's {@code hasManyThrough}.
 *
 * <pre>{@code
 * public HasManyThrough<User, Permission> permissionsThroughRoles() {
 *     return hasManyThrough("roles", "permissions");          // User.roles() -> Role.permissions()
 * }
 *
 * public HasMany<User, UserPermission> userPermissions() { return hasMany(UserPermission.class); }
 * public HasManyThrough<User, Permission> permissions() {
 *     return hasManyThrough("userPermissions", "permission"); // through a pivot entity, as in Quick's page
 * }
 * }</pre>
 *
 * <p>The chain follows each relation's keys and pivot table; conditions a relation method of the
 * chain declares ({@code where}, {@code wherePivot}) are not applied along the way. An entity
 * reached along two paths is read once.
 *
 * @param <P> the parent entity
 * @param <R> the entity at the end of the chain
 */
public final class HasManyThrough<P extends BaseEntity<P>, R extends BaseEntity<R>>
        extends ThroughRelation<P, R, HasManyThrough<P, R>> {

    private HasManyThrough(EntityContext context, EntityMetadata<R> related, P parent, String name, Chain chain) {
        super(context, related, parent, name, chain);
    }

    /**
     * Resolves the chain from {@code parent}'s entity; made by {@code BaseEntity.hasManyThrough(...)}.
     *
     * @throws UnknownRelationException naming the link that does not exist
     */
    @SuppressWarnings("unchecked")
    public static <P extends BaseEntity<P>, R extends BaseEntity<R>> HasManyThrough<P, R> of(
            EntityContext context, P parent, String name, List<String> chain) {
        Chain resolved = resolve(context, parent, name, chain);
        return new HasManyThrough<>(context, (EntityMetadata<R>) resolved.end(), parent, name, resolved);
    }

    @Override
    protected HasManyThrough<P, R> self() {
        return this;
    }

    @Override
    protected HasManyThrough<P, R> blank() {
        return copyInto(new HasManyThrough<>(context, metadata, parent, name, chainResolved()));
    }

    /** The entities at the end of the chain, loaded once and cached on the parent. */
    @Override
    public List<R> getResults() {
        return cached(() -> List.copyOf(get()));
    }

    @Override
    public List<R> eagerLoad(List<P> parents, Consumer<QueryBuilder<?, ?>> constraint) {
        return eagerLoadThrough(parents, constraint, (p, rows) -> EntityAccess.state(p).setRelation(name, rows));
    }
}
