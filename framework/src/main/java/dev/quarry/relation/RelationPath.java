package dev.quarry.relation;

import java.util.Objects;

/**
 * A relation's name checked by the compiler: the constants of the metamodel class that Quarry's
 * annotation processor generates for each entity ({@code User_.ROLES}), accepted wherever a
 * relation name string is ({@code with}, {@code has}, {@code whereHas}, {@code withCount}, ...).
 * A typo is a compile error, and so is a relation of another entity.
 *
 * <pre>{@code
 * users.query().with(User_.ROLES).whereHas(User_.POSTS, q -> q.where(Post_.PUBLISHED, true)).get();
 * users.query().with(User_.POSTS.then(Post_.COMMENTS)).get();   // "posts.comments"
 * }</pre>
 *
 * @param <P> the entity that declares the relation (the first one of a nested path)
 * @param <R> what the relation returns: the related entity, {@code Map<String, Object>} rows for
 *     {@code belongsToManyTable}, {@code BaseEntity<?>} for a polymorphic belongsTo
 */
public final class RelationPath<P, R> {
    private final String path;

    private RelationPath(String path) {
        this.path = path;
    }

    /**
     * The relation named {@code name}; generated code calls it, as in
     * {@code public static final RelationPath<User, Role> ROLES = RelationPath.of("roles");}.
     */
    public static <P, R> RelationPath<P, R> of(String name) {
        Objects.requireNonNull(name, "name");
        return new RelationPath<>(name);
    }

    /** The nested path through this relation and then {@code next}: {@code User_.POSTS.then(Post_.COMMENTS)}. */
    public <S> RelationPath<P, S> then(RelationPath<R, S> next) {
        return new RelationPath<>(path + "." + next.path);
    }

    /** The path as Quarry's string form: {@code "roles"}, {@code "posts.comments"}. */
    public String path() {
        return path;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RelationPath<?, ?> that && that.path.equals(path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return path;
    }
}
