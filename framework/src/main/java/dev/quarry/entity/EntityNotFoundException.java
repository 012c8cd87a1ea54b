package dev.quarry.entity;

import dev.quarry.QuarryException;

/** {@code findOrFail}, {@code firstOrFail} or {@code refresh} found no row. */
public class EntityNotFoundException extends QuarryException {
    private static final long serialVersionUID = 1L;

    private final String entityName;

    public EntityNotFoundException(String entityName, String lookedFor) {
        super("EntityNotFound", "No " + entityName + " was found " + lookedFor + ".");
        this.entityName = entityName;
    }

    /** The mapping name of the entity that was not found. */
    public String entityName() {
        return entityName;
    }
}
