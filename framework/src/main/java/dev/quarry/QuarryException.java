package dev.quarry;

import java.util.Locale;

/**
 * The root of every error Quarry throws.
 *
 * <p>Each error carries a stable id (for example {@code UnknownEntity}) that names what went
 * wrong; the message starts with {@code [Quarry/<id>]}, says what was asked, what was found and
 * how to fix it, and ends with a pointer to the error's page in the user guide.
 *
 * <pre>{@code
 * try {
 *     entities.get("Usr");
 * } catch (QuarryException e) {
 *     log.warn("{} failed: {}", e.errorId(), e.getMessage());
 * }
 * }</pre>
 */
public class QuarryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String errorId;

    /**
     * Creates an error.
     *
     * @param errorId a short stable id in UpperCamelCase, e.g. {@code EntityNotFound}
     * @param message what was asked, what was found and how to fix it
     * @param cause the underlying failure, or {@code null}
     */
    protected QuarryException(String errorId, String message, Throwable cause) {
        super(format(errorId, message), cause);
        this.errorId = errorId;
    }

    /** Creates an error without an underlying cause. */
    protected QuarryException(String errorId, String message) {
        this(errorId, message, null);
    }

    /** The stable id of this error, e.g. {@code UnknownEntity}. */
    public String errorId() {
        return errorId;
    }

    private static String format(String errorId, String message) {
        return "[Quarry/" + errorId + "] " + message
                + "\n  Learn more: docs/errors.md#" + errorId.toLowerCase(Locale.ROOT);
    }
}
