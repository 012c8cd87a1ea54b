package dev.quarry.relation;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.EntityMetadata;
import dev.quarry.entity.UnsavedEntityException;
import dev.quarry.internal.EntityAccess;
import dev.quarry.internal.EntityContext;
import dev.quarry.internal.EntityState;
import dev.quarry.query.QueryBuilder;
import java.util.List;
import java.util.function.Consumer;

/**
 * The base of every relation: a query builder for the related entity, constrained to one parent,
 * that can also load itself for many parents at once.
 *
 * @param <P> the parent entity, which declares the relation
 * @param <R> the related entity
 * @param <Q> the relation's own type
 */
public abstract class Relation<P extends BaseEntity<P>, R extends BaseEntity<R>, Q extends Relation<P, R, Q>>
        extends QueryBuilder<R, Q> implements Relationship<P> {
    protected final P parent;
    protected final String name;

    protected Relation(EntityContext context, EntityMetadata<R> related, P parent, String name) {
        super(context, related);
        this.parent = parent;
        this.name = name;
    }

    /** The entity this relation belongs to. */
    @Override
    public P parent() {
        return parent;
    }

    /** The relation's name: the method that declares it. */
    @Override
    public String name() {
        return name;
    }

    /** The related entity's metadata. */
    public EntityMetadata<R> related() {
        return metadata;
    }

    /** The parent's name and key with the relation, for messages: {@code User(1).roles}. */
    protected String describe() {
        return parent + "." + name;
    }

    @Override
    protected String subject() {
        return describe();
    }

    /** The parent's state, where loaded relations are cached. */
    protected EntityState<P> parentState() {
        return EntityAccess.state(parent);
    }

    /** Refuses to read or write through the relation of a parent that has no row yet. */
    protected void requireSavedParent(String operation) {
        if (!parent.isLoaded()) {
            throw new UnsavedEntityException(parent.mappingName(), operation + " through its relation " + name);
        }
    }

    /**
     * The query an eager load runs: a copy of this relation (with the conditions its method declares)
     * and the caller's constraint. A limit or offset applies to each parent's rows (see
     * {@link QueryBuilder#perParent()}); a relation that cannot tell its rows apart by parent refuses it.
     */
    protected final Q eagerQuery(Consumer<QueryBuilder<?, ?>> constraint) {
        Q query = copy();
        if (constraint != null) {
            constraint.accept(query);
        }
        if (query.hasLimitOrOffset() && !limitsPerParent()) {
            throw new dev.quarry.query.InvalidQueryException("A limit or offset in the eager load of " + parent.mappingName()
                    + "." + name + " is refused: each " + parent.mappingName() + " has at most one related row there,"
                    + " so a limit would only apply to all parents together.");
        }
        return query;
    }

    /** True if an eager load of this relation applies a limit to each parent's rows. */
    protected boolean limitsPerParent() {
        return false;
    }

    /** How this relation joins its parent's table to the related table, for relations through it. */
    abstract Link link();

    /**
     * Loads this relation for every parent in {@code parents} (this relation's parent among them),
     * in one statement per chunk of parents, stores each parent's result in its cache and returns
     * every related entity loaded, for nested eager loading.
     */
    @Override
    public abstract List<R> eagerLoad(List<P> parents, Consumer<QueryBuilder<?, ?>> constraint);

    /**
     * True if this builder runs the same query as a fresh call of the relation's method: only then
     * may {@code getResults()} use (and fill) the parent's cache; a builder with conditions added at
     * the call site runs its own query.
     */
    protected final boolean isAsDeclared() {
        java.util.Optional<dev.quarry.entity.RelationMethod> method = parent.metadata().findRelation(name);
        if (method.isEmpty()) {
            return false;
        }
        if (!parent.isLoaded()) {   // the declared text is remembered from saved entities only
            return method.map(m -> m.relationOf(parent))
                    .filter(declared -> declared.getClass() == getClass())
                    .map(declared -> (Relation<?, ?, ?>) declared)
                    .map(declared -> declared.toSql().equals(toSql()) && declared.bindings().equals(bindings()))
                    .orElse(false);
        }
        // A call-site where(), orderBy(), limit() or wherePivot() always changes the text, so equal text
        // means the relation as declared; the declared text is rendered once per entity class.
        String declared = method.get().declaredSql(parent, relation -> relation.getClass() == getClass()
                ? ((Relation<?, ?, ?>) relation).toSql() : "");
        return declared.equals(toSql());
    }

    /**
     * The cached value of this relation on the parent, loading it with {@code load} on first use;
     * with call-site conditions, {@code load}'s result, uncached.
     */
    @SuppressWarnings("unchecked")
    protected final <V> V cached(java.util.function.Supplier<V> load) {
        if (!isAsDeclared()) {
            return load.get();
        }
        return (V) cachedOn(parentState(), parent.mappingName(), name, load);
    }

    /**
     * The relation {@code name} from {@code state}'s cache, loading and caching it on first use;
     * in strict mode, refuses to load it for an entity that came with others from one query.
     */
    static Object cachedOn(EntityState<?> state, String entity, String name, java.util.function.Supplier<?> load) {
        if (!state.hasRelation(name)) {
            if (state.context().preventsLazyLoading() && state.loadedAmong() > 1) {
                throw new LazyLoadingPreventedException(entity, name, state.loadedAmong());
            }
            state.setRelation(name, load.get());
            // Loaded inside a transaction, it may hold rows that a rollback takes away again.
            state.context().database().onRollback(() -> state.forgetRelation(name));
        }
        return state.relation(name);
    }
}
