package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.QuarryException;
import dev.quarry.entity.EntityNotFoundException;
import dev.quarry.entity.UnknownAttributeException;
import dev.quarry.it.model.Country;
import dev.quarry.it.model.Person;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.it.support.TestDatabases;
import dev.quarry.query.InvalidQueryException;
import dev.quarry.query.UnknownScopeException;
import dev.quarry.sql.DataIntegrityException;
import dev.quarry.sql.ExecutedStatement;
import dev.quarry.sql.InvalidIdentifierException;
import dev.quarry.sql.StatementFailedException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** How database failures reach the caller: typed, with the SQL, the database's reason and a hint. */
class DatabaseErrorsIT extends DatabaseTest {

    private static final String QUOTED_NAMES_HINT = TestDatabases.postgres()
            ? "PostgreSQL folds unquoted names to lower case" : "HSQLDB folds unquoted names to UPPER CASE";
    /** The SQLSTATE of a missing table: HSQLDB's "object not found", PostgreSQL's "undefined table". */
    private static final String MISSING_TABLE = TestDatabases.postgres() ? "42P01" : "42501";
    private static final String MISSING_COLUMN = TestDatabases.postgres() ? "42703" : "42501";

    // ---- constraint violations ---------------------------------------------------------------

    @Test
    void aUniqueViolationThrowsADataIntegrityExceptionWithTheSqlAndTheDatabasesReason() {
        newUser("ada@example.com").save();
        statements.reset();
        DataIntegrityException e = assertThrows(DataIntegrityException.class, () -> newUser("ada@example.com").save());
        assertInstanceOf(QuarryException.class, e);
        assertInstanceOf(StatementFailedException.class, e);
        assertEquals("DataIntegrity", e.errorId());
        assertTrue(e.getMessage().startsWith("[Quarry/DataIntegrity] "), e.getMessage());
        assertTrue(e.getMessage().contains("SQL: INSERT INTO \"users\" (\"email\") VALUES (?)"), e.getMessage());
        assertTrue(e.getMessage().contains("unique constraint"), e.getMessage());
        assertTrue(e.getMessage().contains("users_email_unique"), e.getMessage());
        assertEquals("INSERT INTO \"users\" (\"email\") VALUES (?)", e.sql().orElseThrow());
        assertEquals(1, statements.count(), "one INSERT, no retry");
    }

    @Test
    void aUniqueViolationCarriesAnSqlStateOfClass23AndTheOriginalSqlExceptionAsACause() {
        newUser("ada@example.com").save();
        DataIntegrityException e = assertThrows(DataIntegrityException.class, () -> newUser("ada@example.com").save());
        String state = e.sqlState().orElseThrow();
        assertTrue(state.startsWith("23"), state);
        SQLException cause = sqlExceptionIn(e);
        assertNotNull(cause, "the SQLException must be reachable through getCause()");
        assertEquals(state, cause.getSQLState());
        assertTrue(e.getMessage().contains(cause.getMessage()), e.getMessage() + " / " + cause.getMessage());
    }

    @Test
    void aDuplicateAssignedKeyIsADataIntegrityException() {
        entities.get(Country.class).setCode("NL").setName("Netherlands").save();
        DataIntegrityException e = assertThrows(DataIntegrityException.class,
                () -> entities.get(Country.class).setCode("NL").setName("Holland").save());
        assertTrue(e.sqlState().orElseThrow().startsWith("23"));
        assertEquals(List.of(Map.of("code", "NL", "name", "Netherlands")), rows("countries", "code"));
    }

    @Test
    void aUniqueViolationInABulkUpdateIsADataIntegrityExceptionAndChangesNoRow() {
        newUser("ada@example.com").save();
        newUser("bob@example.com").save();
        newUser("cy@example.com").save();
        List<Map<String, Object>> before = rows("users", "id");
        DataIntegrityException e = assertThrows(DataIntegrityException.class,
                () -> entities.get(User.class).query().whereIn("email", List.of("bob@example.com", "cy@example.com"))
                        .update(Map.of("email", "ada@example.com")));
        assertTrue(e.sql().orElseThrow().startsWith("UPDATE \"users\" SET \"email\" = ?"), e.sql().orElseThrow());
        assertEquals(before, rows("users", "id"));
    }

    @Test
    void aNotNullViolationIsADataIntegrityException() {
        newUser("ada@example.com").save();
        Map<String, Object> values = new HashMap<>();
        values.put("role", null);
        DataIntegrityException e = assertThrows(DataIntegrityException.class,
                () -> entities.get(User.class).query().update(values));
        assertTrue(e.sqlState().orElseThrow().startsWith("23"), e.sqlState().orElseThrow());
        assertEquals("member", rows("users", "id").get(0).get("role"));
    }

