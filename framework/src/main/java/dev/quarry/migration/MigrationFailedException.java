package dev.quarry.migration;

import dev.quarry.QuarryException;

/** Flyway could not migrate the database; the message names the database, and Flyway's own says which script failed and why. */
public class MigrationFailedException extends QuarryException {
    private static final long serialVersionUID = 1L;

    public MigrationFailedException(String target, String what, Throwable cause) {
        super("MigrationFailed", "Migrating " + target + ": " + what + ".\n  Flyway said: " + cause.getMessage().strip()
                + "\n  Fix the script, or the locations given to QuarryModule.Builder#migrations. On PostgreSQL the failed"
                + " script was rolled back and runs again on the next start; on HSQLDB undo what it did, then call"
                + " Migrations#repair.", cause);
    }
}
