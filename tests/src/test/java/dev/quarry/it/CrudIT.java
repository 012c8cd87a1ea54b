package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Module;
import dev.quarry.entity.EntityNotFoundException;
import dev.quarry.entity.UnknownAttributeException;
import dev.quarry.entity.UnsavedEntityException;
import dev.quarry.inject.QuarryModule;
import dev.quarry.it.model.Category;
import dev.quarry.it.model.Country;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Creating, reading, updating and deleting single entities, checked against the rows JDBC sees. */
class CrudIT extends DatabaseTest {

    private static final String SELECT_USERS = "SELECT \"users\".\"id\", \"users\".\"email\", \"users\".\"name\", "
            + "\"users\".\"active\", \"users\".\"role\", \"users\".\"age\", \"users\".\"admin\" FROM \"users\"";

    /** Each statement Quarry ran, with whether the thread was inside a Quarry transaction at the time. */
    private final List<Seen> seen = new ArrayList<>();

    private record Seen(String sql, boolean inTransaction) {}

    @Override
    protected Module module(QuarryModule.Builder builder) {
        return builder.statementListener(statement -> {
            synchronized (seen) {
                seen.add(new Seen(statement.sql(), entities != null && entities.database().isInTransaction()));
            }
        }).build();
    }

    private List<Seen> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    private void resetSeen() {
        synchronized (seen) {
            seen.clear();
        }
        statements.reset();
    }

    private User users() {
        return entities.get(User.class);
    }

    // ---- create / save ----------------------------------------------------------------------

    @Test
    void createInsertsOneRowAndReturnsTheSavedEntity() {
        User created = users().create(orderedMap("email", "ada@example.com", "name", "Ada", "age", 36));

        assertEquals(1, statements.count(), statements.sql().toString());
        assertTrue(statements.sql().get(0).startsWith("INSERT INTO \"users\""), statements.sql().toString());
        assertTrue(created.isLoaded());
        assertNotNull(created.getId());
        assertEquals("ada@example.com", created.getEmail());
        List<Map<String, Object>> rows = rows("users", "id");
        assertEquals(1, rows.size());
        assertEquals(created.getId(), rows.get(0).get("id"));
        assertEquals("ada@example.com", rows.get(0).get("email"));
        assertEquals("Ada", rows.get(0).get("name"));
        assertEquals(36, rows.get(0).get("age"));
    }

    @Test
    void saveOfANewEntityRunsOneInsertAndReturnsTheSameInstance() {
        User user = users().setEmail("ada@example.com").setName("Ada");

        User returned = user.save();

        assertEquals(List.of("INSERT INTO \"users\" (\"email\", \"name\") VALUES (?, ?)"), statements.sql());
        assertSame(user, returned, "save() returns the entity it was called on");
        assertEquals(1, countRows("users"));
        assertEquals("Ada", rows("users", "id").get(0).get("name"));
    }

    @Test
    void secondSaveAfterAChangeRunsOneUpdateOfTheSameRow() {
        User user = users().setEmail("ada@example.com").setName("Ada").save();
        Long id = user.getId();
        statements.reset();

        user.setName("Ada Lovelace").save();

        assertEquals(List.of("UPDATE \"users\" SET \"name\" = ? WHERE \"id\" = ?"), statements.sql());
        assertEquals(id, user.getId());
        List<Map<String, Object>> rows = rows("users", "id");
        assertEquals(1, rows.size());
        assertEquals(id, rows.get(0).get("id"));
        assertEquals("Ada Lovelace", rows.get(0).get("name"));
    }

    @Test
    void saveOfANewEntityWithNothingSetInsertsARowOfDefaults() {
        Category category = entities.get(Category.class);

        category.save();

        assertEquals(1, statements.count(), statements.sql().toString());
        assertTrue(category.isLoaded());
        assertNotNull(category.getId());
        List<Map<String, Object>> rows = rows("categories", "id");
        assertEquals(1, rows.size());
        assertEquals(category.getId(), rows.get(0).get("id"));
        assertNull(rows.get(0).get("name"));
    }

    // ---- find / first -------------------------------------------------------------------------

