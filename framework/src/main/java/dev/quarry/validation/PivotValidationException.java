package dev.quarry.validation;

import java.util.List;

/**
 * A typed pivot entity ({@code belongsToMany(...).using(RoleUser.class)}) refused the pivot
 * attributes of an attach, sync or updateExistingPivot: the message names the operation, the
 * relation, the pivot entity, the related id and each attribute at fault. Nothing was written.
 *
 * <pre>{@code
 * try {
 *     user.roles().attach(adminId, Map.of("assignedBy", ""));
 * } catch (PivotValidationException e) {
 *     e.relatedId();      // adminId
 *     e.violations();     // [assignedBy must not be blank (was "")]
 * }
 * }</pre>
 */
public class PivotValidationException extends EntityValidationException {
    private static final long serialVersionUID = 1L;

    private final transient Object relatedId;

    public PivotValidationException(String operation, String relation, String pivotEntity, Object relatedId,
                                    List<Violation> violations) {
        super("PivotValidation", operation + " on " + relation + ": the pivot " + pivotEntity + " for related id "
                + relatedId + " failed validation", pivotEntity, violations);
        this.relatedId = relatedId;
    }

    /** The related id whose pivot row was refused. */
    public Object relatedId() {
        return relatedId;
    }
}
