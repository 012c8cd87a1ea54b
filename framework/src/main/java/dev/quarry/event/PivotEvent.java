package dev.quarry.event;

import dev.quarry.entity.BaseEntity;
import java.util.List;

/**
 * One pivot operation's whole change: what {@code attach}, {@code detach}, {@code sync} and its
 * variants, {@code toggle}, {@code updateExistingPivot} or a generated setter (which syncs) does to
 * the pivot rows of one parent. Fired once per call, "pre" inside the operation's transaction
 * before anything is written, and "post" after the transaction commits; never for a call that
 * changes nothing.
 *
 * <pre>{@code
 * public void postPivotChange(PivotEvent event) {
 *     // "sync on User.roles: attached [3], detached [1], updated [2]"
 *     audit.log(event.operation() + " on " + event.describe() + ": attached " + event.attachedIds());
 * }
 * }</pre>
 */
public final class PivotEvent {
    private final String operation;
    private final BaseEntity<?> parent;
    private final String relation;
    private final String table;
    private final List<PivotRow> attached;
    private final List<PivotRow> detached;
    private final List<PivotRowUpdate> updated;

    /** Made by Quarry for each pivot operation that changes something. */
    public PivotEvent(String operation, BaseEntity<?> parent, String relation, String table, List<PivotRow> attached,
                      List<PivotRow> detached, List<PivotRowUpdate> updated) {
        this.operation = operation;
        this.parent = parent;
        this.relation = relation;
        this.table = table;
        this.attached = List.copyOf(attached);
        this.detached = List.copyOf(detached);
        this.updated = List.copyOf(updated);
    }

    /** The method called: {@code attach}, {@code detach}, {@code sync}, {@code toggle}, {@code setRoles}, ... */
    public String operation() {
        return operation;
    }

    /** The entity whose relation changed. */
    public BaseEntity<?> parent() {
        return parent;
    }

    /** The relation's name, e.g. {@code roles}. */
    public String relation() {
        return relation;
    }

    /** The relation as errors name it, e.g. {@code User.roles}. */
    public String describe() {
        return parent.mappingName() + "." + relation;
    }

    /** The pivot table. */
    public String table() {
        return table;
    }

    /**
     * The rows inserted ("post"), or about to be ("pre"). A "pre" event lists every row the
     * operation will insert; should a concurrent caller insert one of them first, the "post" event
     * leaves it out, as the operation's result does.
     */
    public List<PivotRow> attached() {
        return attached;
    }

    /** The rows deleted, or about to be, each with every column as it was. */
    public List<PivotRow> detached() {
        return detached;
    }

    /** The rows whose values changed, with the old and new value of each changed column. */
    public List<PivotRowUpdate> updated() {
        return updated;
    }

    /** The related ids of {@link #attached()}. */
    public List<Object> attachedIds() {
        return attached.stream().map(PivotRow::relatedId).toList();
    }

    /** The related ids of {@link #detached()}. */
    public List<Object> detachedIds() {
        return detached.stream().map(PivotRow::relatedId).toList();
    }

    /** The related ids of {@link #updated()}. */
    public List<Object> updatedIds() {
        return updated.stream().map(PivotRowUpdate::relatedId).toList();
    }

    /**
     * Stops the operation from a "pre" handler: throws {@link ChangeVetoedException}; nothing is
     * written and the caller gets the exception.
     */
    public void veto(String reason) {
        throw new ChangeVetoedException(operation + " on " + describe(), reason);
    }

    @Override
    public String toString() {
        return operation + " on " + describe() + ": attached " + attachedIds() + ", detached " + detachedIds()
                + ", updated " + updatedIds();
    }
}
