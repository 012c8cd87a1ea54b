package dev.quarry.internal;

import dev.quarry.entity.BaseEntity;

/**
 * Lets Quarry's packages reach the state inside {@link BaseEntity} without putting it in the
 * entity's public API (the JDK's "shared secrets" pattern): {@code BaseEntity} installs the
 * accessor when its class initialises.
 */
public final class EntityAccess {

    /** What {@code BaseEntity} exposes to Quarry. */
    public interface Accessor {
        <T extends BaseEntity<T>> EntityState<T> state(BaseEntity<T> entity);

        <T extends BaseEntity<T>> void attach(BaseEntity<T> entity, EntityState<T> state);

        /** Calls the entity's own method for the event {@code name}, e.g. {@code preInsert(event)}. */
        void handle(BaseEntity<?> entity, String name, Object event);
    }

    private static volatile Accessor accessor;

    private EntityAccess() {}

    /** Called once, by {@code BaseEntity}'s static initialiser. */
    public static void install(Accessor installed) {
        if (accessor != null) {
            throw new IllegalStateException("EntityAccess is installed once, by BaseEntity");
        }
        accessor = installed;
    }

    /** The entity's state; throws {@code DetachedEntityException} if it did not come from the container. */
    public static <T extends BaseEntity<T>> EntityState<T> state(BaseEntity<T> entity) {
        return accessor().state(entity);
    }

    /** Gives a freshly constructed entity its state. */
    public static <T extends BaseEntity<T>> void attach(BaseEntity<T> entity, EntityState<T> state) {
        accessor().attach(entity, state);
    }

    /** Calls the entity's own handler of an event (see {@link Events}). */
    public static void handle(BaseEntity<?> entity, String name, Object event) {
        accessor().handle(entity, name, event);
    }

    private static Accessor accessor() {
        Accessor current = accessor;
        if (current == null) {
            try {
                Class.forName(BaseEntity.class.getName(), true, BaseEntity.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            current = accessor;
        }
        return current;
    }
}
