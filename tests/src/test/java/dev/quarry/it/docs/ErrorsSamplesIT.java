package dev.quarry.it.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import dev.quarry.Entities;
import dev.quarry.QuarryException;
import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.DetachedEntityException;
import dev.quarry.entity.EntityNotFoundException;
import dev.quarry.entity.GuardedAttributeException;
import dev.quarry.entity.InvalidEntityException;
import dev.quarry.entity.InvalidValueException;
import dev.quarry.entity.UnknownAttributeException;
import dev.quarry.entity.UnknownEntityException;
import dev.quarry.entity.UnsavedEntityException;
import dev.quarry.inject.InvalidConfigurationException;
import dev.quarry.inject.QuarryConfig;
import dev.quarry.inject.PoolSettings;
import dev.quarry.inject.QuarryModule;
import dev.quarry.migration.MigrationFailedException;
import dev.quarry.it.model.Country;
import dev.quarry.it.model.Membership;
import dev.quarry.it.model.Person;
import dev.quarry.it.model.Post;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.it.support.TestDatabases;
import dev.quarry.query.InvalidQueryException;
import dev.quarry.query.UnknownScopeException;
import dev.quarry.relation.InvalidRelatedIdException;
import dev.quarry.relation.LazyLoadingPreventedException;
import dev.quarry.relation.InvalidRelationException;
import dev.quarry.relation.NoPivotException;
import dev.quarry.relation.UnknownPivotColumnException;
import dev.quarry.relation.UnknownRelationException;
import dev.quarry.sql.CannotConnectException;
import dev.quarry.sql.DataIntegrityException;
import dev.quarry.sql.Database;
import dev.quarry.sql.InvalidIdentifierException;
import dev.quarry.sql.StatementFailedException;
import dev.quarry.sql.dialect.UnsupportedDatabaseException;
import dev.quarry.validation.EntityValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The samples of docs/errors.md, and a check that the page has a section for every error id. */
class ErrorsSamplesIT extends DatabaseTest {
    private static final List<Pattern> ID_PATTERNS = List.of(
            Pattern.compile("super\\(\"([A-Z][A-Za-z]+)\""),
            Pattern.compile("this\\(\"([A-Z][A-Za-z]+)\""),
            Pattern.compile("\\[Quarry/([A-Z][A-Za-z]+)\\]"),
            Pattern.compile("error\\(\\w+, \"([A-Z][A-Za-z]+)\""));
    private static final String PAGE = DocPage.read("errors.md");

    /** An entity without a key, registered by hand to provoke InvalidEntity. */
    static class Draft extends BaseEntity<Draft> {
        private String title;

        Draft setTitle(String title) {
            this.title = title;
            return this;
        }
    }

    /** Throws, checks the id and the message's start, and checks the page documents the id with this example. */
    private <E extends QuarryException> E expect(Class<E> type, String id, String messageStart, Executable call) {
        E e = assertThrows(type, call);
        assertEquals(id, e.errorId());
        assertTrue(e.getMessage().startsWith("[Quarry/" + id + "] " + messageStart), e.getMessage());
        assertTrue(e.getMessage().endsWith("\n  Learn more: docs/errors.md#" + id.toLowerCase(Locale.ROOT)), e.getMessage());
        assertTrue(PAGE.contains("[Quarry/" + id + "] " + messageStart) || PAGE.contains(messageStart),
                "errors.md shows the example message of " + id + ": " + messageStart);
        return e;
    }

    @Test
    void catchingByErrorId() {
        long id = 999;
        RecordingLog log = new RecordingLog();

        // snippet:start errors-catching-by-id
        try {
            entities.get(User.class).findOrFail(id);
        } catch (QuarryException e) {
            log.warn("{}: {}", e.errorId(), e.getMessage());   // "EntityNotFound: ..."
        }
        // snippet:end

        assertEquals(1, log.lines.size(), log.lines::toString);
        assertTrue(log.lines.get(0).startsWith("EntityNotFound: [Quarry/EntityNotFound]"), log.lines::toString);
    }

