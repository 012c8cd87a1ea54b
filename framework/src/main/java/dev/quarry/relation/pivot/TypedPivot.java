package dev.quarry.relation.pivot;

import dev.quarry.entity.Attribute;
import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.EntityMetadata;
import dev.quarry.entity.InvalidValueException;
import dev.quarry.internal.EntityAccess;
import dev.quarry.internal.EntityContext;
import dev.quarry.internal.ValueConverter;
import dev.quarry.validation.PivotValidationException;
import dev.quarry.validation.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pivot entity of a relation declared with {@code using(RoleUser.class)}: what it does to
 * the pivot rows an operation writes. Attribute values are converted to the entity's types (its
 * casts), each inserted row is built as the entity, passes its {@code preSave}/{@code preInsert}
 * handlers and its constraints, and is written with the values the entity then holds; updated
 * values are checked against the constraints of their attributes.
 *
 * @param <E> the pivot entity
 */
public final class TypedPivot<E extends BaseEntity<E>> {
    private final EntityContext context;
    private final EntityMetadata<E> metadata;
    private final String operation;
    private final String relation;

    /** For one operation on {@code relation} (e.g. {@code User.roles}). */
    public TypedPivot(EntityContext context, EntityMetadata<E> metadata, String operation, String relation) {
        this.context = context;
        this.metadata = metadata;
        this.operation = operation;
        this.relation = relation;
    }

    /** The pivot entity's mapping name. */
    public String name() {
        return metadata.name();
    }

    /**
     * The given pivot attributes by column, each converted to its attribute's type. Names may be
     * attribute names or column names.
     *
     * @throws PivotValidationException naming the related id, for a value that cannot be converted
     */
    Map<String, Object> columns(Object relatedId, Map<String, Object> attributes) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (Map.Entry<String, Object> given : attributes.entrySet()) {
            Optional<Attribute> attribute = attribute(given.getKey());
            if (attribute.isEmpty()) {
                columns.put(given.getKey(), given.getValue()); // a pivot column the entity does not map
                continue;
            }
            try {
                columns.put(attribute.get().column(), ValueConverter.convert(given.getValue(), attribute.get(), metadata.name()));
            } catch (InvalidValueException e) {
                throw refused(relatedId, List.of(new Violation(attribute.get().name(), "cannot be converted to "
                        + attribute.get().type().getSimpleName(), given.getValue())));
            }
        }
        return columns;
    }

    /**
     * The row to insert: {@code row} (by column) built as the pivot entity, passed through its
     * "pre" handlers and constraints, and read back by column.
     */
    Built<E> inserted(Object relatedId, Map<String, Object> row) {
        E entity = context.newInstance(metadata);
        Map<String, Object> unmapped = new LinkedHashMap<>();
        row.forEach((column, value) -> {
            Optional<Attribute> attribute = metadata.findAttributeByColumn(column);
            if (attribute.isPresent()) {
                attribute.get().write(entity, ValueConverter.convert(value, attribute.get(), metadata.name()));
            } else {
                unmapped.put(column, value);
            }
        });
        context.events().fire("preSave", entity);
        context.events().fire("preInsert", entity);
        List<Violation> violations = context.validator().validate(entity);
        if (!violations.isEmpty()) {
            throw refused(relatedId, violations);
        }
        Map<String, Object> values = new LinkedHashMap<>(unmapped);
        for (Attribute attribute : metadata.attributes()) {
            Object value = attribute.read(entity);
            if (value != null || row.containsKey(attribute.column())) { // a column left out gets its default
                values.put(attribute.column(), value);
            }
        }
        return new Built<>(entity, values);
    }

    /** After its INSERT: the entity is loaded, and its "post" handlers run. */
    void insertedRow(E entity) {
        EntityAccess.state(entity).markLoaded(entity, true);
        context.events().fire("postInsert", entity);
        context.events().fire("postSave", entity);
    }

    /** Checks updated values (by column) against the constraints of their attributes. */
    void checkUpdate(Object relatedId, Map<String, Object> columns) {
        Map<String, Object> byAttribute = new LinkedHashMap<>();
        columns.forEach((column, value) -> metadata.findAttributeByColumn(column)
                .ifPresent(attribute -> byAttribute.put(attribute.name(), value)));
        List<Violation> violations = context.validator().validateValues(metadata.type(), byAttribute);
        if (!violations.isEmpty()) {
            throw refused(relatedId, violations);
        }
    }

    private Optional<Attribute> attribute(String name) {
        return metadata.findAttribute(name).or(() -> metadata.findAttributeByColumn(name));
    }

    private PivotValidationException refused(Object relatedId, List<Violation> violations) {
        return new PivotValidationException(operation, relation, metadata.name(), relatedId, violations);
    }

    /** A row built as the pivot entity, and the column values to insert. */
    record Built<E>(E entity, Map<String, Object> values) {
    }
}
