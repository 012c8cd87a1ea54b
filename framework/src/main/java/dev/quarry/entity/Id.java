package dev.quarry.entity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the key attribute of an entity. Without it, an attribute named {@code id} is the key.
 * Mark several attributes for a composite key.
 *
 * <pre>{@code
 * @Id(generation = KeyGeneration.UUID)
 * private UUID id;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Id {

    /** How new keys are made; {@link KeyGeneration#AUTO} picks from the key's type. */
    KeyGeneration generation() default KeyGeneration.AUTO;
}
