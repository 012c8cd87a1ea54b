package dev.quarry.relation;

import dev.quarry.entity.BaseEntity;
import dev.quarry.query.QueryBuilder;
import java.util.List;
import java.util.function.Consumer;

/**
 * What every relation an entity declares can do, whether it returns entities ({@link Relation})
 * or plain rows ({@link BelongsToManyTable}): name itself, load for one parent with a cache, and
 * load for many parents at once. A no-argument entity method returning one is a relation.
 *
 * @param <P> the parent entity
 */
public interface Relationship<P extends BaseEntity<P>> {

    /** The relation's name: the method that declares it. */
    String name();

    /** The entity this relation belongs to. */
    P parent();

    /**
     * The relation's results for its parent, loaded once and cached on the parent: a list for a
     * to-many relation, the related entity (or null, or its default) for a to-one relation.
     */
    Object getResults();

    /**
     * Loads the relation for every parent in {@code parents} in one statement per chunk of parents,
     * caches each parent's results, and returns every result loaded (entities, for nested loads).
     */
    List<?> eagerLoad(List<P> parents, Consumer<QueryBuilder<?, ?>> constraint);
}
