package dev.quarry.entity;

import dev.quarry.QuarryException;

/**
 * An entity was used for database work although it did not come from the container, so it has
 * no database. Entities are made by {@code entities.get(...)} or an injected {@code Provider}.
 */
public class DetachedEntityException extends QuarryException {
    private static final long serialVersionUID = 1L;

    public DetachedEntityException(Class<?> type) {
        super("DetachedEntity", "This " + type.getSimpleName() + " was created with 'new', so it has no database to talk to.\n"
                + "  Get entities from the container: entities.get(" + type.getSimpleName() + ".class), entities.get(\""
                + type.getSimpleName() + "\") or an injected Provider<" + type.getSimpleName() + ">.");
    }
}
