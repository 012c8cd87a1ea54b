package dev.quarry.it.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.entity.EntityMetadata;
import dev.quarry.entity.EntityRegistry;
import dev.quarry.inject.QuarryModule;
import dev.quarry.it.support.TestDatabases;
import dev.quarry.relation.BelongsToMany;
import dev.quarry.relation.PivotColumns;
import dev.quarry.schema.SchemaMismatchException;
import dev.quarry.schema.SchemaValidator;
import dev.quarry.sql.Database;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The opt-in start-up check of the schema (validateSchema): a matching schema starts, a schema with
 * several problems fails creating the injector with all of them in one SchemaMismatchException.
 */
class SchemaValidationIT {
    private final List<Injector> injectors = new ArrayList<>();
    private String url;

    // ---- a small model, whose schema each test creates (or gets wrong) by hand ------------------

    @Entity(value = "Widget", module = "schema", table = "widgets")
    static class Widget extends BaseEntity<Widget> {
        Long id;
        String name;
        Integer weight;

        @PivotColumns("addedBy")
        public BelongsToMany<Widget, Label> labels() {
            return belongsToMany(Label.class).withTimestamps();
        }
    }

    @Entity(value = "Label", module = "schema", table = "labels")
    static class Label extends BaseEntity<Label> {
        Long id;
        String text;
    }

    @Entity(value = "Gadget", module = "schema", table = "gadgets")
    static class Gadget extends BaseEntity<Gadget> {
        Long id;
    }

    @Entity(value = "Note", module = "schema", table = "notes")
    static class Note extends BaseEntity<Note> {
        Long id;
        String title;
        String body;
    }

    @Entity(value = "Item", module = "schema", table = "inventory.items")
    static class Item extends BaseEntity<Item> {
        Long id;
        String sku;
    }

    @Entity(value = "Sprocket", module = "schema", table = "Sprockets")
    static class Sprocket extends BaseEntity<Sprocket> {
        Long id;
    }

    private static final String LABELS = "CREATE TABLE \"labels\" (\"id\" BIGINT PRIMARY KEY, \"text\" VARCHAR(50))";
    private static final String WIDGETS = "CREATE TABLE \"widgets\" (\"id\" BIGINT PRIMARY KEY, \"name\" VARCHAR(50), \"weight\" INTEGER)";
    private static final String PIVOT = "CREATE TABLE \"labels_widgets\" (\"widgetId\" BIGINT, \"labelId\" BIGINT, "
            + "\"addedBy\" VARCHAR(50), \"createdAt\" TIMESTAMP, \"updatedAt\" TIMESTAMP)";

    @BeforeEach
    void emptyDatabase() {
        url = TestDatabases.createEmpty("SchemaValidationIT");
    }

    @AfterEach
    void dropDatabase() {
        injectors.forEach(injector -> injector.getInstance(Database.class).close());
        TestDatabases.drop(url);
    }

    private QuarryModule.Builder widgets() {
        return QuarryModule.builder().url(url).withoutIndex().entity(Widget.class).entity(Label.class).validateSchema();
    }

    private Injector start(QuarryModule.Builder builder) {
        Injector injector = Guice.createInjector(builder.build());
        injectors.add(injector);
        return injector;
    }

    private SchemaMismatchException failure(QuarryModule.Builder builder) {
        CreationException e = assertThrows(CreationException.class, () -> start(builder));
        return assertInstanceOf(SchemaMismatchException.class, e.getCause());
    }

