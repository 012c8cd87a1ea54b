package dev.quarry.sql;

import dev.quarry.QuarryException;
import java.sql.SQLException;
import java.util.Optional;

/** The database refused or failed a statement. Carries the SQL and the database's own error. */
public class StatementFailedException extends QuarryException {
    private static final long serialVersionUID = 1L;

    private final String sql;
    private final String problem;

    public StatementFailedException(String sql, String problem, Throwable cause) {
        this("StatementFailed", sql, problem, cause);
    }

    protected StatementFailedException(String errorId, String sql, String problem, Throwable cause) {
        super(errorId, problem + (sql == null ? "" : "\n  SQL: " + sql), cause);
        this.sql = sql;
        this.problem = problem;
    }

    /**
     * This failure as an error of the operation it happened in, of the same type, with the same SQL,
     * and with this one as its cause: the database's words are kept, led by what Quarry was doing.
     *
     * <pre>{@code
     * } catch (StatementFailedException e) {
     *     throw e.during("save of User(12)");   // "save of User(12) failed: The database failed a statement: ..."
     * }
     * }</pre>
     */
    public StatementFailedException during(String operation) {
        String led = operation + " failed: " + problem;
        return this instanceof DataIntegrityException ? new DataIntegrityException(sql, led, this)
                : new StatementFailedException(sql, led, this);
    }

    /** The statement that failed, or empty when the failure came before a statement (e.g. connecting). */
    public Optional<String> sql() {
        return Optional.ofNullable(sql);
    }

    /** The database's SQLSTATE, when the cause carries one. */
    public Optional<String> sqlState() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException e && e.getSQLState() != null) {
                return Optional.of(e.getSQLState());
            }
        }
        return Optional.empty();
    }
}
