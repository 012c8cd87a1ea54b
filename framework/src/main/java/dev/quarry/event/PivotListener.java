package dev.quarry.event;

/**
 * Hears one event per pivot operation, with its whole diff. Bind it with Guice's
 * {@code Multibinder}:
 *
 * <pre>{@code
 * public final class RoleAudit implements PivotListener {
 *     @Override
 *     public void prePivotChange(PivotEvent event) {
 *         if (event.relation().equals("roles") && event.detachedIds().contains(adminRoleId)) {
 *             event.veto("the admin role is removed by the security team only");
 *         }
 *     }
 * }
 *
 * Multibinder.newSetBinder(binder(), PivotListener.class).addBinding().to(RoleAudit.class);
 * }</pre>
 *
 * <p>{@code prePivotChange} runs inside the operation's transaction, after the rows are read and
 * before anything is written: throwing (or {@link PivotEvent#veto}) writes nothing. {@code
 * postPivotChange} runs after the transaction commits (the caller's outermost one, if the
 * operation joined it), and never if it rolls back. The parent entity's own methods of the same
 * names run before the listeners.
 */
public interface PivotListener {

    /** Before the operation writes; may veto. */
    default void prePivotChange(PivotEvent event) {}

    /** After the operation's transaction committed. */
    default void postPivotChange(PivotEvent event) {}
}
