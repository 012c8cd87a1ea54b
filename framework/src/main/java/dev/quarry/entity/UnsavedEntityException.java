package dev.quarry.entity;

import dev.quarry.QuarryException;

/** An operation needs an entity's row (its key), but the entity has not been saved yet. */
public class UnsavedEntityException extends QuarryException {
    private static final long serialVersionUID = 1L;

    public UnsavedEntityException(String entityName, String operation) {
        super("UnsavedEntity", "Cannot " + operation + ": this " + entityName
                + " has not been saved, so it has no row yet. Call save() first.");
    }
}
