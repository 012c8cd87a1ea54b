package dev.quarry.relation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The extra pivot columns of a many-to-many relation, declared on its method so that the compiler
 * can see them: the relation reads them with every row (as {@code withPivot} does), the generated
 * metamodel gets a constant for each ({@code User_.Roles.ASSIGNED_BY}), and the start-up schema
 * check looks for them. A string given to {@code withPivot} in the method body is invisible to the
 * annotation processor; declare the columns here instead (or as well).
 *
 * <pre>{@code
 * @PivotColumns({"assignedBy", "level"})
 * public BelongsToMany<User, Role> roles() {
 *     return belongsToMany(Role.class);
 * }
 *
 * user.roles().wherePivot(User_.Roles.LEVEL, "admin").get();
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PivotColumns {
    /** The pivot columns, as named in the pivot table. */
    String[] value();
}
