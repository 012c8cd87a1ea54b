package dev.quarry.relation;

import dev.quarry.QuarryException;
import java.util.Collection;

/** A pivot column was asked for that the relation did not read. */
public class UnknownPivotColumnException extends QuarryException {
    private static final long serialVersionUID = 1L;

    public UnknownPivotColumnException(String table, String column, Collection<String> read) {
        super("UnknownPivotColumn", "The pivot row of " + table + " has no column " + dev.quarry.sql.Identifiers.printable(column)
                + "; it was read with " + read + ".\n  Read further pivot columns with withPivot(\"" + column + "\") on the relation.");
    }
}