    @Test
    void findReturnsTheEntityWithThatKey() {
        insertUserRow("grace@example.com", "Grace", 45);
        long id = insertUserRow("ada@example.com", "Ada", 36);
        statements.reset();

        Optional<User> found = users().find(id);

        assertTrue(found.isPresent());
        assertEquals(id, found.get().getId());
        assertEquals("ada@example.com", found.get().getEmail());
        assertEquals("Ada", found.get().getName());
        assertEquals(36, found.get().getAge());
        assertTrue(found.get().isLoaded());
        assertEquals(List.of(SELECT_USERS + " WHERE \"users\".\"id\" = ? FETCH FIRST 1 ROWS ONLY"), statements.sql());
    }

    @Test
    void findOfAMissingKeyIsEmpty() {
        insertUserRow("ada@example.com", "Ada", 36);

        assertEquals(Optional.empty(), users().find(999L));
    }

    @Test
    void findOrFailReturnsTheEntityWithThatKey() {
        long id = insertUserRow("ada@example.com", "Ada", 36);

        User found = users().findOrFail(id);

        assertEquals(id, found.getId());
        assertEquals("Ada", found.getName());
    }

    @Test
    void findOrFailOfAMissingKeyThrowsEntityNotFoundNamingTheEntityAndTheKey() {
        insertUserRow("ada@example.com", "Ada", 36);

        EntityNotFoundException e = assertThrows(EntityNotFoundException.class, () -> users().findOrFail(4711L));

        assertEquals("User", e.entityName());
        assertEquals("EntityNotFound", e.errorId());
        assertTrue(e.getMessage().contains("User"), e.getMessage());
        assertTrue(e.getMessage().contains("4711"), e.getMessage());
    }

    @Test
    void firstOnAnEmptyTableIsEmpty() {
        assertEquals(Optional.empty(), users().first());
        assertEquals(1, statements.count());
    }

    @Test
    void firstOrFailOnAnEmptyTableThrowsEntityNotFoundNamingTheEntity() {
        EntityNotFoundException e = assertThrows(EntityNotFoundException.class, () -> users().firstOrFail());

        assertEquals("User", e.entityName());
        assertTrue(e.getMessage().contains("No User was found"), e.getMessage());
    }

    @Test
    void firstAndFirstOrFailReturnTheRowOfAOneRowTable() {
        long id = insertUserRow("ada@example.com", "Ada", 36);

        assertEquals(id, users().first().orElseThrow().getId());
        assertEquals(id, users().firstOrFail().getId());
    }

    @Test
    void firstWhereWithTwoArgumentsMatchesOnEquality() {
        insertUserRow("grace@example.com", "Grace", 45);
        long ada = insertUserRow("ada@example.com", "Ada", 36);
        insertUserRow("alan@example.com", "Alan", 41);

        Optional<User> found = users().firstWhere("email", "ada@example.com");

        assertTrue(found.isPresent());
        assertEquals(ada, found.get().getId());
        assertEquals("Ada", found.get().getName());
    }

    @Test
    void firstWhereWithAnOperatorMatchesThatComparison() {
        insertUserRow("ada@example.com", "Ada", 36);
        long grace = insertUserRow("grace@example.com", "Grace", 45);
        insertUserRow("alan@example.com", "Alan", 41);
        statements.reset();

        Optional<User> found = users().firstWhere("age", ">", 42);

        assertTrue(found.isPresent());
        assertEquals(grace, found.get().getId());
        assertEquals(45, found.get().getAge());
        assertTrue(statements.sql().get(0).contains("WHERE \"users\".\"age\" > ?"), statements.sql().toString());
    }

    @Test
    void firstWhereWithoutAMatchIsEmpty() {
        insertUserRow("ada@example.com", "Ada", 36);

        assertEquals(Optional.empty(), users().firstWhere("email", "nobody@example.com"));
        assertEquals(Optional.empty(), users().firstWhere("age", "<", 18));
    }

    // ---- firstOrCreate / updateOrCreate -----------------------------------------------------