    /** Stands in for an SLF4J logger in the sample: keeps what it is given, with {} replaced in order. */
    private static final class RecordingLog {
        final List<String> lines = new ArrayList<>();

        void warn(String format, Object... args) {
            String line = format;
            for (Object arg : args) {
                line = line.replaceFirst("\\{}", java.util.regex.Matcher.quoteReplacement(String.valueOf(arg)));
            }
            lines.add(line);
        }
    }

    @Test
    void everyErrorIdHasASectionAndEverySectionAnId() throws IOException {
        Path sources = Path.of("..", "framework", "src", "main", "java");
        TreeSet<String> ids = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                for (Pattern pattern : ID_PATTERNS) {
                    Matcher m = pattern.matcher(source);
                    while (m.find()) {
                        ids.add(m.group(1));
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        TreeSet<String> sections = new TreeSet<>(DocPage.headings(PAGE, 2));
        sections.remove("Compile-time errors");

        assertTrue(ids.size() >= 25, ids.toString());
        assertEquals(ids, sections);
    }

    @Test
    void theIdTableListsEveryRuntimeId() {
        for (String id : List.of("UnknownEntity", "UnknownAttribute", "EntityNotFound", "InvalidEntity", "GuardedAttribute",
                "InvalidValue", "DetachedEntity", "UnsavedEntity", "InvalidIdentifier", "InvalidQuery", "UnknownScope",
                "StatementFailed", "DataIntegrity", "UnsupportedDatabase", "InvalidConfiguration", "EntityValidation")) {
            assertTrue(PAGE.contains("| [" + id + "](#" + id.toLowerCase(Locale.ROOT) + ") |"), id);
        }
    }

    @Test
    void unknownEntity() {
        expect(UnknownEntityException.class, "UnknownEntity", "No entity is registered as 'Usr'.\n  Did you mean User, User@blog?",
                () -> entities.get("Usr"));
    }

    @Test
    void unknownAttribute() {
        expect(UnknownAttributeException.class, "UnknownAttribute", "Entity User has no attribute 'emial'.\n  Did you mean email?",
                () -> entities.get(User.class).where("emial", "x"));
        expect(UnknownAttributeException.class, "UnknownAttribute", "Entity User has no attribute 'emial'.",
                () -> entities.get(User.class).fill(Map.of("emial", "x")));
    }

    @Test
    void entityNotFound() {
        User users = entities.get(User.class);
        expect(EntityNotFoundException.class, "EntityNotFound", "No User was found with key '999'.", () -> users.findOrFail(999));
        expect(EntityNotFoundException.class, "EntityNotFound", "No User was found matching \"users\".\"name\" = ? with [nobody].",
                () -> users.where("name", "nobody").firstOrFail());

        User ada = users.create(Map.of("email", "ada@example.com"));
        User stale = users.findOrFail(ada.getId());
        ada.delete();
        String key = "[id = " + stale.getId() + "]";
        EntityNotFoundException update = assertThrows(EntityNotFoundException.class, () -> stale.setName("x").save());
        assertTrue(update.getMessage().startsWith("[Quarry/EntityNotFound] No User was found to update with key " + key
                + ": its row was deleted since it was read."), update.getMessage());
        EntityNotFoundException refresh = assertThrows(EntityNotFoundException.class, stale::refresh);
        assertTrue(refresh.getMessage().startsWith("[Quarry/EntityNotFound] No User was found to refresh with key " + key + "."),
                refresh.getMessage());
        assertEquals("User", refresh.entityName());
    }

    @Test
    void invalidEntity() {
        CreationException wrapped = assertThrows(CreationException.class, () -> Guice.createInjector(
                QuarryModule.builder().url(url).withoutIndex().entity(Draft.class).build()));
        InvalidEntityException e = assertInstanceOf(InvalidEntityException.class, wrapped.getCause());
        assertEquals("InvalidEntity", e.errorId());
        assertTrue(e.getMessage().startsWith("[Quarry/InvalidEntity] An entity declaration is invalid:\n  1) "), e.getMessage());
        assertTrue(e.problems().get(0).endsWith("has no key attribute: add a field `Long id`, or mark the key field(s) with @Id."));
        assertTrue(PAGE.contains("has no key attribute: add a field `Long id`, or mark the key field(s) with @Id."));
        assertEquals("x", new Draft().setTitle("x").title);
    }

    @Test
    void twoEntitiesWithOneMappingName() {
        CreationException wrapped = assertThrows(CreationException.class, () -> Guice.createInjector(
                QuarryModule.builder().url(url).entity(Country.class, "User").build()));
        InvalidEntityException e = assertInstanceOf(InvalidEntityException.class, wrapped.getCause());
        assertTrue(e.getMessage().contains("are both mapped as User"), e.getMessage());
    }

    @Test
    void guardedAttribute() {
        expect(GuardedAttributeException.class, "GuardedAttribute",
                "Attribute admin of User is guarded, so fill/create/update may not set it; nothing was changed.",
                () -> entities.get(User.class).fill(Map.of("name", "x", "admin", true)));
        GuardedAttributeException key = assertThrows(GuardedAttributeException.class,
                () -> entities.get(User.class).create(Map.of("id", 5, "email", "ada@example.com")));
        assertTrue(key.getMessage().startsWith("[Quarry/GuardedAttribute] Attribute id of User is guarded"), key.getMessage());
        assertEquals(0, countRows("users"));
    }

    @Test
    void invalidValue() {
        expect(InvalidValueException.class, "InvalidValue", "The value 'x42' (String) cannot be used as age of User, which is Integer:",
                () -> entities.get(User.class).fill(Map.of("age", "x42")));
        expect(InvalidValueException.class, "InvalidValue",
                "The value '4.5' (Double) cannot be used as age of User, which is Integer: it has a fractional part",
                () -> entities.get(User.class).setAttribute("age", 4.5));
        Map<String, Object> nothing = new HashMap<>();
        nothing.put("published", null);
        expect(InvalidValueException.class, "InvalidValue",
                "The value null cannot be used as published of Post, which is Boolean: the field is a primitive boolean and cannot hold null",
                () -> entities.get(Post.class).fill(nothing));
        expect(InvalidValueException.class, "InvalidValue",
                "The value null cannot be used as code of Country, which is String: the key is assigned by the application,"
                        + " so set it before the first save",
                () -> entities.get(Country.class).setName("Nowhere").save());
        assertEquals(0, countRows("countries"));
    }

    @Test
    void detachedEntity() {
        expect(DetachedEntityException.class, "DetachedEntity",
                "This User was created with 'new', so it has no database to talk to.\n"
                        + "  Get entities from the container: entities.get(User.class), entities.get(\"User\") or an injected Provider<User>.",
                () -> new User().save());
    }

    @Test
    void unsavedEntity() {
        expect(UnsavedEntityException.class, "UnsavedEntity",
                "Cannot delete it: this User has not been saved, so it has no row yet. Call save() first.",
                () -> entities.get(User.class).delete());
        User ada = entities.get(User.class).create(Map.of("email", "ada@example.com"));
        ada.delete();
        assertThrows(UnsavedEntityException.class, ada::fresh);
    }

    @Test
    void invalidIdentifier() {
        InvalidIdentifierException e = expect(InvalidIdentifierException.class, "InvalidIdentifier",
                "The column name 'email\"; drop table users --' given to a query on User is not a valid SQL identifier, so no SQL was run.",
                () -> entities.get(User.class).where("email\"; drop table users --", "x"));
        assertEquals("email\"; drop table users --", e.identifier());
        assertEquals(0, statements.count());
    }

    @Test
    void invalidQuery() {
        User users = entities.get(User.class);
        Map<String, Executable> causes = new java.util.LinkedHashMap<>();
        causes.put("The operator 'between' in a where on User.age is not accepted. Use one of [=, <>, !=, <, <=, >, >=, like, not like].",
                () -> users.where("age", "between", 3));
        causes.put("where(age, >, null) on User compares with null, which never matches: use whereNull or whereNotNull.",
                () -> users.where("age", ">", null));
        causes.put("orderBy on User takes the direction asc or desc, not 'sideways'.", () -> users.orderBy("name", "sideways"));
        causes.put("limit on User must be 0 or more, not -1.", () -> users.query().limit(-1));
        causes.put("paginate on User takes a page from 1 and a page size from 1, not (0, 10).", () -> users.paginate(0, 10));
        causes.put("chunk on User takes a size from 1, not 0.", () -> users.chunk(0, rows -> { }));
        causes.put("delete() on User cannot honour a limit or offset; narrow the rows with where() instead.",
                () -> users.query().limit(1).delete());
        causes.put("whereIn(age, null) on User: pass a collection (an empty one matches no row).", () -> users.whereIn("age", null));
        causes.put("Scope olderThan of User takes [Integer] but was given [Long].", () -> users.scope("olderThan", 65L));
        causes.put("Membership has the composite key [userId, teamId]: pass Key.of(...) or a Map with a value for each of them, not '5'.",
                () -> entities.get(Membership.class).find(5));
        causes.forEach((message, call) -> {
            expect(InvalidQueryException.class, "InvalidQuery", message, call);
            assertTrue(PAGE.contains("| `" + message + "` |"), message);
        });
    }

    @Test
    void unknownScope() {
        UnknownScopeException e = expect(UnknownScopeException.class, "UnknownScope",
                "Entity User has no scope 'actve'.\n  Did you mean active?\n  Known scopes: active, ofRole, olderThan.",
                () -> entities.get(User.class).scope("actve"));
        assertInstanceOf(InvalidQueryException.class, e);
    }

    @Test
    void statementFailed() {
        execute("DROP TABLE \"people\"");
        if (TestDatabases.postgres()) {
            // The page shows HSQLDB's message (the embedded default); PostgreSQL's says the same its own way.
            StatementFailedException e = assertThrows(StatementFailedException.class, () -> entities.get(Person.class).count());
            assertEquals("StatementFailed", e.errorId());
            assertTrue(e.getMessage().contains("relation \"people\" does not exist"), e.getMessage());
            assertTrue(e.getMessage().contains("Hint: PostgreSQL folds unquoted names to lower case"), e.getMessage());
            assertEquals("42P01", e.sqlState().orElseThrow());
            return;
        }
        StatementFailedException e = expect(StatementFailedException.class, "StatementFailed",
                "The database failed a statement: user lacks privilege or object not found: people",
                () -> entities.get(Person.class).count());
        assertTrue(e.getMessage().contains("\n  Hint: HSQLDB folds unquoted names to UPPER CASE"), e.getMessage());
        assertTrue(e.getMessage().contains("\n  SQL: SELECT COUNT(*) FROM \"people\"\n"), e.getMessage());
        assertEquals("SELECT COUNT(*) FROM \"people\"", e.sql().orElseThrow());
        assertEquals("42501", e.sqlState().orElseThrow());
    }

    @Test
    void dataIntegrity() {
        entities.get(User.class).create(Map.of("email", "ada@example.com"));
        if (TestDatabases.postgres()) {
            DataIntegrityException e = assertThrows(DataIntegrityException.class,
                    () -> entities.get(User.class).create(Map.of("email", "ada@example.com")));
            assertTrue(e.getMessage().contains("duplicate key value violates unique constraint"), e.getMessage());
            assertEquals("23505", e.sqlState().orElseThrow());
            assertEquals(1, countRows("users"));
            return;
        }
        DataIntegrityException e = expect(DataIntegrityException.class, "DataIntegrity",
                "save of a new User failed: The database refused the write: integrity constraint violation: unique constraint or index violation",
                () -> entities.get(User.class).create(Map.of("email", "ada@example.com")));
        assertInstanceOf(StatementFailedException.class, e);
        assertTrue(e.getMessage().contains("\n  SQL: INSERT INTO \"users\" (\"email\") VALUES (?)"), e.getMessage());
        assertEquals(1, countRows("users"));
    }

    @Test
    void aDuplicateInsideATransactionUndoesOnlyTheNestedCall() {
        User users = entities.get(User.class);
        users.create(Map.of("email", "ada@example.com"));
        entities.transaction(() -> {
            users.create(Map.of("email", "grace@example.com"));
            try {
                entities.transaction(() -> {
                    users.create(Map.of("email", "linus@example.com"));
                    users.create(Map.of("email", "ada@example.com"));
                });
            } catch (DataIntegrityException taken) {
                // linus@ is undone with the nested call; grace@ stays
            }
        });
        assertEquals(List.of("ada@example.com", "grace@example.com"),
                users.query().orderBy("id").get().stream().map(User::getEmail).toList());
    }

    @Test
    void unsupportedDatabase() {
        ProvisionException wrapped = assertThrows(ProvisionException.class, () -> Guice.createInjector(
                QuarryModule.builder().url("jdbc:mysql://localhost/app").build()).getInstance(Entities.class));
        UnsupportedDatabaseException e = assertInstanceOf(UnsupportedDatabaseException.class, wrapped.getCause());
        String expected = "[Quarry/UnsupportedDatabase] No Quarry dialect matches the JDBC URL 'jdbc:mysql://localhost/app'.";
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
        assertTrue(PAGE.contains(expected));
    }

    @Test
    void cannotConnect() {
        var injector = Guice.createInjector(QuarryModule.builder().url(url).withoutIndex().entity(User.class)
                .pool(PoolSettings.defaults().maximumSize(1).connectionTimeout(Duration.ofMillis(250))).build());
        Database database = injector.getInstance(Database.class);
        try (Handle held = database.jdbi().open()) {   // takes the pool's only connection
            expect(CannotConnectException.class, "CannotConnect", "Could not get a connection to the database: quarry-",
                    () -> injector.getInstance(Entities.class).get(User.class).count());
        } finally {
            database.close();
        }
    }

    @Test
    void migrationFailed() {
        String empty = TestDatabases.createEmpty("ErrorsSamplesIT");
        try {
            CreationException wrapped = assertThrows(CreationException.class, () -> Guice.createInjector(
                    QuarryModule.builder().url(empty).migrations("classpath:db/it-migrations/broken").build()));
            MigrationFailedException e = assertInstanceOf(MigrationFailedException.class, wrapped.getCause());
            String expected = "[Quarry/MigrationFailed] Migrating the database at ";
            assertTrue(e.getMessage().startsWith(expected + empty + ": a migration failed."), e.getMessage());
            assertTrue(PAGE.contains(expected + "jdbc:hsqldb:mem:app: a migration failed."));
        } finally {
            TestDatabases.drop(empty);
        }
    }

    @Test
    void invalidConfiguration() {
        Properties properties = new Properties();
        properties.setProperty("quarry.naming", "camel");
        expect(InvalidConfigurationException.class, "InvalidConfiguration",
                "The setting quarry.naming is 'camel', but must be quick or snake_case.",
                () -> QuarryConfig.fromProperties(properties));
    }

    @Test
    void entityValidation() {
        EntityValidationException e = expect(EntityValidationException.class, "EntityValidation",
                """
                User failed validation, so nothing was written:
                  - age must be greater than or equal to 0 (was '-1')
                  - email must be a well-formed email address (was 'nope')""",
                () -> entities.get(User.class).create(Map.of("email", "nope", "age", -1)));
        assertEquals(2, e.violations().size());
    }

    @Test
    void relationErrors() {
        User ada = entities.get(User.class).create(Map.of("email", "ada@example.com"));
        Role admin = entities.get(Role.class).setName("admin").save();
        ada.roles().attach(admin);

        entities.get(dev.quarry.it.model.Tag.class).create(Map.of("name", "news"));
        expect(UnknownRelationException.class, "UnknownRelation",
                "Entity Tag has no relation 'post'.\n  Did you mean posts?\n  Known relations: authors, posts.",
                () -> entities.get(dev.quarry.it.model.Tag.class).query().with("post").get());
        expect(InvalidRelationException.class, "InvalidRelation",
                "Relation roles of User is invalid: its parentKey 'nope' is not an attribute of User;",
                () -> ada.roles().parentKey("nope").get());
        expect(InvalidRelationException.class, "InvalidRelation",
                "Relation roles of User is invalid: it has 2 foreign pivot key column(s) [a, b] for 1 parent key attribute(s) [id];",
                () -> ada.roles().foreignPivotKey("a", "b").get());
        expect(InvalidRelatedIdException.class, "InvalidRelatedId",
                "attach on User(1).roles was given 'abc' (String), which cannot be converted to the Long key id of Role.",
                () -> ada.roles().attach("abc"));
        expect(InvalidRelatedIdException.class, "InvalidRelatedId",
                "attach on User(1).roles was given the entity Role(new), which has not been saved: save() it first.",
                () -> ada.roles().attach(entities.get(Role.class)));
        expect(NoPivotException.class, "NoPivot",
                "User(1) was not read through a belongsToMany relation, so it has no pivot row.",
                ada::pivot);
        Role read = ada.roles().get().get(0);
        expect(UnknownPivotColumnException.class, "UnknownPivotColumn",
                "The pivot row of roles_users has no column 'nope'; it was read with [userId, roleId, assignedBy, createdAt, updatedAt].",
                () -> read.pivot().get("nope"));
    }

    @Test
    void lazyLoadingPrevented() {
        entities.get(User.class).create(Map.of("email", "ada@example.com"));
        entities.get(User.class).create(Map.of("email", "grace@example.com"));
        User first = entities.get(User.class).all().get(0);
        expect(LazyLoadingPreventedException.class, "LazyLoadingPrevented",
                "User.roles is not loaded, and this User came from a query that returned 2 rows: loading it now would run"
                        + " one SELECT per row.",
                () -> first.roles().getResults());
    }

    @Test
    void theCompileTimeExamplesMatchTheProcessorsWording() throws IOException {
        String checks = Files.readString(Path.of("..", "framework", "src", "main", "java", "dev", "quarry", "processor",
                "EntityChecks.java"), StandardCharsets.UTF_8);
        Function<String, Boolean> inSource = checks::contains;
        List<String> fragments = new ArrayList<>(List.of(
                "@Entity marks a class that extends BaseEntity, not ",
                " is marked @Entity but does not extend BaseEntity: declare it as `class ",
                ">, but an entity names itself: `extends BaseEntity<",
                " is abstract, so Quarry cannot create it: remove `abstract`, ",
                "or move @Entity to its concrete subclasses",
                " is an inner class, so it cannot be created on its own: make it `static`",
                " has no constructor Quarry can call: add a non-private ",
                "no-argument constructor, or annotate one constructor with @Inject",
                " is final, but Quarry writes attributes when it reads rows: remove `final`, ",
                "or mark the field `transient` if it is not a column",
                " must take the query first: `void "));
        for (String fragment : fragments) {
            assertTrue(inSource.apply(fragment), "EntityChecks no longer says: " + fragment);
            assertTrue(PAGE.contains(fragment), "errors.md does not show: " + fragment);
        }
    }

    @Test
    void changeVetoed() {
        User ada = entities.get(User.class).create(Map.of("email", "ada@example.com"));
        dev.quarry.event.PivotEvent event = new dev.quarry.event.PivotEvent("sync", ada, "roles", "roles_users",
                List.of(), List.of(), List.of());
        expect(dev.quarry.event.ChangeVetoedException.class, "ChangeVetoed", "sync on User.roles was vetoed by an event "
                + "handler, so nothing was written: roles assigned by admin are removed by an admin",
                () -> event.veto("roles assigned by admin are removed by an admin"));
    }

    @Test
    void pivotValidation() {
        dev.quarry.it.model.Band blur = entities.get(dev.quarry.it.model.Band.class).setName("Blur").save();
        entities.get(dev.quarry.it.model.Musician.class).setName("Damon").save();
        dev.quarry.it.model.Musician graham = entities.get(dev.quarry.it.model.Musician.class).setName("Graham").save();
        dev.quarry.validation.PivotValidationException e = expect(dev.quarry.validation.PivotValidationException.class,
                "PivotValidation", "attach on Band(1).members: the pivot BandMember for related id 2 failed validation, "
                        + "so nothing was written:\n  - since must be greater than or equal to 1900 (was '1800')",
                () -> blur.members().attach(graham, Map.of("instrument", "guitar", "since", 1800)));
        assertEquals(2L, e.relatedId());
    }

}
