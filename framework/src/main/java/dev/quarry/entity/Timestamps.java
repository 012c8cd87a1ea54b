package dev.quarry.entity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Opts an entity in to created/updated timestamps: the first save sets both, every later save
 * that changes something sets the updated one. The attributes may be {@code Instant},
 * {@code LocalDateTime}, {@code OffsetDateTime} or {@code java.sql.Timestamp}; the time comes
 * from the injector's {@code java.time.Clock}.
 *
 * <pre>{@code
 * @Entity @Timestamps
 * public class Post extends BaseEntity<Post> {
 *     private Instant createdAt;
 *     private Instant updatedAt;
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Timestamps {

    /** The attribute set on the first save. */
    String createdAt() default "createdAt";

    /** The attribute set on every save that writes. */
    String updatedAt() default "updatedAt";
}
