package dev.quarry.entity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a Quarry entity. The class must extend {@link BaseEntity}; Quarry's annotation
 * processor adds it to the compile-time index that {@code QuarryModule} registers at start-up.
 *
 * <pre>{@code
 * @Entity                                  // mapping name "User", table "users"
 * public class User extends BaseEntity<User> { ... }
 *
 * @Entity(value = "User", module = "blog")  // mapping name "User@blog"
 * public class BlogUser extends BaseEntity<BlogUser> { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Entity {

    /** The mapping name; defaults to the simple class name. */
    String value() default "";

    /** A module namespace, as WireBox has: {@code module = "blog"} makes the mapping name {@code User@blog}. */
    String module() default "";

    /** The table; defaults to the naming strategy's table for the mapping name ({@code users}). */
    String table() default "";
}
