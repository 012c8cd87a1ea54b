package dev.quarry.event;

/**
 * One value before and after a write: an entity attribute in {@code preUpdate}/{@code postUpdate},
 * or a pivot column in {@link PivotEvent#updated()}.
 *
 * <pre>{@code
 * ValueChange email = event.changes().get("email");
 * audit.log("email", email.before(), email.after());
 * }</pre>
 *
 * @param before the value the row held
 * @param after the value written
 */
public record ValueChange(Object before, Object after) {
}