    // ---- missing tables and columns --------------------------------------------------------------

    @Test
    void aQueryOnAMissingTableThrowsStatementFailedWithTheQuotedNamesHint() {
        execute("DROP TABLE \"people\"");
        StatementFailedException e = assertThrows(StatementFailedException.class, () -> entities.get(Person.class).all());
        assertFalse(e instanceof DataIntegrityException, e.getMessage());
        assertEquals("StatementFailed", e.errorId());
        assertTrue(e.getMessage().startsWith("[Quarry/StatementFailed] "), e.getMessage());
        assertTrue(e.getMessage().contains(TestDatabases.postgres() ? "does not exist" : "object not found"), e.getMessage());
        assertTrue(e.getMessage().contains("Hint: " + QUOTED_NAMES_HINT), e.getMessage());
        assertTrue(e.getMessage().contains("SQL: SELECT \"people\".\"id\", \"people\".\"name\" FROM \"people\""), e.getMessage());
        assertEquals(MISSING_TABLE, e.sqlState().orElseThrow());
        assertNotNull(sqlExceptionIn(e));
    }

    @Test
    void aTableCreatedWithUnquotedNamesGetsTheQuotedNamesHint() {
        // The mistake the hint is for. HSQLDB stores unquoted names as PEOPLE, NAME while Quarry asks for
        // "people"; PostgreSQL stores them lower-cased, which only breaks a camelCase name ("userId").
        StatementFailedException e;
        if (TestDatabases.postgres()) {
            execute("DROP TABLE \"posts_tags\"");
            execute("DROP TABLE \"posts\"");
            execute("CREATE TABLE posts (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, userId BIGINT, title VARCHAR(200),"
                    + " body VARCHAR(4000), published BOOLEAN DEFAULT FALSE NOT NULL, createdAt TIMESTAMP(6), updatedAt TIMESTAMP(6))");
            e = assertThrows(StatementFailedException.class, () -> entities.get(dev.quarry.it.model.Post.class).setTitle("t").save());
            assertTrue(e.getMessage().contains("\"userId\""), e.getMessage());
        } else {
            execute("DROP TABLE \"people\"");
            execute("CREATE TABLE people (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name VARCHAR(100))");
            e = assertThrows(StatementFailedException.class, () -> entities.get(Person.class).setName("Ada").save());
            assertTrue(e.getMessage().contains("CREATE TABLE \"users\""), e.getMessage());
        }
        assertTrue(e.getMessage().contains(QUOTED_NAMES_HINT), e.getMessage());
    }

    @Test
    void aMissingColumnGetsTheQuotedNamesHint() {
        execute("ALTER TABLE \"people\" DROP COLUMN \"name\"");
        StatementFailedException e = assertThrows(StatementFailedException.class,
                () -> entities.get(Person.class).query().where("name", "Ada").get());
        assertTrue(e.getMessage().contains(QUOTED_NAMES_HINT), e.getMessage());
        assertEquals(MISSING_COLUMN, e.sqlState().orElseThrow());
    }

    @Test
    void aFailureUnrelatedToNamesHasNoHint() {
        newUser("ada@example.com").save();
        DataIntegrityException e = assertThrows(DataIntegrityException.class, () -> newUser("ada@example.com").save());
        assertFalse(e.getMessage().contains("Hint:"), e.getMessage());
    }

    // ---- error ids and message format -----------------------------------------------------------

    @Test
    void everyErrorCarriesAStableIdAndAMessageStartingWithQuarryAndThatId() {
        newUser("ada@example.com").save();
        execute("DROP TABLE \"people\"");
        Map<String, Executable> failures = new java.util.LinkedHashMap<>();
        failures.put("DataIntegrity", () -> newUser("ada@example.com").save());
        failures.put("StatementFailed", () -> entities.get(Person.class).all());
        failures.put("UnknownAttribute", () -> entities.get(User.class).where("emial", "x"));
        failures.put("InvalidIdentifier", () -> entities.get(User.class).where("email;--", "x"));
        failures.put("InvalidQuery", () -> entities.get(User.class).query().limit(-1));
        failures.put("UnknownScope", () -> entities.get(User.class).scope("nope"));
        failures.put("EntityNotFound", () -> entities.get(User.class).findOrFail(999L));
        List<String> ids = new ArrayList<>();
        failures.forEach((id, failure) -> {
            QuarryException e = assertThrows(QuarryException.class, failure, id);
            ids.add(e.errorId());
            assertTrue(e.getMessage().startsWith("[Quarry/" + e.errorId() + "] "), e.getMessage());
            assertTrue(e.getMessage().contains("Learn more: docs/errors.md#" + e.errorId().toLowerCase(Locale.ROOT)),
                    e.getMessage());
        });
        assertEquals(List.copyOf(failures.keySet()), ids);
    }

