package dev.quarry.entity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps an attribute out of mass assignment: {@code fill}, {@code create}, {@code update}
 * refuse a map that names it. Generated keys are guarded without this annotation.
 *
 * <pre>{@code
 * @Guarded
 * private boolean admin;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Guarded {}
