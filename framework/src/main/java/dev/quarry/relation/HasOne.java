package dev.quarry.relation;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.EntityMetadata;
import dev.quarry.internal.EntityContext;
import dev.quarry.query.QueryBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A one-to-one relation, Quick's {@code hasOne}: the related entity holds this entity's key
 * ({@code profiles.userId} = {@code users.id}).
 *
 * <pre>{@code
 * public HasOne<User, Profile> profile() {
 *     return hasOne(Profile.class);
 * }
 *
 * Profile profile = user.profile().getResults();   // null, or the default, when there is none
 * }</pre>
 *
 * @param <P> the parent entity
 * @param <R> the related entity, holding the foreign key
 */
public final class HasOne<P extends BaseEntity<P>, R extends BaseEntity<R>> extends HasOneOrMany<P, R, HasOne<P, R>> {
    private Consumer<R> defaultValue;

    /** Made by {@code BaseEntity.hasOne(...)}. */
    public HasOne(EntityContext context, EntityMetadata<R> related, P parent, String name) {
        super(context, related, parent, name);
    }

    @Override
    protected HasOne<P, R> self() {
        return this;
    }

    @Override
    protected HasOne<P, R> blank() {
        HasOne<P, R> copy = copyInto(new HasOne<>(context, metadata, parent, name));
        copy.defaultValue = defaultValue;
        return copy;
    }

    /** With no related row, {@code getResults()} returns a new, unsaved related entity instead of null. */
    public HasOne<P, R> withDefault() {
        return withDefault(entity -> { });
    }

    /** With no related row, a new unsaved related entity filled from {@code attributes}. */
    public HasOne<P, R> withDefault(Map<String, ?> attributes) {
        Map<String, ?> copy = Map.copyOf(attributes);
        return withDefault(entity -> entity.fill(copy));
    }

    /** With no related row, a new unsaved related entity set up by {@code initializer}. */
    public HasOne<P, R> withDefault(Consumer<R> initializer) {
        this.defaultValue = initializer;
        return this;
    }

    /** The related entity, loaded once and cached; null (or the default) when there is none. */
    @Override
    public R getResults() {
        return cached(() -> orDefault(first().orElse(null)));
    }

    @Override
    public List<R> eagerLoad(List<P> parents, Consumer<QueryBuilder<?, ?>> constraint) {
        List<R> all = new ArrayList<>();
        Map<List<Object>, List<R>> grouped = eagerLoadGrouped(parents, constraint, all);
        cacheEach(parents, p -> {
            List<R> rows = p.isLoaded() ? grouped.get(localValues(p)) : null;
            return orDefault(rows == null || rows.isEmpty() ? null : rows.get(0));
        });
        return all;
    }

    private R orDefault(R found) {
        if (found != null || defaultValue == null) {
            return found;
        }
        R made = make(Map.of());
        defaultValue.accept(made);
        return made;
    }
}
