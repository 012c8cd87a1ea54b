package dev.quarry.event;

/**
 * Hears every entity's lifecycle events, with Quick's names. Implement the methods you need; bind
 * the listener with Guice's {@code Multibinder}:
 *
 * <pre>{@code
 * public final class AuditListener implements EntityListener {
 *     @Override
 *     public void postUpdate(EntityEvent<?> event) {
 *         log.info("{} changed {}", event.entity(), event.changes());
 *     }
 * }
 *
 * // in a module's configure():
 * Multibinder.newSetBinder(binder(), EntityListener.class).addBinding().to(AuditListener.class);
 * }</pre>
 *
 * <p>Order: {@code preSave}, then {@code preInsert} or {@code preUpdate}, the statement, then
 * {@code postInsert} or {@code postUpdate}, then {@code postSave}; {@code preDelete}, the statement,
 * {@code postDelete}. The entity's own methods of the same names run before the listeners. A "pre"
 * handler may change the entity (the write uses its values) or veto the write ({@link
 * EntityEvent#veto}); "post" handlers run right after the statement, inside the caller's
 * transaction if there is one. An exception from any handler reaches the caller of {@code save} or
 * {@code delete}.
 */
public interface EntityListener {

    /** Before an entity is read by its key ({@code find}, {@code findOrFail}). */
    default void preLoad(PreLoadEvent event) {}

    /** After an entity was read from a row, by any query or relation. */
    default void postLoad(EntityEvent<?> event) {}

    /** Before an INSERT, after {@code preSave}. */
    default void preInsert(EntityEvent<?> event) {}

    /** After an INSERT. */
    default void postInsert(EntityEvent<?> event) {}

    /** Before an UPDATE, with the changed attributes; not fired when nothing changed. */
    default void preUpdate(EntityEvent<?> event) {}

    /** After an UPDATE, with the changed attributes. */
    default void postUpdate(EntityEvent<?> event) {}

    /** Before an INSERT or an UPDATE; not fired for a save that has nothing to write. */
    default void preSave(EntityEvent<?> event) {}

    /** After an INSERT or an UPDATE. */
    default void postSave(EntityEvent<?> event) {}

    /** Before a DELETE. */
    default void preDelete(EntityEvent<?> event) {}

    /** After a DELETE. */
    default void postDelete(EntityEvent<?> event) {}
}
