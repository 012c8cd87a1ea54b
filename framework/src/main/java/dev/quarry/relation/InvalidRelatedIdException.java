package dev.quarry.relation;

import dev.quarry.QuarryException;
import dev.quarry.sql.Identifiers;

/**
 * A value given to a relation's write operation (attach, detach, sync, toggle, ...) cannot name a
 * related row: null, an entity of the wrong type or without a key, a key of the wrong shape or
 * type. Nothing was written.
 */
public class InvalidRelatedIdException extends QuarryException {
    private static final long serialVersionUID = 1L;

    private final transient Object value;

    public InvalidRelatedIdException(String operation, String parent, String relation, Object value, String problem) {
        super("InvalidRelatedId", operation + " on " + parent + "." + relation + " was given " + describe(value)
                + ", which " + problem + ". Nothing was written.");
        this.value = value;
    }

    /** The value at fault. */
    public Object value() {
        return value;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof dev.quarry.entity.BaseEntity<?> entity) {
            return "the entity " + entity;
        }
        return Identifiers.printable(value) + " (" + value.getClass().getSimpleName() + ")";
    }
}
