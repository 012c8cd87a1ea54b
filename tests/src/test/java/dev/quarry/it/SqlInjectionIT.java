package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.QuarryException;
import dev.quarry.entity.InvalidValueException;
import dev.quarry.entity.UnknownAttributeException;
import dev.quarry.it.model.Country;
import dev.quarry.it.model.Post;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.sql.StatementFailedException;
import dev.quarry.it.support.TestDatabases;
import dev.quarry.query.InvalidQueryException;
import dev.quarry.query.Query;
import dev.quarry.sql.InvalidIdentifierException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile input against a real database. A hostile name (column, attribute) must be refused
 * before any statement runs, leaving the tables as they were; a hostile value must be bound as a
 * parameter, so it is stored and compared exactly as given and never changes a statement's meaning.
 */
class SqlInjectionIT extends DatabaseTest {

    /** Column and attribute names that must never reach SQL. */
    static Stream<String> hostileNames() {
        return Stream.of(
                "email\"; DROP TABLE \"users\"; --",
                "email OR 1=1",
                "email--",
                "email;",
                "email/**/",
                "email\u0000",
                "\u0000",
                "em\u0000ail",
                "em\"ail",
                "\"email\"",
                "email'",
                "'email'",
                "`email`",
                "[email]",
                "em\u0430il",          // Cyrillic a
                "\u0435mail",          // Cyrillic e
                "\uff45mail",          // full-width e
                "email\u202e",         // right-to-left override
                "email\u200b",         // zero-width space
                "e".repeat(200),
                "users." + "e".repeat(200),
                "users.email; x",
                "users.email\" OR \"1\"=\"1",
                "users..email",
                ".email",
                "users.",
                "a.b.c.d",
                "users.*",
                "*",
                "(SELECT 1)",
                "1=1",
                "1email",
                "email\n",
                " email",
                "email ",
                "");
    }

    /**
     * Values that would change a statement if they were spliced into its text. PostgreSQL cannot
     * store a NUL character in text at all, so on PostgreSQL those values are left to
     * {@link #aNulCharacterIsRefusedByPostgresWithoutWritingAnything}.
     */
    static Stream<String> hostileValues() {
        return allHostileValues().filter(v -> !TestDatabases.postgres() || v.indexOf('\u0000') < 0);
    }

    private static Stream<String> allHostileValues() {
        return Stream.of(
                "' OR '1'='1",
                "\"; DROP TABLE users; --",
                "'; DROP TABLE \"users\"; --",
                "Robert'); DROP TABLE \"users\";--",
                "x' UNION SELECT \"email\" FROM \"users\" --",
                "\\' OR 1=1 --",
                "a\u0000b",
                "\u0000",
                "\u0000' OR '1'='1",
                "\uD83D\uDE00\uD83D\uDD25 emoji \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
                "\u202eevil",
                "\uFEFFbom",
                "line1\nline2\r\n\ttab",
                "?",
                ":name",
                "$1",
                "--",
                "/*",
                "\\",
                "%",
                "_");
    }

    /** Operators that try to smuggle SQL through the operator argument. */
    @Test
    void aNulCharacterIsRefusedByPostgresWithoutWritingAnything() {
        if (!TestDatabases.postgres()) {
            return; // HSQLDB stores NUL in text: the value tests above store and read it back
        }
        long before = countRows("users");

        StatementFailedException refused = assertThrows(StatementFailedException.class,
                () -> entities.get(User.class).create(java.util.Map.of("email", "ada@example.com", "name", "a\u0000b")));

        assertTrue(refused.getMessage().contains("0x00"), refused.getMessage());
        assertEquals(before, countRows("users"));
    }

    static Stream<String> hostileOperators() {
        return Stream.of(
                "= 1 OR 1=1 --",
                "= ? OR 1=1 --",
                "=; DROP TABLE \"users\"; --",
                "LIKE '%' OR 1=1 --",
                "<> '' --",
                "=\u0000",
                "= ANY",
                "IS NOT",
                "= (SELECT 1)",
                "=/**/",
                "not like --");
    }

    private long adaId;

    @BeforeEach
    void seed() {
        adaId = insertUser("ada@example.com", "Ada");
        insertUser("bob@example.com", "Bob");
        statements.reset();
    }

    // ---- hostile names ----------------------------------------------------------------------

    @ParameterizedTest(name = "[{index}] where({0})")
    @MethodSource("hostileNames")
    void aHostileColumnInWhereIsRefusedBeforeAnyStatement(String name) {
        assertRefusedBeforeAnyStatement(name, () -> users().where(name, "x").get());
        assertRefusedBeforeAnyStatement(name, () -> users().where(name, "=", "x").get());
        assertRefusedBeforeAnyStatement(name, () -> users().where("name", "Ada").orWhere(name, "x").get());
        assertRefusedBeforeAnyStatement(name, () -> users().where(q -> q.where(name, "x")).get());
    }

