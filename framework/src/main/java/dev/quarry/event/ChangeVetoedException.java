package dev.quarry.event;

import dev.quarry.QuarryException;

/**
 * A "pre" event's handler vetoed the write: nothing was written, and the transaction the write ran
 * in (if the caller opened one) is rolled back up to the write's savepoint.
 *
 * <pre>{@code
 * public void prePivotChange(PivotEvent event) {
 *     if (event.attached().size() > 50) {
 *         event.veto("at most 50 roles at a time");   // throws ChangeVetoedException
 *     }
 * }
 * }</pre>
 */
public class ChangeVetoedException extends QuarryException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public ChangeVetoedException(String what, String reason) {
        super("ChangeVetoed", what + " was vetoed by an event handler, so nothing was written: " + reason);
        this.reason = reason;
    }

    /** The reason the handler gave. */
    public String reason() {
        return reason;
    }
}
