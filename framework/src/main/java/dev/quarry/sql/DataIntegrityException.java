package dev.quarry.sql;

/**
 * The database refused a write because it would break a constraint: a unique key, a foreign
 * key, a NOT NULL or a CHECK. Nothing of the failed operation was written.
 */
public class DataIntegrityException extends StatementFailedException {
    private static final long serialVersionUID = 1L;

    public DataIntegrityException(String sql, String problem, Throwable cause) {
        super("DataIntegrity", sql, problem, cause);
    }
}
