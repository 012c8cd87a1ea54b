package dev.quarry.sql;

import dev.quarry.QuarryException;

/**
 * A table, column or other SQL name was refused before any SQL ran: it is not a plain
 * identifier (letters, digits, {@code _}), so it could change the meaning of a statement.
 */
public class InvalidIdentifierException extends QuarryException {
    private static final long serialVersionUID = 1L;

    private final String identifier;

    public InvalidIdentifierException(String identifier, String what, String where) {
        super("InvalidIdentifier", "The " + what + " name " + Identifiers.printable(identifier) + " given to "
                + where + " is not a valid SQL identifier, so no SQL was run.\n"
                + "  A name must start with a letter or _, contain only letters, digits and _, be at most "
                + Identifiers.MAX_PART_LENGTH + " characters long,\n"
                + "  and may be qualified as table.column. Quarry quotes every name it accepts, so case is kept exactly.");
        this.identifier = identifier;
    }

    /** The refused name, exactly as given. */
    public String identifier() {
        return identifier;
    }
}
