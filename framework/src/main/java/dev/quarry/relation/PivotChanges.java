package dev.quarry.relation;

import dev.quarry.entity.Attribute;
import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.EntityMetadata;
import dev.quarry.entity.Key;
import dev.quarry.event.PivotEvent;
import dev.quarry.event.PivotRow;
import dev.quarry.event.PivotRowUpdate;
import dev.quarry.internal.EntityAccess;
import dev.quarry.internal.EntityContext;
import dev.quarry.internal.EntityState;
import dev.quarry.internal.Persister;
import dev.quarry.relation.pivot.PivotWriter;
import dev.quarry.sql.SqlBuilder;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a many-to-many relation does when one of its pivot operations changes rows: fires the
 * pivot events (to the parent's own methods and the bound listeners) and touches the parent's and,
 * if asked, the related rows' updated timestamps, in the operation's transaction.
 */
final class PivotChanges<P extends BaseEntity<P>> implements PivotWriter.ChangeHandler {
    private final EntityContext context;
    private final P parent;
    private final String relation;
    private final boolean events;
    private final Attribute parentUpdatedAt;
    private final EntityMetadata<?> related;
    private final Attribute relatedUpdatedAt;
    private final List<Attribute> relatedKeys;

    PivotChanges(EntityContext context, P parent, String relation, boolean events, Attribute parentUpdatedAt,
                 EntityMetadata<?> related, Attribute relatedUpdatedAt, List<Attribute> relatedKeys) {
        this.context = context;
        this.parent = parent;
        this.relation = relation;
        this.events = events;
        this.parentUpdatedAt = parentUpdatedAt;
        this.related = related;
        this.relatedUpdatedAt = relatedUpdatedAt;
        this.relatedKeys = relatedKeys;
    }

    @Override
    public BaseEntity<?> parent() {
        return parent;
    }

    @Override
    public String relation() {
        return relation;
    }

    @Override
    public boolean wantsWholeRows() {
        return events;
    }

    @Override
    public void before(PivotEvent event) {
        if (events) {
            context.events().pivot("prePivotChange", event);
        }
    }

    @Override
    public void changed(PivotEvent event) {
        if (parentUpdatedAt != null) {
            touchParent();
        }
        if (relatedUpdatedAt != null) {
            touchRelated(event);
        }
    }

    @Override
    public void committed(PivotEvent event) {
        if (events) {
            context.events().pivot("postPivotChange", event);
        }
    }

    /** One UPDATE of the parent's row; the entity holds the new time, not as an unsaved change. */
    private void touchParent() {
        EntityState<P> state = EntityAccess.state(parent);
        Object now = Persister.timestampFor(parentUpdatedAt, context.clock());
        SqlBuilder sql = new SqlBuilder(context.database().dialect()).append("UPDATE ").identifier(parent.metadata().table())
                .append(" SET ").identifier(parentUpdatedAt.column()).append(" = ").param(now, Persister.bindType(parentUpdatedAt))
                .append(" WHERE ");
        List<Attribute> keys = parent.metadata().keys();
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "" : " AND ").identifier(keys.get(i).column()).append(" = ")
                    .param(state.original(keys.get(i)), Persister.bindType(keys.get(i)));
        }
        context.database().withHandle(h -> sql.bindTo(h.createUpdate(sql.sql())).execute());
        Object before = parentUpdatedAt.read(parent);
        Object cleanBefore = state.original(parentUpdatedAt);
        boolean wasDirty = state.isDirty(parent, parentUpdatedAt);
        if (!wasDirty) {
            parentUpdatedAt.write(parent, now); // an unsaved value of the caller's own is left to their save
        }
        state.markCleanValue(parentUpdatedAt, now);
        context.database().onRollback(() -> {
            parentUpdatedAt.write(parent, before);
            state.markCleanValue(parentUpdatedAt, cleanBefore);
        });
    }

    /** One UPDATE (per chunk of keys) of the related rows the operation attached, detached or updated. */
    private void touchRelated(PivotEvent event) {
        Set<List<Object>> touched = new LinkedHashSet<>();
        event.attached().stream().map(PivotRow::relatedId).map(this::keyValues).forEach(touched::add);
        event.detached().stream().map(PivotRow::relatedId).map(this::keyValues).forEach(touched::add);
        event.updated().stream().map(PivotRowUpdate::relatedId).map(this::keyValues).forEach(touched::add);
        Object now = Persister.timestampFor(relatedUpdatedAt, context.clock());
        List<String> columns = relatedKeys.stream().map(Attribute::column).toList();
        List<Type> types = relatedKeys.stream().map(Persister::bindType).toList();
        List<List<Object>> all = new ArrayList<>(touched);
        int perStatement = Math.max(1, context.database().dialect().keysPerStatement() / columns.size());
        for (int from = 0; from < all.size(); from += perStatement) {
            SqlBuilder sql = new SqlBuilder(context.database().dialect()).append("UPDATE ").identifier(related.table())
                    .append(" SET ").identifier(relatedUpdatedAt.column()).append(" = ")
                    .param(now, Persister.bindType(relatedUpdatedAt)).append(" WHERE ");
            sql.tupleIn(columns, all.subList(from, Math.min(all.size(), from + perStatement)), types);
            context.database().withHandle(h -> sql.bindTo(h.createUpdate(sql.sql())).execute());
        }
    }

    private List<Object> keyValues(Object relatedId) {
        if (relatedId instanceof Key key) {
            return relatedKeys.stream().map(k -> key.parts().get(k.name())).toList();
        }
        return java.util.Collections.singletonList(relatedId);
    }
}
