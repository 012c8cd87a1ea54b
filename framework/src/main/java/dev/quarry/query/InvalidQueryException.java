package dev.quarry.query;

import dev.quarry.QuarryException;

/** A query was built with something Quarry refuses: an unknown operator or scope, a bad limit or direction. */
public class InvalidQueryException extends QuarryException {
    private static final long serialVersionUID = 1L;

    public InvalidQueryException(String message) {
        super("InvalidQuery", message);
    }

    protected InvalidQueryException(String errorId, String message) {
        super(errorId, message);
    }
}