    @ParameterizedTest(name = "[{index}] where({0}) then delete()")
    @MethodSource("hostileNames")
    void aHostileColumnInABulkDeleteIsRefusedBeforeAnyRowIsDeleted(String name) {
        assertRefusedBeforeAnyStatement(name, () -> users().where(name, "x").delete());
        assertRefusedBeforeAnyStatement(name, () -> users().whereNotNull(name).delete());
    }

    @ParameterizedTest(name = "[{index}] orderBy({0})")
    @MethodSource("hostileNames")
    void aHostileColumnInOrderByIsRefusedBeforeAnyStatement(String name) {
        assertRefusedBeforeAnyStatement(name, () -> users().orderBy(name).get());
        assertRefusedBeforeAnyStatement(name, () -> users().orderBy(name, "desc").get());
        assertRefusedBeforeAnyStatement(name, () -> users().orderByDesc(name).get());
    }

    @ParameterizedTest(name = "[{index}] whereIn({0})")
    @MethodSource("hostileNames")
    void aHostileColumnInWhereInIsRefusedBeforeAnyStatement(String name) {
        assertRefusedBeforeAnyStatement(name, () -> users().whereIn(name, List.of("x")).get());
        assertRefusedBeforeAnyStatement(name, () -> users().whereIn(name, List.of()).get());
        assertRefusedBeforeAnyStatement(name, () -> users().orWhereIn(name, List.of("x")).get());
        assertRefusedBeforeAnyStatement(name, () -> users().whereNotIn(name, List.of("x")).get());
    }

    @ParameterizedTest(name = "[{index}] whereNull({0})")
    @MethodSource("hostileNames")
    void aHostileColumnInWhereNullIsRefusedBeforeAnyStatement(String name) {
        assertRefusedBeforeAnyStatement(name, () -> users().whereNull(name).get());
        assertRefusedBeforeAnyStatement(name, () -> users().whereNotNull(name).get());
        assertRefusedBeforeAnyStatement(name, () -> users().orWhereNull(name).get());
    }

    @ParameterizedTest(name = "[{index}] update(Map.of({0}, ...))")
    @MethodSource("hostileNames")
    void aHostileAttributeInABulkUpdateIsRefusedBeforeAnyStatement(String name) {
        assertRefusedBeforeAnyStatement(name, () -> users().update(Map.of(name, "x")));
    }

    @ParameterizedTest(name = "[{index}] fill(Map.of({0}, ...))")
    @MethodSource("hostileNames")
    void aHostileKeyInFillIsRefusedAndChangesNothing(String name) {
        User ada = users().findOrFail(adaId);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("name", "Changed");
        attributes.put(name, "x");
        assertRefusedBeforeAnyStatement(name, () -> ada.fill(attributes).save());
        assertEquals("Ada", ada.getName());
        assertFalse(ada.isDirty());
    }