    @Test
    void firstOrCreateReturnsTheExistingEntityWithoutInserting() {
        long id = insertUserRow("ada@example.com", "Ada", 36);
        statements.reset();

        User user = users().firstOrCreate(orderedMap("email", "ada@example.com"), orderedMap("name", "Someone Else"));

        assertEquals(id, user.getId());
        assertEquals("Ada", user.getName());
        assertTrue(user.isLoaded());
        assertEquals(1, statements.count(), statements.sql().toString());
        assertTrue(statements.sql().get(0).startsWith("SELECT"), statements.sql().toString());
        List<Map<String, Object>> rows = rows("users", "id");
        assertEquals(1, rows.size());
        assertEquals("Ada", rows.get(0).get("name"));
    }

    @Test
    void firstOrCreateCreatesFromAttributesAndValuesWhenNoneMatches() {
        insertUserRow("grace@example.com", "Grace", 45);
        statements.reset();

        User user = users().firstOrCreate(orderedMap("email", "ada@example.com"), orderedMap("name", "Ada", "age", 36));

        assertTrue(user.isLoaded());
        assertNotNull(user.getId());
        assertEquals(2, statements.count(), statements.sql().toString());
        assertTrue(statements.sql().get(0).startsWith("SELECT"), statements.sql().toString());
        assertTrue(statements.sql().get(1).startsWith("INSERT"), statements.sql().toString());
        List<Map<String, Object>> rows = rows("users", "id");
        assertEquals(2, rows.size());
        assertEquals(user.getId(), rows.get(1).get("id"));
        assertEquals("ada@example.com", rows.get(1).get("email"));
        assertEquals("Ada", rows.get(1).get("name"));
        assertEquals(36, rows.get(1).get("age"));
    }

    @Test
    void firstOrCreateRunsTheLookupAndTheInsertInOneTransaction() {
        resetSeen();

        users().firstOrCreate(orderedMap("email", "ada@example.com"), orderedMap("name", "Ada"));

        List<Seen> ran = seen();
        assertEquals(2, ran.size(), ran.toString());
        assertTrue(ran.get(0).sql().startsWith("SELECT"), ran.toString());
        assertTrue(ran.get(1).sql().startsWith("INSERT"), ran.toString());
        assertTrue(ran.stream().allMatch(Seen::inTransaction), ran.toString());
        assertFalse(entities.database().isInTransaction(), "the transaction ends with the call");
    }

    @Test
    void statementsOutsideATransactionAreSeenAsSuch() {
        // The probe used by the transaction tests tells the two cases apart.
        resetSeen();

        users().first();

        assertEquals(1, seen().size());
        assertFalse(seen().get(0).inTransaction());
    }

    @Test
    void updateOrCreateUpdatesTheExistingEntity() {
        long id = insertUserRow("ada@example.com", "Ada", 36);
        insertUserRow("grace@example.com", "Grace", 45);
        statements.reset();

        User user = users().updateOrCreate(orderedMap("email", "ada@example.com"), orderedMap("name", "Ada Lovelace", "age", 37));

        assertEquals(id, user.getId());
        assertEquals("Ada Lovelace", user.getName());
        assertFalse(user.isDirty());
        List<String> sql = statements.sql();
        assertEquals(2, sql.size(), sql.toString());
        assertTrue(sql.get(0).startsWith("SELECT"), sql.toString());
        assertEquals("UPDATE \"users\" SET \"name\" = ?, \"age\" = ? WHERE \"id\" = ?", sql.get(1));
        List<Map<String, Object>> rows = rows("users", "id");
        assertEquals(2, rows.size());
        assertEquals("Ada Lovelace", rows.get(0).get("name"));
        assertEquals(37, rows.get(0).get("age"));
        assertEquals("Grace", rows.get(1).get("name"), "other rows are untouched");
    }

    @Test
    void updateOrCreateCreatesFromAttributesAndValuesWhenNoneMatches() {
        insertUserRow("grace@example.com", "Grace", 45);
        statements.reset();

        User user = users().updateOrCreate(orderedMap("email", "ada@example.com"), orderedMap("name", "Ada"));

        assertTrue(user.isLoaded());
        List<String> sql = statements.sql();
        assertEquals(2, sql.size(), sql.toString());
        assertTrue(sql.get(1).startsWith("INSERT"), sql.toString());
        List<Map<String, Object>> rows = rows("users", "id");
        assertEquals(2, rows.size());
        assertEquals(user.getId(), rows.get(1).get("id"));
        assertEquals("ada@example.com", rows.get(1).get("email"));
        assertEquals("Ada", rows.get(1).get("name"));
        assertEquals("Grace", rows.get(0).get("name"));
    }

