package dev.quarry.entity;

import dev.quarry.QuarryException;
import java.util.List;

/** No entity is registered under the mapping name or class that was asked for. */
public class UnknownEntityException extends QuarryException {
    private static final long serialVersionUID = 1L;

    private final String requested;

    public UnknownEntityException(String requested, List<String> nearest) {
        super("UnknownEntity", "No entity is registered as " + dev.quarry.sql.Identifiers.printable(requested) + "."
                + (nearest.isEmpty() ? "" : "\n  Did you mean " + String.join(", ", nearest) + "?")
                + "\n  Entities are registered from the index Quarry's annotation processor writes for classes marked @Entity,"
                + "\n  or by hand with QuarryModule.builder().entity(MyEntity.class).");
        this.requested = requested;
    }

    /** The name or class name that was asked for. */
    public String requested() {
        return requested;
    }
}
