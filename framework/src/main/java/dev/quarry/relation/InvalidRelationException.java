package dev.quarry.relation;

import dev.quarry.QuarryException;

/** A relation is declared in a way Quarry cannot use: keys that do not match, an unknown key attribute. */
public class InvalidRelationException extends QuarryException {
    private static final long serialVersionUID = 1L;

    public InvalidRelationException(String entityName, String relation, String problem) {
        super("InvalidRelation", "Relation " + relation + " of " + entityName + " is invalid: " + problem);
    }
}
