package dev.quarry.entity;

import dev.quarry.relation.Relationship;
import java.lang.invoke.MethodHandle;

/**
 * A relation an entity declares: a no-argument method returning a relation, such as
 * {@code public BelongsToMany<User, Role> roles() { return belongsToMany(Role.class); }}.
 *
 * <pre>{@code
 * metadata.findRelation("roles").get().relationOf(user).get();
 * }</pre>
 */
public final class RelationMethod {
    private final String name;
    private final Class<?> type;
    private final MethodHandle handle;
    private final java.util.List<String> pivotColumns;
    // The relation's SQL text as its method declares it. Key values are bound, not written into the
    // text, so it is the same for every saved entity of the class: rendered once, not per read.
    private volatile String declaredSql;

    RelationMethod(String name, Class<?> type, MethodHandle handle, java.util.List<String> pivotColumns) {
        this.name = name;
        this.type = type;
        this.handle = handle;
        this.pivotColumns = java.util.List.copyOf(pivotColumns);
    }

    /** The relation's name: the method name. */
    public String name() {
        return name;
    }

    /** The declared relation type, e.g. {@code BelongsToMany}. */
    public Class<?> type() {
        return type;
    }

    /**
     * The pivot columns the method declares with {@link dev.quarry.relation.PivotColumns}, which
     * the relation reads with every row; empty without the annotation.
     */
    public java.util.List<String> pivotColumns() {
        return pivotColumns;
    }

    /** Calls the method on {@code entity}: the relation of that entity. */
    public Relationship<?> relationOf(BaseEntity<?> entity) {
        try {
            return (Relationship<?>) handle.invoke(entity);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new InvalidEntityException(java.util.List.of("relation " + name + " of " + entity.getClass().getName()
                    + " failed: " + t), t);
        }
    }

    /**
     * The SQL text of this relation as the method declares it, rendered with {@code render} from
     * {@code entity}'s relation the first time and remembered for the entity class. For Quarry's
     * relations, which compare it with their own text to tell a call-site query from the declared one.
     */
    public String declaredSql(BaseEntity<?> entity, java.util.function.Function<Relationship<?>, String> render) {
        String sql = declaredSql;
        if (sql == null) {
            sql = render.apply(relationOf(entity));
            declaredSql = sql;
        }
        return sql;
    }

    @Override
    public String toString() {
        return name + "(): " + type.getSimpleName();
    }
}