    @Test
    void updateOrCreateRunsTheLookupAndTheUpdateInOneTransaction() {
        insertUserRow("ada@example.com", "Ada", 36);
        resetSeen();

        users().updateOrCreate(orderedMap("email", "ada@example.com"), orderedMap("name", "Ada Lovelace"));

        List<Seen> ran = seen();
        assertEquals(2, ran.size(), ran.toString());
        assertTrue(ran.get(1).sql().startsWith("UPDATE"), ran.toString());
        assertTrue(ran.stream().allMatch(Seen::inTransaction), ran.toString());
    }

    // ---- all / count / exists ---------------------------------------------------------------

    @Test
    void allReturnsEveryRow() {
        long ada = insertUserRow("ada@example.com", "Ada", 36);
        long grace = insertUserRow("grace@example.com", "Grace", 45);
        long alan = insertUserRow("alan@example.com", "Alan", 41);
        statements.reset();

        List<User> all = users().all();

        assertEquals(1, statements.count());
        List<Long> ids = new ArrayList<>();
        all.forEach(u -> ids.add(u.getId()));
        ids.sort(null);
        assertEquals(List.of(ada, grace, alan), ids);
        assertTrue(all.stream().allMatch(User::isLoaded));
    }

    @Test
    void allOfAnEmptyTableIsAnEmptyList() {
        assertEquals(List.of(), users().all());
    }

    @Test
    void countCountsEveryRowInOneStatement() {
        assertEquals(0, users().count());
        insertUserRow("ada@example.com", "Ada", 36);
        insertUserRow("grace@example.com", "Grace", 45);
        statements.reset();

        assertEquals(2, users().count());
        assertEquals(List.of("SELECT COUNT(*) FROM \"users\""), statements.sql());
    }

    @Test
    void existsIsFalseForAnEmptyTableAndTrueOnceARowExists() {
        assertFalse(users().exists());
        insertUserRow("ada@example.com", "Ada", 36);
        assertTrue(users().exists());
    }

    // ---- update(map) ------------------------------------------------------------------------

    @Test
    void updateFillsAndSavesOnlyTheGivenAttributes() {
        long id = insertUserRow("ada@example.com", "Ada", 36);
        User user = users().findOrFail(id);
        statements.reset();

        User returned = user.update(orderedMap("name", "Ada Lovelace", "age", "37"));

        assertSame(user, returned, "update() returns the entity it was called on");
        assertEquals(37, user.getAge());
        assertEquals(List.of("UPDATE \"users\" SET \"name\" = ?, \"age\" = ? WHERE \"id\" = ?"), statements.sql());
        Map<String, Object> row = rows("users", "id").get(0);
        assertEquals("Ada Lovelace", row.get("name"));
        assertEquals(37, row.get("age"));
        assertEquals("ada@example.com", row.get("email"));
    }

    // ---- delete -----------------------------------------------------------------------------

    @Test
    void deleteRemovesTheRowAndReturnsTrue() {
        long ada = insertUserRow("ada@example.com", "Ada", 36);
        long grace = insertUserRow("grace@example.com", "Grace", 45);
        User user = users().findOrFail(ada);
        statements.reset();

        assertTrue(user.delete());

        assertEquals(List.of("DELETE FROM \"users\" WHERE \"id\" = ?"), statements.sql());
        List<Map<String, Object>> rows = rows("users", "id");
        assertEquals(1, rows.size());
        assertEquals(grace, rows.get(0).get("id"));
    }

    @Test
    void secondDeleteOfTheSameEntityReturnsFalse() {
        long id = insertUserRow("ada@example.com", "Ada", 36);
        User user = users().findOrFail(id);
        assertTrue(user.delete());

        assertFalse(user.delete());
        assertEquals(0, countRows("users"));
    }

