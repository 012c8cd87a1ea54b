package dev.quarry.entity;

import dev.quarry.QuarryException;
import java.util.List;

/** A name was used as an attribute of an entity that has no such attribute. */
public class UnknownAttributeException extends QuarryException {
    private static final long serialVersionUID = 1L;

    public UnknownAttributeException(String entityName, String attribute, List<String> nearest) {
        super("UnknownAttribute", "Entity " + entityName + " has no attribute "
                + dev.quarry.sql.Identifiers.printable(attribute) + "."
                + (nearest.isEmpty() ? "" : "\n  Did you mean " + String.join(", ", nearest) + "?")
                + "\n  Attributes are the entity's fields; a field marked transient or @Inject is not one.");
    }
}
