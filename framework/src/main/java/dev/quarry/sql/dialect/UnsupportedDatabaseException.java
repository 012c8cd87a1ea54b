package dev.quarry.sql.dialect;

import dev.quarry.QuarryException;

/** The JDBC URL names a database Quarry has no dialect for. */
public class UnsupportedDatabaseException extends QuarryException {
    private static final long serialVersionUID = 1L;

    public UnsupportedDatabaseException(String jdbcUrl) {
        super("UnsupportedDatabase", "No Quarry dialect matches the JDBC URL '" + jdbcUrl + "'.\n"
                + "  Quarry supports jdbc:hsqldb: (the embedded default) and jdbc:postgresql: URLs.");
    }
}