    @Test
    void deleteOfAnEntityWhoseRowIsAlreadyGoneReturnsFalse() {
        long id = insertUserRow("ada@example.com", "Ada", 36);
        insertUserRow("grace@example.com", "Grace", 45);
        User user = users().findOrFail(id);
        execute("DELETE FROM \"users\" WHERE \"id\" = ?", id);

        assertFalse(user.delete());
        assertEquals(1, countRows("users"));
    }

    @Test
    void deleteOfAnUnsavedEntityThrowsUnsavedEntityAndRunsNoStatement() {
        insertUserRow("ada@example.com", "Ada", 36);
        User unsaved = users().setEmail("ada@example.com");
        statements.reset();

        UnsavedEntityException e = assertThrows(UnsavedEntityException.class, unsaved::delete);

        assertTrue(e.getMessage().contains("User"), e.getMessage());
        assertEquals(0, statements.count());
        assertEquals(1, countRows("users"));
    }

    // ---- refresh / fresh --------------------------------------------------------------------

    @Test
    void refreshDiscardsUnsavedChanges() {
        long id = insertUserRow("ada@example.com", "Ada", 36);
        User user = users().findOrFail(id);
        user.setName("Changed").setAge(99);

        User returned = user.refresh();

        assertSame(user, returned);
        assertEquals("Ada", user.getName());
        assertEquals(36, user.getAge());
        assertFalse(user.isDirty());
        assertEquals("Ada", rows("users", "id").get(0).get("name"));
    }

    @Test
    void refreshPicksUpAChangeMadeThroughJdbc() {
        long id = insertUserRow("ada@example.com", "Ada", 36);
        User user = users().findOrFail(id);
        execute("UPDATE \"users\" SET \"name\" = ?, \"age\" = ? WHERE \"id\" = ?", "Countess", 37, id);

        user.refresh();

        assertEquals("Countess", user.getName());
        assertEquals(37, user.getAge());
        assertFalse(user.isDirty());
        assertEquals("Countess", user.originalValue("name"));
    }

    @Test
    void refreshOfAnEntityWhoseRowIsGoneThrowsEntityNotFound() {
        long id = insertUserRow("ada@example.com", "Ada", 36);
        User user = users().findOrFail(id);
        execute("DELETE FROM \"users\" WHERE \"id\" = ?", id);

        EntityNotFoundException e = assertThrows(EntityNotFoundException.class, user::refresh);

        assertEquals("User", e.entityName());
        assertTrue(e.getMessage().contains(String.valueOf(id)), e.getMessage());
    }

    @Test
    void refreshOfAnUnsavedEntityThrowsUnsavedEntity() {
        User unsaved = users().setEmail("ada@example.com");

        assertThrows(UnsavedEntityException.class, unsaved::refresh);
        assertEquals(0, statements.count());
    }

    @Test
    void freshReturnsANewInstanceFromTheRowAndLeavesTheOriginalUnchanged() {
        long id = insertUserRow("ada@example.com", "Ada", 36);
        User user = users().findOrFail(id);
        user.setName("Unsaved");
        execute("UPDATE \"users\" SET \"age\" = ? WHERE \"id\" = ?", 40, id);

        User fresh = user.fresh().orElseThrow();

        assertNotSame(user, fresh);
        assertEquals(id, fresh.getId());
        assertEquals("Ada", fresh.getName());
        assertEquals(40, fresh.getAge());
        assertFalse(fresh.isDirty());
        assertEquals("Unsaved", user.getName(), "the original keeps its unsaved change");
        assertEquals(36, user.getAge(), "the original is not re-read");
        assertTrue(user.isDirty("name"));
    }

    @Test
    void freshIsEmptyWhenTheRowWasDeleted() {
        long id = insertUserRow("ada@example.com", "Ada", 36);
        User user = users().findOrFail(id);
        execute("DELETE FROM \"users\" WHERE \"id\" = ?", id);

        assertEquals(Optional.empty(), user.fresh());
        assertEquals("Ada", user.getName());
    }

    @Test
    void refreshRestoresAnUnsavedChangeOfTheKey() {
        execute("INSERT INTO \"countries\" (\"code\", \"name\") VALUES ('FR', 'France')");
        Country france = entities.get(Country.class).findOrFail("FR");
        france.setCode("FX").setName("Changed");

        france.refresh();

        assertEquals("FR", france.getCode());
        assertEquals("France", france.getName());
        assertFalse(france.isDirty());
    }

