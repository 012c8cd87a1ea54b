package dev.quarry.internal;

import dev.quarry.entity.Attribute;
import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.EntityMetadata;
import java.lang.reflect.Type;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.NoSuchMapperException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Turns rows into entities. The columns of a result set are matched to attributes once per
 * result set ({@link #specialize}), so each row costs one constructor call and one field write
 * per column.
 */
public final class EntityRowMapper<T extends BaseEntity<T>> implements RowMapper<T> {
    private final EntityContext context;
    private final EntityMetadata<T> metadata;

    public EntityRowMapper(EntityContext context, EntityMetadata<T> metadata) {
        this.context = context;
        this.metadata = metadata;
    }

    @Override
    public T map(ResultSet rs, StatementContext ctx) throws SQLException {
        return specialize(rs, ctx).map(rs, ctx);
    }

    @Override
    public RowMapper<T> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
        ResultSetMetaData columns = rs.getMetaData();
        List<String> labels = new ArrayList<>(columns.getColumnCount());
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            labels.add(columns.getColumnLabel(i));
        }
        // The same query shape gives the same labels: match them to attributes once per injector.
        Plan plan = context.derived(new PlanKey(metadata, labels), key -> plan(key.labels(), ctx));
        Attribute[] attrs = plan.attributes;
        int[] index = plan.positions;
        ColumnMapper<?>[] columnMappers = plan.mappers;
        String[] extras = plan.extraLabels;
        int[] extraIndex = plan.extraPositions;
        // With every attribute selected, the values just mapped are the clean snapshot: no read-back.
        boolean complete = attrs.length == metadata.attributes().size();
        boolean postLoad = context.events().wants(metadata.type(), "postLoad");
        return (row, statementContext) -> {
            T entity = newEntity();
            Object[] snapshot = complete ? new Object[attrs.length] : null;
            for (int i = 0; i < attrs.length; i++) {
                Object value = columnMappers[i].map(row, index[i], statementContext);
                attrs[i].write(entity, value);
                if (complete) {
                    snapshot[attrs[i].index()] = value == null && attrs[i].isPrimitive() ? attrs[i].read(entity) : value;
                }
            }
            EntityState<T> state = EntityAccess.state(entity);
            if (extras.length > 0) {
                Object[] values = new Object[extras.length];
                for (int i = 0; i < extras.length; i++) {
                    values[i] = row.getObject(extraIndex[i]);
                }
                state.setExtraRow(extras, values);
            }
            if (complete) {
                state.markRead(snapshot);
            } else {
                state.markLoaded(entity, true);
            }
            if (postLoad) {
                context.events().fire("postLoad", entity);
            }
            return entity;
        };
    }

    private Plan plan(List<String> labels, StatementContext ctx) {
        List<Attribute> attributes = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<ColumnMapper<?>> mappers = new ArrayList<>();
        List<String> extraLabels = new ArrayList<>();
        List<Integer> extraPositions = new ArrayList<>();
        for (int i = 1; i <= labels.size(); i++) {
            String label = labels.get(i - 1);
            Attribute attribute = attributeFor(label);
            if (attribute != null && !attributes.contains(attribute)) {
                attributes.add(attribute);
                positions.add(i);
                mappers.add(mapperFor(attribute, ctx));
            } else if (extraLabels.contains(label)) {
                extraPositions.set(extraLabels.indexOf(label), i); // the last column of a label wins, as a map put would
            } else {
                extraLabels.add(label);
                extraPositions.add(i);
            }
        }
        return new Plan(attributes.toArray(Attribute[]::new), positions.stream().mapToInt(Integer::intValue).toArray(),
                mappers.toArray(ColumnMapper<?>[]::new), extraLabels.toArray(String[]::new),
                extraPositions.stream().mapToInt(Integer::intValue).toArray());
    }

    private record PlanKey(EntityMetadata<?> entity, List<String> labels) {}

    /**
     * Which column feeds which attribute through which JDBI column mapper, and which columns are
     * extras; the arrays are shared by every query of the same shape and never written.
     */
    private static final class Plan {
        final Attribute[] attributes;
        final int[] positions;
        final ColumnMapper<?>[] mappers;
        final String[] extraLabels;
        final int[] extraPositions;

        Plan(Attribute[] attributes, int[] positions, ColumnMapper<?>[] mappers, String[] extraLabels, int[] extraPositions) {
            this.attributes = attributes;
            this.positions = positions;
            this.mappers = mappers;
            this.extraLabels = extraLabels;
            this.extraPositions = extraPositions;
        }
    }

    private T newEntity() {
        if (metadata.needsInjection()) {
            return context.newInstance(metadata);
        }
        T entity = metadata.construct();
        EntityAccess.attach(entity, new EntityState<>(context, metadata));
        return entity;
    }

    private Attribute attributeFor(String label) {
        Attribute exact = metadata.findAttributeByColumn(label).orElse(null);
        if (exact != null) {
            return exact;
        }
        String lower = label.toLowerCase(Locale.ROOT);
        for (Attribute attribute : metadata.attributes()) {
            if (attribute.column().toLowerCase(Locale.ROOT).equals(lower)) {
                return attribute;
            }
        }
        return null;
    }

    /** The JDBI column mapper for an attribute's type; JDBI's registry is how apps add their own types. */
    public static ColumnMapper<?> mapperFor(Attribute attribute, StatementContext ctx) {
        Type type = attribute.isPrimitive() ? attribute.type() : attribute.genericType();
        return ctx.findColumnMapperFor(type).orElseThrow(() -> new NoSuchMapperException(
                "No JDBI column mapper for " + type.getTypeName() + " (attribute " + attribute.name() + ")"));
    }
}
