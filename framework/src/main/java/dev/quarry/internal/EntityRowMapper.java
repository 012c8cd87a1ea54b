package dev.quarry.internal;

import dev.quarry.entity.Attribute;
import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.EntityMetadata;
import java.lang.reflect.Type;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
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
        List<Attribute> attributes = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<ColumnMapper<?>> mappers = new ArrayList<>();
        List<String> extraLabels = new ArrayList<>();
        List<Integer> extraPositions = new ArrayList<>();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            String label = columns.getColumnLabel(i);
            Attribute attribute = attributeFor(label);
            if (attribute != null && !attributes.contains(attribute)) {
                attributes.add(attribute);
                positions.add(i);
                mappers.add(mapperFor(attribute, ctx));
            } else {
                extraLabels.add(label);
                extraPositions.add(i);
            }
        }
        String[] extras = extraLabels.toArray(String[]::new);
        int[] extraIndex = extraPositions.stream().mapToInt(Integer::intValue).toArray();
        Attribute[] attrs = attributes.toArray(Attribute[]::new);
        int[] index = positions.stream().mapToInt(Integer::intValue).toArray();
        ColumnMapper<?>[] columnMappers = mappers.toArray(ColumnMapper<?>[]::new);
        boolean postLoad = context.events().wants(metadata.type(), "postLoad");
        return (row, statementContext) -> {
            T entity = newEntity();
            for (int i = 0; i < attrs.length; i++) {
                attrs[i].write(entity, columnMappers[i].map(row, index[i], statementContext));
            }
            EntityState<T> state = EntityAccess.state(entity);
            if (extras.length > 0) {
                Map<String, Object> values = new HashMap<>(extras.length * 2);
                for (int i = 0; i < extras.length; i++) {
                    values.put(extras[i], row.getObject(extraIndex[i]));
                }
                state.setExtras(values);
            }
            state.markLoaded(entity, true);
            if (postLoad) {
                context.events().fire("postLoad", entity);
            }
            return entity;
        };
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