    @Test
    void freshReadsTheEntitysRowEvenWhenItsKeyHasAnUnsavedChange() {
        execute("INSERT INTO \"countries\" (\"code\", \"name\") VALUES ('FR', 'France')");
        Country france = entities.get(Country.class).findOrFail("FR");
        france.setCode("FX");

        Optional<Country> fresh = france.fresh();

        assertTrue(fresh.isPresent(), "the row (key FR) still exists");
        assertEquals("FR", fresh.get().getCode());
        assertEquals("France", fresh.get().getName());
        assertEquals("FX", france.getCode(), "the original keeps its unsaved change");
    }

    @Test
    void freshOfAnUnsavedEntityThrowsUnsavedEntity() {
        User unsaved = users().setEmail("ada@example.com");

        assertThrows(UnsavedEntityException.class, unsaved::fresh);
    }

    // ---- database defaults ------------------------------------------------------------------

    @Test
    void insertReadsBackTheDatabaseDefaultsInTheSameSingleStatement() {
        User user = users().setEmail("ada@example.com");
        assertNull(user.getActive());
        assertNull(user.getRole());

        user.save();

        assertEquals(List.of("INSERT INTO \"users\" (\"email\") VALUES (?)"), statements.sql(),
                "the defaults come from the database, in the one INSERT");
        assertEquals(true, user.getActive());
        assertEquals("member", user.getRole());
        assertEquals(false, user.getAdmin());
        assertNull(user.getName());
        assertFalse(user.isDirty(), "values read back are the clean state");
        Map<String, Object> row = rows("users", "id").get(0);
        assertEquals(true, row.get("active"));
        assertEquals("member", row.get("role"));
        assertEquals(user.getId(), row.get("id"));
    }

    // ---- toMap / attributes -----------------------------------------------------------------

    @Test
    void toMapListsEveryAttributeInDeclarationOrder() {
        long id = insertUserRow("ada@example.com", "Ada", 36);
        User user = users().findOrFail(id);

        Map<String, Object> values = user.toMap();

        assertEquals(List.of("id", "email", "name", "active", "role", "age", "admin"), new ArrayList<>(values.keySet()));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("id", id);
        expected.put("email", "ada@example.com");
        expected.put("name", "Ada");
        expected.put("active", true);
        expected.put("role", "member");
        expected.put("age", 36);
        expected.put("admin", false);
        assertEquals(expected, values);
    }

    @Test
    void toMapOfANewEntityHoldsNullsForUnsetAttributes() {
        Map<String, Object> values = users().setEmail("ada@example.com").toMap();

        assertEquals(7, values.size());
        assertEquals("ada@example.com", values.get("email"));
        assertTrue(values.containsKey("id"));
        assertNull(values.get("id"));
        assertNull(values.get("active"));
    }

    @Test
    void setAttributeConvertsTheValueAndGetAttributeReadsItBack() {
        User user = users();

        User returned = user.setAttribute("age", "42").setAttribute("email", "ada@example.com");

        assertSame(user, returned);
        assertEquals(42, user.getAge());
        assertEquals(42, user.getAttribute("age"));
        assertEquals("ada@example.com", user.getAttribute("email"));
        assertNull(user.getAttribute("name"));
    }

    @Test
    void setAttributeThenSavePersistsTheConvertedValue() {
        User user = users().setEmail("ada@example.com");

        user.setAttribute("active", "false").setAttribute("age", 36L).save();

        Map<String, Object> row = rows("users", "id").get(0);
        assertEquals(false, row.get("active"));
        assertEquals(36, row.get("age"));
    }

    @Test
    void getAttributeOfAnUnknownNameThrowsUnknownAttribute() {
        User user = users();

        UnknownAttributeException e = assertThrows(UnknownAttributeException.class, () -> user.getAttribute("nmae"));

        assertTrue(e.getMessage().contains("User"), e.getMessage());
        assertTrue(e.getMessage().contains("nmae"), e.getMessage());
        assertTrue(e.getMessage().contains("name"), e.getMessage());
    }
}
