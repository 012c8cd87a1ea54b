package dev.quarry.entity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of an entity as a named query fragment (Quick's scopes). The method takes the
 * query first, then any arguments; it is called by name on any query of the entity.
 *
 * <pre>{@code
 * @Scope
 * void ofType(Query<User> query, String type) {
 *     query.where("type", type);
 * }
 *
 * entities.get(User.class).query().scope("ofType", "admin").get();
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Scope {

    /** The scope's name; defaults to the method name. */
    String value() default "";
}
