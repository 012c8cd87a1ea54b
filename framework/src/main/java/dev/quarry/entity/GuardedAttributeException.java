package dev.quarry.entity;

import dev.quarry.QuarryException;

/** Mass assignment ({@code fill}, {@code create}, {@code update}) named a guarded attribute. */
public class GuardedAttributeException extends QuarryException {
    private static final long serialVersionUID = 1L;

    public GuardedAttributeException(String entityName, String attribute) {
        super("GuardedAttribute", "Attribute " + attribute + " of " + entityName
                + " is guarded, so fill/create/update may not set it; nothing was changed.\n"
                + "  Set it with its setter, or remove @Guarded from the field if mass assignment should reach it.");
    }
}
