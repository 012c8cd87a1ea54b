package dev.quarry.event;

/**
 * Fired before Quarry reads an entity by its key ({@code find}, {@code findOrFail}), as Quick's
 * {@code preLoad}: the entity does not exist yet, so the event carries what is being looked for.
 *
 * <pre>{@code
 * public void preLoad(PreLoadEvent event) {
 *     metrics.increment("find." + event.entityName());
 * }
 * }</pre>
 *
 * @param entityName the mapping name of the entity asked for, e.g. {@code User}
 * @param key the key asked for, as the caller gave it
 */
public record PreLoadEvent(String entityName, Object key) {
}
