package dev.quarry.entity;

import java.util.Objects;

/**
 * An attribute's name checked by the compiler, with the attribute's type: the constants of the
 * metamodel class that Quarry's annotation processor generates for each entity ({@code User_.EMAIL}),
 * accepted by {@code where}, {@code whereIn}, {@code whereNull}, {@code orderBy} and the like. A
 * typo, an attribute of another entity or a value of the wrong type is a compile error.
 *
 * <pre>{@code
 * users.query().where(User_.EMAIL, "ada@example.com").orderBy(User_.NAME).get();
 * users.query().where(User_.AGE, ">", 30).get();
 * }</pre>
 *
 * @param <E> the entity that has the attribute
 * @param <V> the attribute's Java type (boxed)
 */
public final class AttributeName<E, V> {
    private final String name;

    private AttributeName(String name) {
        this.name = name;
    }

    /**
     * The attribute named {@code name}; generated code calls it, as in
     * {@code public static final AttributeName<User, String> EMAIL = AttributeName.of("email");}.
     */
    public static <E, V> AttributeName<E, V> of(String name) {
        Objects.requireNonNull(name, "name");
        return new AttributeName<>(name);
    }

    /** The attribute's name: the field name. */
    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AttributeName<?, ?> that && that.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
