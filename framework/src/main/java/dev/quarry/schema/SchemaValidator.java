package dev.quarry.schema;

import dev.quarry.QuarryException;
import dev.quarry.entity.Attribute;
import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.EntityMetadata;
import dev.quarry.entity.EntityRegistry;
import dev.quarry.entity.RelationMethod;
import dev.quarry.inject.QuarryConfig;
import dev.quarry.internal.EntityContext;
import dev.quarry.relation.BelongsTo;
import dev.quarry.relation.BelongsToMany;
import dev.quarry.relation.BelongsToManyTable;
import dev.quarry.relation.HasOneOrMany;
import dev.quarry.relation.PivotTable;
import dev.quarry.relation.PolymorphicBelongsTo;
import dev.quarry.relation.PolymorphicHasMany;
import dev.quarry.relation.Relationship;
import dev.quarry.sql.CannotConnectException;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Compares every registered entity and relation declaration with the live schema, through JDBC's
 * {@link java.sql.DatabaseMetaData}: each entity's table; each attribute's column and whether its
 * type can hold the attribute's Java type (keys included); each relation's resolution (foreign and
 * owner keys name attributes) and, for many-to-many relations, the pivot table, its key columns
 * and their types, the {@code withPivot}/{@code @PivotColumns} columns and the pivot timestamps.
 * Every problem is collected; none stops the check.
 *
 * <p>{@code QuarryModule.builder().validateSchema()} runs it when the injector is created, after
 * the migrations. It can also be asked directly, for instance in a test:
 *
 * <pre>{@code
 * List<String> problems = injector.getInstance(SchemaValidator.class).problems();
 * assertEquals(List.of(), problems);
 * }</pre>
 *
 * <p>Names are compared exactly, because Quarry quotes them; a table or column whose name differs
 * only in case (an unquoted name that HSQLDB folded to upper case, or PostgreSQL to lower) is
 * named in the problem as the likely cause. Column types are compared leniently; see the table in
 * {@code docs/databases.md}.
 */
public final class SchemaValidator {
    private final EntityRegistry registry;
    private final EntityContext context;
    private final DataSource dataSource;
    private final String url;

    @Inject
    SchemaValidator(EntityRegistry registry, EntityContext context, DataSource dataSource, QuarryConfig config) {
        this.registry = registry;
        this.context = context;
        this.dataSource = dataSource;
        this.url = config.url();
    }