    private void execute(String... statements) {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    // ---- a matching schema --------------------------------------------------------------------

    @Test
    void everyModelEntityMatchesTheTestSchema() {
        // Without validateSchema: many tests declare entities of their own that deliberately have no table.
        Injector injector = start(QuarryModule.builder().url(url).migrations(TestDatabases.MIGRATIONS));
        List<EntityMetadata<?>> models = injector.getInstance(EntityRegistry.class).all().stream()
                .filter(entity -> entity.type().getPackageName().equals("dev.quarry.it.model")).toList();

        assertTrue(models.size() >= 21, "the model entities: " + models);
        assertEquals(List.of(), injector.getInstance(SchemaValidator.class).problems(models));
    }

    @Test
    void aMatchingSchemaStarts() {
        execute(LABELS, WIDGETS, PIVOT);

        Injector injector = start(widgets());

        assertEquals(List.of(), injector.getInstance(SchemaValidator.class).problems());
    }

    @Test
    void withoutValidateSchemaAMissingTableDoesNotStopTheStart() {
        start(QuarryModule.builder().url(url).withoutIndex().entity(Gadget.class));
    }

    // ---- a schema with problems ---------------------------------------------------------------

    @Test
    void everyProblemIsReportedAtOnceNumberedInOneException() {
        execute(LABELS,
                "CREATE TABLE \"widgets\" (\"id\" BIGINT PRIMARY KEY, \"name\" INTEGER)",
                "CREATE TABLE \"labels_widgets\" (\"widgetId\" BIGINT, \"labelId\" BIGINT, \"createdAt\" TIMESTAMP, \"updatedAt\" TIMESTAMP)");

        SchemaMismatchException e = failure(widgets().entity(Gadget.class));

        assertEquals(4, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith("Widget.name: column \"widgets\".\"name\" (the attribute name) is "),
                e.problems().get(0));
        assertTrue(e.problems().get(0).contains("which cannot hold the declared String.\nFix: change the column to VARCHAR"),
                e.problems().get(0));
        assertTrue(e.problems().get(1).startsWith("Widget.weight: table \"widgets\" has no column \"weight\" (the attribute weight)."),
                e.problems().get(1));
        assertTrue(e.problems().get(2).startsWith("Widget.labels: table \"labels_widgets\" has no column \"addedBy\" "
                + "(declared by withPivot or @PivotColumns).\nFix: add the column, or remove it from withPivot/@PivotColumns."),
                e.problems().get(2));
        assertTrue(e.problems().get(3).startsWith("Gadget: table \"gadgets\" does not exist"), e.problems().get(3));
        assertTrue(e.getMessage().startsWith("[Quarry/SchemaMismatch] The schema of the database at " + url
                + " does not match 4 declarations"), e.getMessage());
        assertTrue(e.getMessage().contains("\n\n  1) Widget.name: ") && e.getMessage().contains("\n\n  4) Gadget: "), e.getMessage());
    }

    @Test
    void aMissingPivotTableAndAPivotKeyOfTheWrongTypeAreProblemsOfTheRelation() {
        execute(LABELS, WIDGETS);

        SchemaMismatchException e = failure(widgets());

        assertEquals(List.of("Widget.labels: pivot table \"labels_widgets\" does not exist in schema " + schema()
                + ".\nFix: create it (in a migration), or name the existing one with table(\"...\") on the relation."), e.problems());
    }

    @Test
    void aPivotKeyColumnThatCannotHoldTheKeyIsAProblem() {
        execute(LABELS, WIDGETS, "CREATE TABLE \"labels_widgets\" (\"widgetId\" BOOLEAN, \"labelId\" BIGINT, "
                + "\"addedBy\" VARCHAR(50), \"createdAt\" TIMESTAMP, \"updatedAt\" TIMESTAMP)");

        SchemaMismatchException e = failure(widgets());

        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith("Widget.labels: column \"labels_widgets\".\"widgetId\" (the foreign pivot key,"
                + " holding the parent's id) is "), e.problems().get(0));
        assertTrue(e.problems().get(0).contains("cannot hold the declared Long"), e.problems().get(0));
    }

    @Test
    void aTableWhoseNameDiffersOnlyInCaseIsNamedAsTheLikelyCause() {
        execute("CREATE TABLE sprockets (id BIGINT PRIMARY KEY)");   // unquoted: SPROCKETS on HSQLDB, sprockets on PostgreSQL
        String folded = TestDatabases.postgres() ? "sprockets" : "SPROCKETS";

        SchemaMismatchException e = failure(QuarryModule.builder().url(url).withoutIndex().entity(Sprocket.class).validateSchema());

        assertEquals(List.of("Sprocket: table \"Sprockets\" does not exist in schema " + schema() + "; there is \"" + folded
                + "\", which differs only in case. Quarry quotes names, so their case must match: rename the table to"
                + " \"Sprockets\" (create it with the name quoted), or declare \"" + folded + "\"."), e.problems());
    }

    @Test
    void aFailedCheckClosesTheConnectionsItOpenedAndCreatesNoInjector() {
        execute(LABELS, WIDGETS);
        ClosingDataSource dataSource = new ClosingDataSource(url);

        CreationException e = assertThrows(CreationException.class, () -> Guice.createInjector(
                Modules.override(widgets().build()).with(binder -> binder.bind(DataSource.class).toInstance(dataSource))));

        assertInstanceOf(SchemaMismatchException.class, e.getCause());
        assertTrue(dataSource.closed, "the data source (the pool, in production) must be closed");
    }

    @Test
    void theCheckRunsAfterTheMigrationsItFollows() {
        Injector injector = start(QuarryModule.builder().url(url).withoutIndex().entity(Note.class)
                .migrations("classpath:db/it-migrations/notes").validateSchema());

        assertEquals(List.of(), injector.getInstance(SchemaValidator.class).problems());
    }

    @Test
    void aSchemaQualifiedTableIsLookedUpInItsOwnSchema() {
        execute("CREATE SCHEMA \"inventory\"", "CREATE TABLE \"inventory\".\"items\" (\"id\" BIGINT PRIMARY KEY)");

        SchemaMismatchException e = failure(QuarryModule.builder().url(url).withoutIndex().entity(Item.class).validateSchema());

        assertEquals(List.of("Item.sku: table \"items\" has no column \"sku\" (the attribute sku).\nFix: add the column, give the"
                + " field the existing column's name with @Column(\"...\"), or mark it transient if it is not stored."), e.problems());
    }

    private static String schema() {
        return TestDatabases.postgres() ? "public" : "PUBLIC";
    }

    /** A data source that opens a connection per use and records whether it was closed. */
    private static final class ClosingDataSource implements DataSource, AutoCloseable {
        private final String url;
        volatile boolean closed;

        ClosingDataSource(String url) {
            this.url = url;
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return DriverManager.getConnection(url, username, password);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
