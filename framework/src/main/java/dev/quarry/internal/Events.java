package dev.quarry.internal;

import dev.quarry.entity.BaseEntity;
import dev.quarry.event.EntityEvent;
import dev.quarry.event.EntityListener;
import dev.quarry.event.PivotEvent;
import dev.quarry.event.PivotListener;
import dev.quarry.event.PreLoadEvent;
import dev.quarry.event.ValueChange;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fires entity and pivot events: first the entity's own method of the event's name, then every
 * bound listener. Which methods an entity class overrides is found once per class, so an entity
 * without handlers, with no listener bound, costs one set lookup per write and none per row read.
 */
@Singleton
public final class Events {
    /** Every event an entity can handle in a method of its own, with the method's parameter type. */
    private static final Map<String, Class<?>> HOOKS = Map.ofEntries(
            Map.entry("preLoad", PreLoadEvent.class), Map.entry("postLoad", EntityEvent.class),
            Map.entry("preInsert", EntityEvent.class), Map.entry("postInsert", EntityEvent.class),
            Map.entry("preUpdate", EntityEvent.class), Map.entry("postUpdate", EntityEvent.class),
            Map.entry("preSave", EntityEvent.class), Map.entry("postSave", EntityEvent.class),
            Map.entry("preDelete", EntityEvent.class), Map.entry("postDelete", EntityEvent.class),
            Map.entry("prePivotChange", PivotEvent.class), Map.entry("postPivotChange", PivotEvent.class));

    private static final List<String> WRITE_EVENTS = List.of("preInsert", "postInsert", "preUpdate", "postUpdate",
            "preSave", "postSave", "preDelete", "postDelete");

    private static final ClassValue<Set<String>> OVERRIDDEN = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            Set<String> found = new HashSet<>();
            for (Class<?> c = type; c != null && c != BaseEntity.class; c = c.getSuperclass()) {
                for (Method method : c.getDeclaredMethods()) {
                    Class<?> parameter = HOOKS.get(method.getName());
                    if (parameter != null && method.getParameterCount() == 1 && method.getParameterTypes()[0] == parameter) {
                        found.add(method.getName());
                    }
                }
            }
            return Set.copyOf(found);
        }
    };

    private final List<EntityListener> entityListeners;
    private final List<PivotListener> pivotListeners;

    @Inject
    public Events(Set<EntityListener> entityListeners, Set<PivotListener> pivotListeners) {
        this.entityListeners = List.copyOf(entityListeners);
        this.pivotListeners = List.copyOf(pivotListeners);
    }

    /** No listeners: only the entities' own methods. */
    public static Events none() {
        return new Events(Set.of(), Set.of());
    }

    /** True if anything handles {@code event} for entities of {@code type}. */
    public boolean wants(Class<?> type, String event) {
        return !entityListeners.isEmpty() || OVERRIDDEN.get(type).contains(event);
    }

    /** True if anything handles an insert, update, save or delete event of entities of {@code type}. */
    public boolean wantsWriteEvents(Class<?> type) {
        if (!entityListeners.isEmpty()) {
            return true;
        }
        Set<String> overridden = OVERRIDDEN.get(type);
        for (String event : WRITE_EVENTS) {
            if (overridden.contains(event)) {
                return true;
            }
        }
        return false;
    }

    /** True if anything handles pivot events of relations of entities of {@code parentType}. */
    public boolean wantsPivotEvents(Class<?> parentType) {
        return !pivotListeners.isEmpty() || OVERRIDDEN.get(parentType).contains("prePivotChange")
                || OVERRIDDEN.get(parentType).contains("postPivotChange");
    }

    /** Fires {@code preLoad} on the listeners: a row of {@code entityName} is about to be read by key. */
    public void preLoad(String entityName, Object key) {
        if (!entityListeners.isEmpty()) {
            PreLoadEvent event = new PreLoadEvent(entityName, key);
            entityListeners.forEach(l -> l.preLoad(event));
        }
    }

    /** Calls {@code preLoad} on the entity {@code find} was called on, if it handles it. */
    public void preLoadOn(BaseEntity<?> on, Object key) {
        if (OVERRIDDEN.get(on.getClass()).contains("preLoad")) {
            EntityAccess.handle(on, "preLoad", new PreLoadEvent(on.mappingName(), key));
        }
    }

    /** Fires an entity event without changes. */
    public <T extends BaseEntity<T>> void fire(String name, T entity) {
        fire(name, entity, Map.of());
    }

    /** Fires an entity event; {@code changes} are the changed attributes of an update. */
    public <T extends BaseEntity<T>> void fire(String name, T entity, Map<String, ValueChange> changes) {
        if (!wants(entity.getClass(), name)) {
            return;
        }
        EntityEvent<T> event = new EntityEvent<>(name, entity, changes);
        if (OVERRIDDEN.get(entity.getClass()).contains(name)) {
            EntityAccess.handle(entity, name, event);
        }
        for (EntityListener listener : entityListeners) {
            tell(listener, name, event);
        }
    }

    /** Fires {@code prePivotChange} or {@code postPivotChange} on the parent, then the listeners. */
    public void pivot(String name, PivotEvent event) {
        if (OVERRIDDEN.get(event.parent().getClass()).contains(name)) {
            EntityAccess.handle(event.parent(), name, event);
        }
        for (PivotListener listener : pivotListeners) {
            if (name.equals("prePivotChange")) {
                listener.prePivotChange(event);
            } else {
                listener.postPivotChange(event);
            }
        }
    }

    private static void tell(EntityListener listener, String name, EntityEvent<?> event) {
        switch (name) {
            case "postLoad" -> listener.postLoad(event);
            case "preInsert" -> listener.preInsert(event);
            case "postInsert" -> listener.postInsert(event);
            case "preUpdate" -> listener.preUpdate(event);
            case "postUpdate" -> listener.postUpdate(event);
            case "preSave" -> listener.preSave(event);
            case "postSave" -> listener.postSave(event);
            case "preDelete" -> listener.preDelete(event);
            case "postDelete" -> listener.postDelete(event);
            default -> throw new IllegalArgumentException("not an entity event: " + name);
        }
    }
}
