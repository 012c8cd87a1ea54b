package dev.quarry.relation;

import dev.quarry.QuarryException;

/** {@code pivot()} was called on an entity that was not read through a many-to-many relation. */
public class NoPivotException extends QuarryException {
    private static final long serialVersionUID = 1L;

    public NoPivotException(String entity) {
        super("NoPivot", entity + " was not read through a belongsToMany relation, so it has no pivot row."
                + "\n  Read it through the relation (user.roles().get()) or load it with with(\"roles\").");
    }

    /** A pivot row that is there but was asked for in a form it does not have. */
    public NoPivotException(String problem, String fix) {
        super("NoPivot", problem + "\n  " + fix);
    }
}
