package dev.quarry.entity;

import dev.quarry.QuarryException;
import dev.quarry.sql.Identifiers;

/** A value cannot be stored in an attribute or used as a key: it has the wrong type and no conversion applies. */
public class InvalidValueException extends QuarryException {
    private static final long serialVersionUID = 1L;

    public InvalidValueException(String entityName, String attribute, Object value, Class<?> expected, String detail) {
        super("InvalidValue", "The value " + Identifiers.printable(value)
                + (value == null ? "" : " (" + value.getClass().getSimpleName() + ")")
                + " cannot be used as " + attribute + " of " + entityName + ", which is " + expected.getSimpleName()
                + (detail.isEmpty() ? "." : ": " + detail));
    }
}
