package dev.quarry.sql;

import dev.quarry.QuarryException;

/**
 * Quarry could not get a connection: the database is down or unreachable, the URL or credentials
 * are wrong, or every pooled connection stayed busy for the pool's whole connection timeout.
 */
public class CannotConnectException extends QuarryException {
    private static final long serialVersionUID = 1L;

    /** {@code url} may be null when it is not known where the failure surfaced; a password in it is masked. */
    public CannotConnectException(String url, Throwable cause) {
        super("CannotConnect", "Could not get a connection to " + (url == null ? "the database" : masked(url)) + ": "
                + rootMessage(cause) + "\n  Check that the database is running and that the URL, user and password are right;"
                + " if every connection was busy, raise PoolSettings#maximumSize or shorten the transactions holding them.",
                cause);
    }

    private static String masked(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1****");
    }

    /** The driver's or the pool's own words: the first SQLException in the chain says most. */
    private static String rootMessage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException) {
                return t.getMessage();
            }
        }
        return String.valueOf(failure.getMessage());
    }
}