    @Test
    void errorTypesAreTheDocumentedSubclasses() {
        assertInstanceOf(UnknownAttributeException.class,
                assertThrows(QuarryException.class, () -> entities.get(User.class).where("emial", "x")));
        assertInstanceOf(InvalidIdentifierException.class,
                assertThrows(QuarryException.class, () -> entities.get(User.class).where("email;--", "x")));
        assertInstanceOf(InvalidQueryException.class,
                assertThrows(QuarryException.class, () -> entities.get(User.class).query().offset(-1)));
        assertInstanceOf(UnknownScopeException.class,
                assertThrows(QuarryException.class, () -> entities.get(User.class).scope("nope")));
        assertInstanceOf(EntityNotFoundException.class,
                assertThrows(QuarryException.class, () -> entities.get(User.class).findOrFail(999L)));
    }

    // ---- the entity after a failed write ----------------------------------------------------------

    @Test
    void afterAFailedInsertTheEntityIsNotLoadedAndACorrectedSaveInsertsIt() {
        newUser("ada@example.com").save();
        User duplicate = newUser("ada@example.com").setName("Second");
        assertThrows(DataIntegrityException.class, duplicate::save);
        assertFalse(duplicate.isLoaded());
        assertNull(duplicate.getId());
        assertEquals(1, countRows("users"));

        duplicate.setEmail("second@example.com").save();
        assertTrue(duplicate.isLoaded());
        assertNotNull(duplicate.getId());
        assertFalse(duplicate.isDirty());
        Map<String, Object> row = rows("users", "id").get(1);
        assertEquals(duplicate.getId(), row.get("id"));
        assertEquals("second@example.com", row.get("email"));
        assertEquals("Second", row.get("name"));
    }

    @Test
    void afterAFailedInsertIntoAMissingTableTheEntityIsNotLoadedAndSavesOnceTheTableExists() {
        execute("DROP TABLE \"people\"");
        Person person = entities.get(Person.class).setName("Ada");
        assertThrows(StatementFailedException.class, person::save);
        assertFalse(person.isLoaded());
        execute("CREATE TABLE \"people\" (\"id\" BIGINT GENERATED BY DEFAULT AS IDENTITY (START WITH 1) PRIMARY KEY,"
                + " \"name\" VARCHAR(100))");
        person.save();
        assertTrue(person.isLoaded());
        assertEquals(List.of(Map.of("id", person.getId(), "name", "Ada")), rows("people", "id"));
    }

    @Test
    void afterAFailedUpdateTheEntityKeepsItsChangesAndACorrectedSaveUpdatesTheRow() {
        newUser("ada@example.com").save();
        User bob = newUser("bob@example.com").save();
        bob.setEmail("ada@example.com").setName("Bob");
        assertThrows(DataIntegrityException.class, bob::save);
        assertTrue(bob.isLoaded());
        assertTrue(bob.isDirty("email"));
        assertEquals("bob@example.com", bob.originalValue("email"));

        statements.reset();
        bob.setEmail("robert@example.com").save();
        assertFalse(bob.isDirty());
        assertEquals(1, statements.count());
        Map<String, Object> row = rows("users", "id").get(1);
        assertEquals("robert@example.com", row.get("email"));
        assertEquals("Bob", row.get("name"));
    }

    @Test
    void aFailedStatementIsRecordedAsNotSucceeded() {
        newUser("ada@example.com").save();
        statements.reset();
        assertThrows(DataIntegrityException.class, () -> newUser("ada@example.com").save());
        List<ExecutedStatement> recorded = statements.statements();
        assertEquals(1, recorded.size());
        assertFalse(recorded.get(0).succeeded());
        assertTrue(recorded.get(0).sql().startsWith("INSERT INTO \"users\""), recorded.get(0).sql());
    }

    // ---- helpers --------------------------------------------------------------------------------

    private User newUser(String email) {
        return entities.get(User.class).setEmail(email);
    }

    private static SQLException sqlExceptionIn(Throwable failure) {
        for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException e) {
                return e;
            }
        }
        return null;
    }
}
