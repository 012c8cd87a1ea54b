package dev.quarry.event;

import dev.quarry.entity.BaseEntity;
import java.util.Map;

/**
 * What a lifecycle event is about: the entity and, for {@code preUpdate}/{@code postUpdate}, each
 * changed attribute with its old and new value.
 *
 * <pre>{@code
 * @Override
 * protected void preUpdate(EntityEvent<User> event) {
 *     if (event.changes().containsKey("email")) {
 *         setEmailVerified(false);
 *     }
 * }
 * }</pre>
 *
 * @param <T> the entity
 */
public final class EntityEvent<T extends BaseEntity<T>> {
    private final String name;
    private final T entity;
    private final Map<String, ValueChange> changes;

    /** Made by Quarry when it fires an event. */
    public EntityEvent(String name, T entity, Map<String, ValueChange> changes) {
        this.name = name;
        this.entity = entity;
        this.changes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(changes)); // in attribute order
    }

    /** The event's name, as Quick names it: {@code preInsert}, {@code postUpdate}, ... */
    public String name() {
        return name;
    }

    /** The entity being loaded, inserted, updated, saved or deleted. */
    public T entity() {
        return entity;
    }

    /** The entity's mapping name, e.g. {@code User}. */
    public String entityName() {
        return entity.mappingName();
    }

    /**
     * For an update, each attribute that changed, by name, with the value the row held and the
     * value being written (the updated timestamp included); empty for every other event.
     */
    public Map<String, ValueChange> changes() {
        return changes;
    }

    /**
     * Stops the write this "pre" event announced: throws {@link ChangeVetoedException}, so nothing
     * is written. Only meaningful in a "pre" handler; in a "post" handler the write has happened.
     */
    public void veto(String reason) {
        throw new ChangeVetoedException(name.replaceFirst("^pre", "").toLowerCase(java.util.Locale.ROOT) + " of "
                + entity, reason);
    }

    @Override
    public String toString() {
        return name + " " + entity + (changes.isEmpty() ? "" : " " + changes);
    }
}
