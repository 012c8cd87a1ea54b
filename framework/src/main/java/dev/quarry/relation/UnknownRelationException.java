package dev.quarry.relation;

import dev.quarry.QuarryException;
import java.util.List;

/** A relation was named (in {@code with}, {@code has}, ...) that the entity does not declare. */
public class UnknownRelationException extends QuarryException {
    private static final long serialVersionUID = 1L;

    public UnknownRelationException(String entityName, String relation, List<String> nearest, List<String> known) {
        super("UnknownRelation", "Entity " + entityName + " has no relation " + dev.quarry.sql.Identifiers.printable(relation) + "."
                + (nearest.isEmpty() ? "" : "\n  Did you mean " + String.join(", ", nearest) + "?")
                + "\n  Known relations: " + (known.isEmpty() ? "none" : String.join(", ", known.stream().sorted().toList()))
                + ". A relation is a no-argument method of the entity that returns a relation, e.g. belongsToMany(...).");
    }
}