    @ParameterizedTest(name = "[{index}] create(Map.of({0}, ...))")
    @MethodSource("hostileNames")
    void aHostileKeyInCreateIsRefusedAndInsertsNothing(String name) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("email", "new@example.com");
        attributes.put(name, "x");
        assertRefusedBeforeAnyStatement(name, () -> entities.get(User.class).create(attributes));
    }

    @ParameterizedTest(name = "[{index}] setAttribute({0}, ...)")
    @MethodSource("hostileNames")
    void aHostileNameInSetAttributeIsRefusedAndChangesNothing(String name) {
        User ada = users().findOrFail(adaId);
        assertRefusedBeforeAnyStatement(name, () -> ada.setAttribute(name, "x").save());
        assertRefusedBeforeAnyStatement(name, () -> ada.getAttribute(name));
        assertFalse(ada.isDirty());
    }

    @ParameterizedTest(name = "[{index}] firstWhere({0}, ...)")
    @MethodSource("hostileNames")
    void aHostileColumnInAnEntityShortcutIsRefusedBeforeAnyStatement(String name) {
        assertRefusedBeforeAnyStatement(name, () -> entities.get(User.class).firstWhere(name, "x"));
        assertRefusedBeforeAnyStatement(name, () -> entities.get(User.class).whereNull(name).get());
        assertRefusedBeforeAnyStatement(name, () -> entities.get(User.class).orderBy(name).get());
    }

    @Test
    void aRefusedIdentifierIsReportedExactlyAndPrintedWithItsControlCharactersVisible() {
        String name = "email\u0000\"; DROP TABLE \"users\"; --";
        InvalidIdentifierException e = assertThrows(InvalidIdentifierException.class, () -> users().where(name, "x"));
        assertEquals(name, e.identifier());
        assertEquals("InvalidIdentifier", e.errorId());
        assertTrue(e.getMessage().startsWith("[Quarry/InvalidIdentifier]"), e.getMessage());
        assertTrue(e.getMessage().contains("email\\u0000\"; DROP TABLE"), e.getMessage());
        assertFalse(e.getMessage().contains("\u0000"), "the raw NUL must not reach the message");
    }

    @Test
    void aNullColumnIsRefusedAsUnknown() {
        assertRefusedBeforeAnyStatement(null, () -> users().where((String) null, "x").get());
        assertRefusedBeforeAnyStatement(null, () -> users().orderBy((String) null).get());
        assertRefusedBeforeAnyStatement(null, () -> users().whereNull((String) null).get());
    }

    @Test
    void aNullKeyInFillIsRefusedAsUnknown() {
        User ada = users().findOrFail(adaId);
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(null, "x");
        assertRefusedBeforeAnyStatement(null, () -> ada.fill(attributes).save());
    }

    // ---- hostile operators and directions ------------------------------------------------------

    @ParameterizedTest(name = "[{index}] operator {0}")
    @MethodSource("hostileOperators")
    void aHostileOperatorIsRefusedBeforeAnyStatement(String operator) {
        List<Map<String, Object>> before = rows("users", "id");
        statements.reset();
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> users().where("name", operator, "x").get());
        assertThrows(InvalidQueryException.class, () -> users().where("name", "Ada").orWhere("name", operator, "x").delete());
        assertThrows(InvalidQueryException.class, () -> entities.get(User.class).firstWhere("name", operator, "x"));
        assertEquals(0, statements.count(), statements.sql().toString());
        assertTrue(e.getMessage().contains("is not accepted"), e.getMessage());
        assertEquals(before, rows("users", "id"));
    }

    @ParameterizedTest(name = "[{index}] direction {0}")
    @ValueSource(strings = {"desc; DROP TABLE \"users\"; --", "asc, \"email\"", "desc NULLS FIRST", "asc\u0000"})
    void aHostileOrderDirectionIsRefusedBeforeAnyStatement(String direction) {
        statements.reset();
        assertThrows(InvalidQueryException.class, () -> users().orderBy("name", direction).get());
        assertEquals(0, statements.count());
        assertEquals(2, countRows("users"));
    }

    // ---- hostile values --------------------------------------------------------------------------

    @ParameterizedTest(name = "[{index}] value {0}")
    @MethodSource("hostileValues")
    void aHostileValueIsSavedAndReadBackExactly(String value) {
        User saved = entities.get(User.class).setEmail("hostile@example.com").setName(value).save();
        Object stored = jdbi.withHandle(h -> h.createQuery("SELECT \"name\" FROM \"users\" WHERE \"id\" = ?")
                .bind(0, saved.getId()).mapTo(String.class).one());
        assertEquals(value, stored);
        assertArrayEquals(value.getBytes(StandardCharsets.UTF_8), ((String) stored).getBytes(StandardCharsets.UTF_8));
        assertEquals(value, users().findOrFail(saved.getId()).getName());
        assertEquals(3, countRows("users"));
    }

    @ParameterizedTest(name = "[{index}] value {0}")
    @MethodSource("hostileValues")
    void aHostileValueInWhereMatchesOnlyItself(String value) {
        long hostile = insertUser("hostile@example.com", value);
        insertUser("decoy1@example.com", value + "x");
        insertUser("decoy2@example.com", "x" + value);
        statements.reset();
        List<User> found = users().where("name", value).get();
        assertEquals(List.of(hostile), found.stream().map(User::getId).toList());
        assertEquals(value, found.get(0).getName());
        assertEquals(1, statements.count());
        assertTrue(statements.sql().get(0).endsWith("WHERE \"users\".\"name\" = ?"), statements.sql().get(0));
        assertEquals(List.of(hostile), users().whereIn("name", List.of(value)).get().stream().map(User::getId).toList());
        assertEquals(4, users().where("name", "<>", value).count());
    }

    @ParameterizedTest(name = "[{index}] value {0}")
    @MethodSource("hostileValues")
    void aHostileValueInABulkUpdateIsWrittenOnlyToMatchingRows(String value) {
        assertEquals(1, users().where("email", "bob@example.com").update(Map.of("name", value)));
        List<Map<String, Object>> rows = rows("users", "id");
        assertEquals("Ada", rows.get(0).get("name"));
        assertEquals(value, rows.get(1).get("name"));
        assertEquals(2, rows.size());
    }

    @ParameterizedTest(name = "[{index}] value {0}")
    @MethodSource("hostileValues")
    void aHostileValueInABulkDeleteDeletesNothingElse(String value) {
        assertEquals(0, users().where("name", value).delete());
        assertEquals(0, users().whereIn("email", List.of(value, value + "@example.com")).delete());
        assertEquals(2, countRows("users"));
    }

    @Test
    void aHostileLikePatternIsBoundSoItsQuotesAreLiteral() {
        long hostile = insertUser("hostile@example.com", "it's ' OR '1'='1 here");
        statements.reset();
        List<User> found = users().where("name", "like", "%' OR '1'='1%").get();
        assertEquals(List.of(hostile), found.stream().map(User::getId).toList());
        assertEquals(0, users().where("name", "like", "%' OR '1'='1' --").count());
    }

    @Test
    void aHostileScopeArgumentIsBound() {
        assertEquals(List.of(), users().scope("ofRole", "member' OR '1'='1").get());
        assertEquals(2, users().scope("ofRole", "member").count());
    }

    @Test
    void aHostileKeyForANumericIdIsRefusedByConversionBeforeAnyStatement() {
        statements.reset();
        assertThrows(InvalidValueException.class, () -> users().find("1 OR 1=1"));
        assertThrows(InvalidValueException.class, () -> users().where("id", "1; DROP TABLE \"users\"").get());
        assertThrows(InvalidValueException.class, () -> users().whereIn("id", List.of("1", "2) OR (1=1")).get());
        assertEquals(0, statements.count());
        assertEquals(2, countRows("users"));
    }

    @Test
    void aHostileKeyForAStringIdIsBoundAndFindsNothing() {
        entities.get(Country.class).setCode("NL").setName("Netherlands").save();
        statements.reset();
        assertTrue(entities.get(Country.class).find("' OR '1'='1").isEmpty());
        assertEquals(1, statements.count());
        assertEquals(1, countRows("countries"));
    }

    @Test
    void aTenThousandCharacterValueIsSavedReadBackAndMatchedExactly() {
        execute(TestDatabases.postgres() ? "ALTER TABLE \"posts\" ALTER COLUMN \"body\" TYPE VARCHAR(20000)"
                : "ALTER TABLE \"posts\" ALTER COLUMN \"body\" SET DATA TYPE VARCHAR(20000)");
        // PostgreSQL cannot store NUL in text (see aNulCharacterIsRefusedByPostgresWithoutWritingAnything).
        String unit = "' OR '1'='1\"; DROP TABLE \"posts\"; --" + (TestDatabases.postgres() ? "" : "\u0000") + "\uD83D\uDE00";
        String longValue = unit.repeat(10_000 / unit.length() + 1).substring(0, 10_000);
        assertEquals(10_000, longValue.length());
        String almost = longValue.substring(0, 9_999) + "x";
        Post post = entities.get(Post.class).setTitle("long").setBody(longValue).save();
        entities.get(Post.class).setTitle("decoy").setBody(almost).save();

        String stored = jdbi.withHandle(h -> h.createQuery("SELECT \"body\" FROM \"posts\" WHERE \"id\" = ?")
                .bind(0, post.getId()).mapTo(String.class).one());
        assertArrayEquals(longValue.getBytes(StandardCharsets.UTF_8), stored.getBytes(StandardCharsets.UTF_8));
        assertEquals(longValue, entities.get(Post.class).findOrFail(post.getId()).getBody());

        List<Post> found = entities.get(Post.class).query().where("body", longValue).get();
        assertEquals(List.of(post.getId()), found.stream().map(Post::getId).toList());
        assertEquals(2, countRows("posts"));
    }

    @Test
    void aTenThousandCharacterValueInWhereAgainstANarrowColumnMatchesNothing() {
        String longValue = "' OR '1'='1".repeat(910).substring(0, 10_000);
        assertEquals(List.of(), users().where("name", longValue).get());
        assertEquals(2, countRows("users"));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private void assertRefusedBeforeAnyStatement(String name, Executable action) {
        List<Map<String, Object>> before = rows("users", "id");
        statements.reset();
        QuarryException e = assertThrows(QuarryException.class, action, () -> "name " + printable(name));
        assertTrue(e instanceof InvalidIdentifierException || e instanceof UnknownAttributeException,
                () -> "name " + printable(name) + " was refused with " + e);
        assertEquals(0, statements.count(), () -> "name " + printable(name) + " ran " + statements.sql());
        assertEquals(before, rows("users", "id"));
        assertTrue(tableExists("users"));
    }

    private boolean tableExists(String table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = ?")
                .bind(0, table).mapTo(Integer.class).one()) == 1;
    }

    private static String printable(String name) {
        return name == null ? "null" : name.chars().mapToObj(c -> c < 0x20 || c > 0x7e
                ? String.format("\\u%04x", c) : String.valueOf((char) c)).reduce("", String::concat);
    }

    private Query<User> users() {
        return entities.get(User.class).query();
    }

    private long insertUser(String email, String name) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO \"users\" (\"email\", \"name\") VALUES (?, ?)")
                .bind(0, email).bind(1, name).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }
}