    /**
     * Checks every registered entity.
     *
     * @throws SchemaMismatchException listing every problem found
     */
    public void validate() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new SchemaMismatchException("the database at " + masked(url), problems);
        }
    }

    /** Every problem of every registered entity, in registration order; empty if the schema matches. */
    public List<String> problems() {
        return problems(registry.all());
    }

    /** Every problem of these entities only. */
    public List<String> problems(Collection<? extends EntityMetadata<?>> entities) {
        try (Connection connection = dataSource.getConnection()) {
            Catalog catalog = new Catalog(connection.getMetaData(), connection.getSchema());
            Set<String> problems = new LinkedHashSet<>();   // both sides of a pivot may find the same fault
            for (EntityMetadata<?> entity : entities) {
                check(entity, catalog, problems);
            }
            return List.copyOf(problems);
        } catch (SQLException e) {
            throw new CannotConnectException(url, e);
        }
    }

    private void check(EntityMetadata<?> entity, Catalog catalog, Set<String> problems) throws SQLException {
        String name = entity.baseName();
        Optional<Catalog.Table> table = requireTable(catalog, entity.table(), name + ": table \"" + entity.table() + "\"",
                "create it (in a migration), or name the entity's table with @Entity(table = \"...\")", problems);
        if (table.isPresent()) {
            for (Attribute attribute : entity.attributes()) {
                String what = attribute.isKey() ? "the key attribute " + attribute.name() : "the attribute " + attribute.name();
                requireColumn(table.get(), attribute.column(), attribute.type(), name + "." + attribute.name(), what,
                        "add the column, give the field the existing column's name with @Column(\"...\"), or mark it transient"
                                + " if it is not stored", problems);
            }
        }
        for (String relationName : entity.relationNames()) {
            RelationMethod method = entity.findRelation(relationName).orElseThrow();
            String where = name + "." + relationName;
            try {
                checkRelation(method.relationOf(blank(entity)), where, catalog, problems);
            } catch (QuarryException e) {
                problems.add(where + ": the relation cannot be resolved: " + firstLine(e.getMessage())
                        + "\nFix the relation method.");
            }
        }
    }

    /** Resolves the relation's keys (which throws if they name no attribute) and checks its pivot table. */
    private void checkRelation(Relationship<?> relation, String where, Catalog catalog, Set<String> problems) throws SQLException {
        if (relation instanceof BelongsToMany<?, ?> manyToMany) {
            checkPivot(manyToMany.pivotTable(), where, catalog, problems);
        } else if (relation instanceof BelongsToManyTable<?> table) {
            checkPivot(table.pivotTable(), where, catalog, problems);
        } else if (relation instanceof BelongsTo<?, ?> belongsTo) {
            belongsTo.foreignAttributes();
            belongsTo.ownerAttributes();
        } else if (relation instanceof HasOneOrMany<?, ?, ?> hasOneOrMany) {
            hasOneOrMany.localAttributes();
            hasOneOrMany.foreignAttributes();
            if (relation instanceof PolymorphicHasMany<?, ?> polymorphic) {
                polymorphic.typeAttribute();
            }
        } else if (relation instanceof PolymorphicBelongsTo<?> polymorphic) {
            polymorphic.typeAttribute();
            polymorphic.idAttribute();
        }
        // A relation through a chain resolved its links when it was made; each link is checked on its own entity.
    }

    private void checkPivot(PivotTable pivot, String where, Catalog catalog, Set<String> problems) throws SQLException {
        Optional<Catalog.Table> table = requireTable(catalog, pivot.table(), where + ": pivot table \"" + pivot.table() + "\"",
                "create it (in a migration), or name the existing one with table(\"...\") on the relation", problems);
        if (table.isEmpty()) {
            return;
        }
        for (int i = 0; i < pivot.foreignPivotKeys().size(); i++) {
            Attribute key = pivot.parentKeys().get(i);
            requireColumn(table.get(), pivot.foreignPivotKeys().get(i), key.type(), where,
                    "the foreign pivot key, holding the parent's " + key.name(),
                    "add the column, or name the existing one with foreignPivotKey(\"...\")", problems);
        }
        for (int i = 0; i < pivot.relatedPivotKeys().size(); i++) {
            Class<?> type = i < pivot.relatedKeys().size() ? pivot.relatedKeys().get(i).type() : Object.class;
            String holds = i < pivot.relatedKeys().size() ? ", holding the related " + pivot.relatedKeys().get(i).name() : "";
            requireColumn(table.get(), pivot.relatedPivotKeys().get(i), type, where, "the related pivot key" + holds,
                    "add the column, or name the existing one with relatedPivotKey(\"...\")", problems);
        }
        for (String column : pivot.columns()) {
            requireColumn(table.get(), column, Object.class, where, "declared by withPivot or @PivotColumns",
                    "add the column, or remove it from withPivot/@PivotColumns", problems);
        }
        if (pivot.hasTimestamps()) {
            for (String column : List.of(pivot.createdAt(), pivot.updatedAt())) {
                requireColumn(table.get(), column, Instant.class, where, "a timestamp of withTimestamps()",
                        "add the column, or remove withTimestamps()", problems);
            }
        }
    }

    private static Optional<Catalog.Table> requireTable(Catalog catalog, String table, String what, String fix,
                                                        Collection<String> problems) throws SQLException {
        Optional<Catalog.Table> found = catalog.table(table);
        if (found.isEmpty()) {
            String schema = catalog.schemaOf(table);
            Optional<String> cased = catalog.tableDifferingInCase(table);
            problems.add(what + " does not exist" + (schema == null ? "" : " in schema " + schema) + cased.map(c ->
                    "; there is \"" + c + "\", which differs only in case. Quarry quotes names, so their case must match:"
                            + " rename the table to \"" + table + "\" (create it with the name quoted), or declare \"" + c + "\"")
                    .orElse(".\nFix: " + fix) + ".");
        }
        return found;
    }

    private static void requireColumn(Catalog.Table table, String column, Class<?> type, String where, String what, String fix,
                                      Collection<String> problems) {
        Catalog.Column found = table.columns().get(column);
        if (found == null) {
            Optional<String> cased = table.columnDifferingInCase(column);
            problems.add(where + ": table \"" + table.name() + "\" has no column \"" + column + "\" (" + what + ")"
                    + cased.map(c -> "; there is \"" + c + "\", which differs only in case. Quarry quotes names, so their case"
                            + " must match: rename the column to \"" + column + "\", or declare \"" + c + "\"")
                    .orElse(".\nFix: " + fix) + ".");
            return;
        }
        if (!ColumnTypes.compatible(type, found.jdbcType())) {
            problems.add(where + ": column \"" + table.name() + "\".\"" + column + "\" (" + what + ") is " + found.typeName()
                    + ", which cannot hold the declared " + type.getSimpleName() + ".\nFix: change the column to "
                    + ColumnTypes.suggestedColumn(type) + ", or the Java type to one the column holds.");
        }
    }

    /** An entity without a row, whose relation methods declare the relations. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private BaseEntity<?> blank(EntityMetadata<?> entity) {
        return (BaseEntity<?>) context.newInstance((EntityMetadata) entity);
    }

    private static String firstLine(String message) {
        String text = message.startsWith("[Quarry/") ? message.substring(message.indexOf(']') + 2) : message;
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String masked(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1****");
    }
}
