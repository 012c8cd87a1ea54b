package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.entity.InvalidValueException;
import dev.quarry.entity.UnknownAttributeException;
import dev.quarry.it.model.BlogPost;
import dev.quarry.it.model.Membership;
import dev.quarry.it.model.Post;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.query.InvalidQueryException;
import dev.quarry.query.Page;
import dev.quarry.query.Query;
import dev.quarry.query.UnknownScopeException;
import dev.quarry.sql.ExecutedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The query builder against a real database: every condition, order, limit and verb, checked by
 * the rows it returns or changes and by the statements it runs.
 *
 * <p>Most tests seed the same five users straight through JDBC (see {@link #seedUsers()}):
 *
 * <pre>
 *   name  active  role    age
 *   Ada   true    admin   36
 *   Bob   true    member  25
 *   Cy    false   admin   41
 *   Dee   true    member  null
 *   Eve   false   member  30
 * </pre>
 */
class QueryIT extends DatabaseTest {

    // ---- where(column, value) and where(column, operator, value) ------------------------------

    @Test
    void whereWithAValueMatchesOnlyRowsEqualToIt() {
        seedUsers();
        assertEquals(List.of("Ada", "Cy"), names(users().where("role", "admin").orderBy("id").get()));
    }

    @Test
    void whereWithTheEqualsOperatorMatchesOnlyEqualRows() {
        seedUsers();
        assertEquals(List.of("Eve"), names(users().where("age", "=", 30).get()));
    }

    @Test
    void whereWithTheAngleNotEqualOperatorExcludesEqualRows() {
        seedUsers();
        // Dee's age is null: SQL's <> never matches a null.
        assertEquals(List.of("Ada", "Bob", "Cy"), names(users().where("age", "<>", 30).orderBy("id").get()));
    }

    @Test
    void whereWithTheBangNotEqualOperatorIsTheSameAsAngleNotEqual() {
        seedUsers();
        Query<User> bang = users().where("age", "!=", 30);
        assertEquals(List.of("Ada", "Bob", "Cy"), names(bang.copy().orderBy("id").get()));
        assertTrue(bang.toSql().contains("\"users\".\"age\" <> ?"), bang.toSql());
    }

    @Test
    void whereLessThanExcludesTheBoundary() {
        seedUsers();
        assertEquals(List.of("Bob"), names(users().where("age", "<", 30).get()));
    }

    @Test
    void whereLessOrEqualIncludesTheBoundary() {
        seedUsers();
        assertEquals(List.of("Bob", "Eve"), names(users().where("age", "<=", 30).orderBy("id").get()));
    }

    @Test
    void whereGreaterThanExcludesTheBoundary() {
        seedUsers();
        assertEquals(List.of("Cy"), names(users().where("age", ">", 36).get()));
    }

    @Test
    void whereGreaterOrEqualIncludesTheBoundary() {
        seedUsers();
        assertEquals(List.of("Ada", "Cy"), names(users().where("age", ">=", 36).orderBy("id").get()));
    }

    @Test
    void whereLikeMatchesOnlyRowsFittingThePattern() {
        seedUsers();
        assertEquals(List.of("Dee", "Eve"), names(users().where("name", "like", "%e").orderBy("id").get()));
        assertEquals(List.of("Dee"), names(users().where("email", "like", "d%").get()));
    }

    @Test
    void whereNotLikeExcludesRowsFittingThePattern() {
        seedUsers();
        assertEquals(List.of("Ada", "Bob", "Cy"), names(users().where("name", "not like", "%e").orderBy("id").get()));
    }

    @Test
    void operatorsIgnoreCaseAndExtraBlanks() {
        seedUsers();
        assertEquals(List.of("Ada", "Bob", "Cy"),
                names(users().where("name", "  NOT \t LIKE ", "%e").orderBy("id").get()));
        assertEquals(List.of("Dee", "Eve"), names(users().where("name", " Like", "%e").orderBy("id").get()));
    }

    @ParameterizedTest(name = "operator \"{0}\"")
    @ValueSource(strings = {"==", "===", "is", "in", "between", "<=>", "~", "ilike", "", " "})
    void anOperatorOutsideTheAcceptedListIsRefusedBeforeAnyStatement(String operator) {
        seedUsers();
        statements.reset();
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> users().where("age", operator, 30));
        assertTrue(e.getMessage().contains("not like"), e.getMessage());
        assertEquals(0, statements.count());
    }

    @Test
    void aNullOperatorIsRefused() {
        assertThrows(InvalidQueryException.class, () -> users().where("age", null, 30));
    }

    // ---- null comparisons ------------------------------------------------------------------

    @Test
    void whereWithANullValueMatchesRowsWhereTheColumnIsNull() {
        seedUsers();
        Query<User> query = users().where("age", null);
        assertEquals(List.of("Dee"), names(query.get()));
        assertTrue(query.toSql().endsWith("WHERE \"users\".\"age\" IS NULL"), query.toSql());
        assertEquals(List.of(), query.bindings());
    }

    @Test
    void whereEqualsNullWithAnExplicitOperatorAlsoMeansIsNull() {
        seedUsers();
        assertEquals(List.of("Dee"), names(users().where("age", "=", null).get()));
    }

    @Test
    void whereNotEqualNullMatchesRowsWhereTheColumnIsNotNull() {
        seedUsers();
        Query<User> query = users().where("age", "<>", null);
        assertEquals(List.of("Ada", "Bob", "Cy", "Eve"), names(query.orderBy("id").get()));
        assertTrue(query.toSql().contains("\"users\".\"age\" IS NOT NULL"), query.toSql());
    }

    @Test
    void whereBangEqualsNullAlsoMeansIsNotNull() {
        seedUsers();
        assertEquals(List.of("Ada", "Bob", "Cy", "Eve"), names(users().where("age", "!=", null).orderBy("id").get()));
    }

    @ParameterizedTest(name = "operator \"{0}\"")
    @ValueSource(strings = {"<", "<=", ">", ">=", "like", "not like"})
    void comparingWithNullUsingAnyOtherOperatorIsRefused(String operator) {
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> users().where("age", operator, null));
        assertTrue(e.getMessage().contains("whereNull"), e.getMessage());
    }

    // ---- orWhere and groups ------------------------------------------------------------------

    @Test
    void orWhereMatchesRowsSatisfyingEitherCondition() {
        seedUsers();
        assertEquals(List.of("Bob", "Cy"),
                names(users().where("name", "Bob").orWhere("age", ">", 40).orderBy("id").get()));
    }

    @Test
    void orWhereWithAnOperatorBindsItsValue() {
        seedUsers();
        Query<User> query = users().where("role", "admin").orWhere("age", "<", 26);
        assertEquals(List.of("Ada", "Bob", "Cy"), names(query.copy().orderBy("id").get()));
        assertEquals(List.of("admin", 26), query.bindings());
    }

    @Test
    void aGroupIsParenthesisedSoItBindsTighterThanTheSurroundingAnd() {
        seedUsers();
        // active AND (role = admin OR age > 40): only Ada. Without the parentheses,
        // "active AND role = admin OR age > 40" would also return Cy (inactive, 41).
        Query<User> query = users().where("active", true)
                .where(q -> q.where("role", "admin").orWhere("age", ">", 40));
        assertEquals(List.of("Ada"), names(query.get()));
        assertTrue(query.toSql().contains("WHERE \"users\".\"active\" = ? AND (\"users\".\"role\" = ? OR \"users\".\"age\" > ?)"),
                query.toSql());
    }

    @Test
    void anOrGroupIsParenthesisedAsOneOperand() {
        seedUsers();
        // name = Bob OR (role = admin OR age = 30) AND active = false: Bob, Cy and Eve.
        // Without the parentheses, "name = Bob OR role = admin OR age = 30 AND active = false"
        // would also return Ada (an active admin).
        Query<User> query = users().where("name", "Bob")
                .orWhere(q -> q.where("role", "admin").orWhere("age", 30))
                .where("active", false);
        assertEquals(List.of("Bob", "Cy", "Eve"), names(query.copy().orderBy("id").get()));
        assertTrue(query.toSql().contains("OR (\"users\".\"role\" = ? OR \"users\".\"age\" = ?) AND"), query.toSql());
    }

    @Test
    void groupsNestInsideGroups() {
        seedUsers();
        // role = member AND (age < 26 OR (active = false AND age >= 30)): Bob and Eve.
        // Without the inner parentheses "age < 26 OR active = false AND age >= 30" is the same, but
        // without the outer ones Cy (admin, inactive, 41) would match.
        List<User> found = users().where("role", "member")
                .where(q -> q.where("age", "<", 26).orWhere(inner -> inner.where("active", false).where("age", ">=", 30)))
                .orderBy("id").get();
        assertEquals(List.of("Bob", "Eve"), names(found));
    }

    @Test
    void anEmptyGroupAddsNoCondition() {
        seedUsers();
        Query<User> query = users().where(q -> { });
        assertEquals(5, query.get().size());
        assertFalse(query.toSql().contains("WHERE"), query.toSql());
    }

    // ---- whereIn / whereNotIn -------------------------------------------------------------------

    @Test
    void whereInMatchesRowsWhoseValueIsInTheList() {
        seedUsers();
        assertEquals(List.of("Bob", "Eve"), names(users().whereIn("age", List.of(25, 30, 99)).orderBy("id").get()));
    }

    @Test
    void whereInWithAnEmptyListMatchesNoRow() {
        seedUsers();
        assertEquals(List.of(), users().whereIn("age", List.of()).get());
    }

    @Test
    void whereInWithAnEmptyListStillHonoursAnOrWhere() {
        seedUsers();
        assertEquals(List.of("Bob"), names(users().whereIn("age", List.of()).orWhere("name", "Bob").get()));
    }

    @Test
    void whereNotInWithAnEmptyListMatchesEveryRow() {
        seedUsers();
        assertEquals(5, users().whereNotIn("age", List.of()).get().size());
    }

    @Test
    void whereNotInExcludesRowsWhoseValueIsInTheList() {
        seedUsers();
        assertEquals(List.of("Ada", "Cy"), names(users().whereNotIn("role", List.of("member", "guest")).orderBy("id").get()));
    }

    @Test
    void whereInWithANullInTheListAlsoMatchesRowsWhereTheColumnIsNull() {
        seedUsers();
        Query<User> query = users().whereIn("age", Arrays.asList(25, null));
        assertEquals(List.of("Bob", "Dee"), names(query.copy().orderBy("id").get()));
        assertEquals(List.of(25), query.bindings());
    }

    @Test
    void whereInWithOnlyANullMatchesOnlyNullRows() {
        seedUsers();
        assertEquals(List.of("Dee"), names(users().whereIn("age", Arrays.asList((Object) null)).get()));
    }

    @Test
    void whereNotInWithANullInTheListAlsoExcludesRowsWhereTheColumnIsNull() {
        seedUsers();
        assertEquals(List.of("Ada", "Cy", "Eve"), names(users().whereNotIn("age", Arrays.asList(25, null)).orderBy("id").get()));
    }

    @Test
    void whereInWithANullInTheListStaysInsideItsOwnParentheses() {
        seedUsers();
        // active = false AND (age IN (25) OR age IS NULL): nobody. Bob and Dee are active.
        assertEquals(List.of(), users().where("active", false).whereIn("age", Arrays.asList(25, null)).get());
    }

    @Test
    void whereInWithANullCollectionIsRefused() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> users().whereIn("age", null));
        assertTrue(e.getMessage().contains("whereIn"), e.getMessage());
    }

    @Test
    void orWhereInAddsAnAlternative() {
        seedUsers();
        assertEquals(List.of("Ada", "Bob", "Cy"),
                names(users().where("role", "admin").orWhereIn("age", List.of(25)).orderBy("id").get()));
    }

    @Test
    void whereInConvertsEachValueToTheAttributeType() {
        seedUsers();
        Query<User> query = users().whereIn("id", List.of("1", 3));
        assertEquals(List.of(1L, 3L), query.bindings());
        assertEquals(List.of("Ada", "Cy"), names(query.orderBy("id").get()));
    }

    // ---- whereNull / whereNotNull / orWhereNull -------------------------------------------------

    @Test
    void whereNullMatchesOnlyRowsWhereTheColumnIsNull() {
        seedUsers();
        assertEquals(List.of("Dee"), names(users().whereNull("age").get()));
    }

    @Test
    void whereNotNullMatchesOnlyRowsWithAValue() {
        seedUsers();
        assertEquals(List.of("Ada", "Bob", "Cy", "Eve"), names(users().whereNotNull("age").orderBy("id").get()));
    }

    @Test
    void orWhereNullAddsTheNullRowsAsAnAlternative() {
        seedUsers();
        assertEquals(List.of("Ada", "Cy", "Dee"), names(users().where("role", "admin").orWhereNull("age").orderBy("id").get()));
    }

    // ---- order, limit, offset ---------------------------------------------------------------------

    @Test
    void orderByWithoutADirectionSortsAscending() {
        seedUsers();
        assertEquals(List.of("Ada", "Bob", "Cy", "Dee", "Eve"), names(users().orderBy("name").get()));
    }

    @Test
    void orderByDescSortsDescending() {
        seedUsers();
        assertEquals(List.of("Eve", "Dee", "Cy", "Bob", "Ada"), names(users().orderBy("name", "desc").get()));
        assertEquals(List.of("Eve", "Dee", "Cy", "Bob", "Ada"), names(users().orderByDesc("name").get()));
    }

    @Test
    void orderByDirectionIgnoresCaseAndBlanks() {
        seedUsers();
        assertEquals(List.of("Eve", "Dee", "Cy", "Bob", "Ada"), names(users().orderBy("name", " DESC ").get()));
    }

    @Test
    void multipleOrdersApplyInTheOrderGiven() {
        seedUsers();
        // role asc (admin before member), then name desc within each role.
        assertEquals(List.of("Cy", "Ada", "Eve", "Dee", "Bob"),
                names(users().orderBy("role").orderBy("name", "desc").get()));
        assertEquals(List.of("Ada", "Cy", "Bob", "Dee", "Eve"),
                names(users().orderBy("role", "asc").orderBy("name", "asc").get()));
    }

    @ParameterizedTest(name = "direction \"{0}\"")
    @ValueSource(strings = {"up", "descending", "ascending", "", "desc; drop table users", "1"})
    void anUnknownOrderDirectionIsRefused(String direction) {
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> users().orderBy("name", direction));
        assertTrue(e.getMessage().contains("asc or desc"), e.getMessage());
    }

    @Test
    void aNullOrderDirectionIsRefused() {
        assertThrows(InvalidQueryException.class, () -> users().orderBy("name", null));
    }

    @Test
    void limitReturnsAtMostThatManyRows() {
        seedUsers();
        assertEquals(List.of("Ada", "Bob"), names(users().orderBy("id").limit(2).get()));
    }

    @Test
    void offsetSkipsThatManyRows() {
        seedUsers();
        assertEquals(List.of("Cy", "Dee"), names(users().orderBy("id").offset(2).limit(2).get()));
    }

    @Test
    void offsetWithoutALimitReturnsTheRest() {
        seedUsers();
        assertEquals(List.of("Dee", "Eve"), names(users().orderBy("id").offset(3).get()));
    }

    @Test
    void limitZeroReturnsNoRow() {
        seedUsers();
        // Accepted by limit() ("must be 0 or more"), so it must mean "no rows", not a database error.
        assertEquals(List.of(), users().limit(0).get());
    }

    @Test
    void aNegativeLimitIsRefused() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> users().limit(-1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }

    @Test
    void aNegativeOffsetIsRefused() {
        assertThrows(InvalidQueryException.class, () -> users().offset(-5));
    }

    // ---- verbs and statement counts ----------------------------------------------------------------

    @Test
    void getRunsExactlyOneSelect() {
        seedUsers();
        statements.reset();
        List<User> found = users().where("active", true).orderBy("name").limit(10).get();
        assertEquals(3, found.size());
        assertEquals(1, statements.count());
        ExecutedStatement statement = statements.statements().get(0);
        assertTrue(statement.isSelect(), statement.sql());
        assertTrue(statement.succeeded());
    }

    @Test
    void getReturnsLoadedEntitiesWithEveryAttribute() {
        seedUsers();
        User ada = users().where("name", "Ada").get().get(0);
        assertTrue(ada.isLoaded());
        assertFalse(ada.isDirty());
        assertEquals("ada@example.com", ada.getEmail());
        assertEquals(36, ada.getAge());
        assertEquals("admin", ada.getRole());
        assertEquals(true, ada.getActive());
    }

    @Test
    void firstReturnsTheFirstRowInOrderWithOneStatement() {
        seedUsers();
        statements.reset();
        Optional<User> first = users().whereNotNull("age").orderByDesc("age").first();
        assertEquals("Cy", first.orElseThrow().getName());
        assertEquals(1, statements.count());
    }

    @Test
    void firstDoesNotChangeTheLimitOfTheQuery() {
        seedUsers();
        Query<User> query = users().orderBy("id").limit(3);
        assertTrue(query.first().isPresent());
        assertEquals(3, query.get().size());
    }

    @Test
    void firstOnNoMatchIsEmpty() {
        seedUsers();
        assertTrue(users().where("name", "Nobody").first().isEmpty());
    }

    @Test
    void countIgnoresOrderAndRunsOneStatement() {
        seedUsers();
        statements.reset();
        assertEquals(3, users().where("active", true).orderBy("name").count());
        assertEquals(1, statements.count());
        String sql = statements.sql().get(0);
        assertTrue(sql.startsWith("SELECT COUNT(*)"), sql);
        assertFalse(sql.contains("ORDER BY"), sql);
    }

    @Test
    void countIgnoresLimitAndOffset() {
        seedUsers();
        assertEquals(5, users().limit(2).offset(1).count());
    }

    @Test
    void existsIsTrueWhenARowMatchesWithOneStatement() {
        seedUsers();
        statements.reset();
        assertTrue(users().where("role", "admin").orderBy("name").exists());
        assertEquals(1, statements.count());
        assertFalse(statements.sql().get(0).contains("ORDER BY"), statements.sql().get(0));
    }

    @Test
    void existsIsFalseWhenNoRowMatches() {
        seedUsers();
        statements.reset();
        assertFalse(users().where("role", "owner").exists());
        assertEquals(1, statements.count());
    }

    // ---- paginate ----------------------------------------------------------------------------

    @Test
    void paginateReturnsThePageItemsAndTotalsWithTwoStatements() {
        seedNumberedUsers(7);
        statements.reset();
        Page<User> page = users().orderBy("id").paginate(2, 3);
        assertEquals(List.of("user04", "user05", "user06"), names(page.items()));
        assertEquals(7, page.total());
        assertEquals(2, page.page());
        assertEquals(3, page.perPage());
        assertEquals(3, page.lastPage());
        assertTrue(page.hasMore());
        assertEquals(2, statements.count());
    }

    @Test
    void paginateOnTheLastPageHasNoMore() {
        seedNumberedUsers(7);
        Page<User> page = users().orderBy("id").paginate(3, 3);
        assertEquals(List.of("user07"), names(page.items()));
        assertFalse(page.hasMore());
        assertEquals(3, page.lastPage());
    }

    @Test
    void paginateBeyondTheLastPageIsEmptyButKeepsTheTotal() {
        seedNumberedUsers(7);
        Page<User> page = users().orderBy("id").paginate(5, 3);
        assertEquals(List.of(), page.items());
        assertEquals(7, page.total());
        assertFalse(page.hasMore());
    }

    @Test
    void paginateOfNoRowsHasOneEmptyLastPage() {
        Page<User> page = users().paginate(1, 10);
        assertEquals(List.of(), page.items());
        assertEquals(0, page.total());
        assertEquals(1, page.lastPage());
        assertFalse(page.hasMore());
    }

    @Test
    void paginateKeepsTheConditions() {
        seedUsers();
        Page<User> page = users().where("role", "member").orderBy("id").paginate(1, 2);
        assertEquals(List.of("Bob", "Dee"), names(page.items()));
        assertEquals(3, page.total());
        assertEquals(2, page.lastPage());
    }

    @Test
    void paginateRefusesAPageOrSizeBelowOneBeforeAnyStatement() {
        seedUsers();
        statements.reset();
        assertThrows(InvalidQueryException.class, () -> users().paginate(0, 10));
        assertThrows(InvalidQueryException.class, () -> users().paginate(-1, 10));
        assertThrows(InvalidQueryException.class, () -> users().paginate(1, 0));
        assertEquals(0, statements.count());
    }

    @Test
    void paginateWithAPageTooLargeForAnOffsetIsRefusedAsAnInvalidQuery() {
        seedUsers();
        // A page number straight from a request (?page=2000000000) must not escape as an
        // ArithmeticException: it is a bad page like page 0.
        RuntimeException e = assertThrows(RuntimeException.class, () -> users().paginate(2_000_000_000, 10));
        assertInstanceOf(InvalidQueryException.class, e, e.toString());
    }

    // ---- chunk -------------------------------------------------------------------------------

    @Test
    void chunkPagesByKeyVisitingEveryRowOnceInKeyOrder() {
        List<Long> ids = seedNumberedUsers(25);
        statements.reset();
        List<Integer> sizes = new ArrayList<>();
        List<Long> seen = new ArrayList<>();
        users().chunk(10, rows -> {
            sizes.add(rows.size());
            rows.forEach(u -> seen.add(u.getId()));
        });
        assertEquals(List.of(10, 10, 5), sizes);
        assertEquals(ids, seen);
        // 25 rows by 10: three selects; the short third page tells it to stop.
        assertEquals(3, statements.count());
        assertTrue(statements.statements().stream().allMatch(ExecutedStatement::isSelect));
    }

    @Test
    void chunkByKeyUsesAKeyConditionRatherThanAnOffset() {
        seedNumberedUsers(25);
        statements.reset();
        users().chunk(10, rows -> { });
        List<String> sql = statements.sql();
        assertFalse(sql.get(0).contains("\"users\".\"id\" > ?"), sql.get(0));
        assertTrue(sql.get(1).contains("\"users\".\"id\" > ?"), sql.get(1));
        assertTrue(sql.get(2).contains("\"users\".\"id\" > ?"), sql.get(2));
        assertTrue(sql.stream().noneMatch(s -> s.contains("OFFSET")), sql.toString());
    }

    @Test
    void chunkWhenRowsFillTheLastChunkExactlyRunsOneMoreSelectToFindTheEnd() {
        List<Long> ids = seedNumberedUsers(20);
        statements.reset();
        List<Long> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        users().chunk(10, rows -> {
            sizes.add(rows.size());
            rows.forEach(u -> seen.add(u.getId()));
        });
        assertEquals(List.of(10, 10), sizes);
        assertEquals(ids, seen);
        assertEquals(3, statements.count());
    }

    @Test
    void chunkOfNoRowsRunsOneSelectAndNeverCallsTheConsumer() {
        statements.reset();
        AtomicBoolean called = new AtomicBoolean();
        users().chunk(10, rows -> called.set(true));
        assertFalse(called.get());
        assertEquals(1, statements.count());
    }

    @Test
    void chunkKeepsTheConditions() {
        seedNumberedUsers(25); // user01..user25; odd numbers inactive
        List<String> seen = new ArrayList<>();
        users().where("active", true).chunk(4, rows -> rows.forEach(u -> seen.add(u.getName())));
        assertEquals(12, seen.size());
        assertEquals(12, new HashSet<>(seen).size());
        assertTrue(seen.stream().allMatch(n -> Integer.parseInt(n.substring(4)) % 2 == 0), seen.toString());
    }

    @Test
    void chunkByKeyWithAnOrConditionVisitsEachMatchingRowExactlyOnce() {
        seedNumberedUsers(25); // even: active; every user's role is member except user03 (admin)
        execute("UPDATE \"users\" SET \"role\" = 'admin' WHERE \"name\" = 'user03'");
        // active = true OR role = admin: 12 even users plus user03.
        List<String> seen = new ArrayList<>();
        users().where("active", true).orWhere("role", "admin").chunk(5, rows -> {
            rows.forEach(u -> seen.add(u.getName()));
            if (seen.size() > 100) {
                throw new IllegalStateException("chunk keeps returning the same rows: " + seen.subList(0, 20));
            }
        });
        assertEquals(13, seen.size(), seen.toString());
        assertEquals(13, new HashSet<>(seen).size(), seen.toString());
    }

    @Test
    void chunkWithAnExplicitOrderPagesByOffsetAndVisitsEveryRowOnceInThatOrder() {
        seedNumberedUsers(25);
        statements.reset();
        List<String> seen = new ArrayList<>();
        users().orderBy("name", "desc").chunk(10, rows -> rows.forEach(u -> seen.add(u.getName())));
        List<String> expected = new ArrayList<>();
        for (int i = 25; i >= 1; i--) {
            expected.add(String.format("user%02d", i));
        }
        assertEquals(expected, seen);
        assertEquals(3, statements.count());
        assertTrue(statements.sql().get(1).contains("OFFSET 10 ROWS"), statements.sql().get(1));
        assertTrue(statements.sql().get(2).contains("OFFSET 20 ROWS"), statements.sql().get(2));
    }

    @Test
    void chunkWithAnOrderOnAColumnWithTiesStillVisitsEveryRowOnce() {
        List<Long> ids = seedNumberedUsers(25); // active alternates, so the order has many ties
        List<Long> seen = new ArrayList<>();
        users().orderBy("active").chunk(4, rows -> rows.forEach(u -> seen.add(u.getId())));
        assertEquals(25, seen.size(), seen.toString());
        assertEquals(new HashSet<>(ids), new HashSet<>(seen));
    }

    @Test
    void chunkOfAnEntityWithACompositeKeyPagesByOffsetInKeyOrder() {
        for (long user = 1; user <= 3; user++) {
            for (long team = 3; team >= 1; team--) {
                execute("INSERT INTO \"memberships\" (\"userId\", \"teamId\", \"level\") VALUES (?, ?, 'x')", user, team);
            }
        }
        statements.reset();
        List<String> seen = new ArrayList<>();
        entities.get(Membership.class).chunk(4, rows -> rows.forEach(m -> seen.add(m.getUserId() + "/" + m.getTeamId())));
        assertEquals(List.of("1/1", "1/2", "1/3", "2/1", "2/2", "2/3", "3/1", "3/2", "3/3"), seen);
        assertEquals(3, statements.count());
        assertTrue(statements.sql().get(0).contains("ORDER BY \"memberships\".\"userId\" ASC, \"memberships\".\"teamId\" ASC"),
                statements.sql().get(0));
    }

    @Test
    void chunkHonoursTheLimit() {
        List<Long> ids = seedNumberedUsers(25);
        statements.reset();
        List<Long> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        users().limit(15).chunk(10, rows -> {
            sizes.add(rows.size());
            rows.forEach(u -> seen.add(u.getId()));
        });
        assertEquals(List.of(10, 5), sizes);
        assertEquals(ids.subList(0, 15), seen);
        assertEquals(2, statements.count());
    }

    @Test
    void chunkHonoursALimitThatIsAMultipleOfTheSizeWithoutAnExtraSelect() {
        List<Long> ids = seedNumberedUsers(25);
        statements.reset();
        List<Long> seen = new ArrayList<>();
        users().limit(20).chunk(10, rows -> rows.forEach(u -> seen.add(u.getId())));
        assertEquals(ids.subList(0, 20), seen);
        assertEquals(2, statements.count());
    }

    @Test
    void chunkHonoursTheOffsetAndLimitTogether() {
        List<Long> ids = seedNumberedUsers(25);
        List<Long> seen = new ArrayList<>();
        users().offset(5).limit(12).chunk(5, rows -> rows.forEach(u -> seen.add(u.getId())));
        assertEquals(ids.subList(5, 17), seen);
    }

    @Test
    void chunkRefusesASizeBelowOne() {
        AtomicBoolean called = new AtomicBoolean();
        assertThrows(InvalidQueryException.class, () -> users().chunk(0, rows -> called.set(true)));
        assertFalse(called.get());
    }

    // ---- scopes --------------------------------------------------------------------------------

    @Test
    void aScopeWithoutArgumentsAddsItsConditions() {
        seedUsers();
        assertEquals(List.of("Ada", "Bob", "Dee"), names(users().scope("active").orderBy("id").get()));
    }

    @Test
    void aScopeWithAnArgumentPassesIt() {
        seedUsers();
        assertEquals(List.of("Ada", "Cy"), names(users().scope("ofRole", "admin").orderBy("id").get()));
    }

    @Test
    void aStaticScopeIsCalledByTheNameItsAnnotationGives() {
        seedUsers();
        assertEquals(List.of("Ada", "Cy"), names(users().scope("olderThan", 30).orderBy("id").get()));
    }

    @Test
    void aStaticScopeIsNotReachableByItsMethodName() {
        assertThrows(UnknownScopeException.class, () -> users().scope("agedOver", 30));
    }

    @Test
    void scopesCombineWithEachOtherAndWithWhere() {
        seedUsers();
        assertEquals(List.of("Ada"), names(users().scope("active").scope("ofRole", "admin").get()));
        assertEquals(List.of("Bob"), names(users().scope("active").where("age", "<", 30).get()));
    }

    @Test
    void aScopeCanBeStartedFromAnEntity() {
        seedUsers();
        assertEquals(List.of("Cy"), names(entities.get(User.class).scope("olderThan", 40).get()));
    }

    @Test
    void anUnknownScopeThrowsSuggestingTheNearestName() {
        UnknownScopeException e = assertThrows(UnknownScopeException.class, () -> users().scope("activ"));
        assertEquals("UnknownScope", e.errorId());
        assertTrue(e.getMessage().contains("Entity User has no scope 'activ'"), e.getMessage());
        assertTrue(e.getMessage().contains("Did you mean active?"), e.getMessage());
        assertTrue(e.getMessage().contains("Known scopes: active, ofRole, olderThan"), e.getMessage());
    }

    @Test
    void aNullScopeNameIsRefusedAsAnUnknownScope() {
        assertThrows(UnknownScopeException.class, () -> users().scope(null));
    }

    @Test
    void aScopeGivenAnArgumentOfTheWrongTypeIsRefusedNamingBothTypes() {
        seedUsers();
        statements.reset();
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> users().scope("ofRole", 5));
        assertFalse(e instanceof UnknownScopeException, e.getMessage());
        assertTrue(e.getMessage().contains("ofRole"), e.getMessage());
        assertTrue(e.getMessage().contains("[String]"), e.getMessage());
        assertTrue(e.getMessage().contains("[Integer]"), e.getMessage());
        assertEquals(0, statements.count());
    }

    @Test
    void aStaticScopeGivenALongForItsIntegerIsRefused() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> users().scope("olderThan", 30L));
        assertTrue(e.getMessage().contains("[Long]"), e.getMessage());
    }

    @Test
    void aScopeGivenTooFewArgumentsIsRefused() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> users().scope("ofRole"));
        assertTrue(e.getMessage().contains("[String]"), e.getMessage());
    }

    @Test
    void aScopeGivenTooManyArgumentsIsRefused() {
        assertThrows(InvalidQueryException.class, () -> users().scope("active", "extra"));
    }

    @Test
    void aRefusedScopeAddsNoCondition() {
        seedUsers();
        Query<User> query = users();
        assertThrows(InvalidQueryException.class, () -> query.scope("ofRole", 5));
        assertEquals(5, query.get().size());
    }

    // ---- when ---------------------------------------------------------------------------------

    @Test
    void whenTrueAppliesTheCallback() {
        seedUsers();
        assertEquals(List.of("Ada", "Cy"), names(users().when(true, q -> q.where("role", "admin")).orderBy("id").get()));
    }

    @Test
    void whenFalseDoesNotCallTheCallback() {
        seedUsers();
        AtomicBoolean called = new AtomicBoolean();
        Query<User> query = users().when(false, q -> {
            called.set(true);
            q.where("role", "admin");
        });
        assertFalse(called.get());
        assertEquals(5, query.get().size());
    }

    // ---- bulk update and delete ---------------------------------------------------------------

    @Test
    void bulkUpdateChangesOnlyMatchingRowsAndReturnsTheCount() {
        seedUsers();
        statements.reset();
        int updated = users().where("role", "member").update(Map.of("active", false, "age", 50));
        assertEquals(3, updated);
        assertEquals(1, statements.count());
        assertTrue(statements.sql().get(0).startsWith("UPDATE \"users\" SET"), statements.sql().get(0));
        List<Map<String, Object>> after = rows("users", "id");
        assertEquals(List.of(true, false, false, false, false), after.stream().map(r -> r.get("active")).toList());
        assertEquals(Arrays.asList(36, 50, 41, 50, 50), after.stream().map(r -> r.get("age")).toList());
    }

    @Test
    void bulkUpdateOfNoMatchingRowReturnsZeroAndChangesNothing() {
        seedUsers();
        List<Map<String, Object>> before = rows("users", "id");
        assertEquals(0, users().where("role", "owner").update(Map.of("age", 1)));
        assertEquals(before, rows("users", "id"));
    }

    @Test
    void bulkUpdateConvertsValuesToTheAttributeTypes() {
        seedUsers();
        assertEquals(1, users().where("name", "Bob").update(Map.of("age", "52", "active", "false")));
        Map<String, Object> bob = rows("users", "id").get(1);
        assertEquals(52, bob.get("age"));
        assertEquals(false, bob.get("active"));
    }

    @Test
    void bulkUpdateSetsTheUpdatedTimestampOfATimestampedEntity() {
        execute("INSERT INTO \"posts\" (\"title\", \"createdAt\", \"updatedAt\") VALUES ('a', ?, ?)",
                Timestamp.from(Instant.parse("2020-01-01T00:00:00Z")), Timestamp.from(Instant.parse("2020-01-01T00:00:00Z")));
        execute("INSERT INTO \"posts\" (\"title\", \"createdAt\", \"updatedAt\") VALUES ('b', ?, ?)",
                Timestamp.from(Instant.parse("2020-01-01T00:00:00Z")), Timestamp.from(Instant.parse("2020-01-01T00:00:00Z")));
        assertEquals(1, entities.get(Post.class).query().where("title", "a").update(Map.of("published", true)));
        Post a = entities.get(Post.class).query().where("title", "a").firstOrFail();
        Post b = entities.get(Post.class).query().where("title", "b").firstOrFail();
        assertTrue(a.isPublished());
        assertEquals(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS), a.getUpdatedAt());
        assertEquals(Instant.parse("2020-01-01T00:00:00Z"), b.getUpdatedAt());
        assertEquals(Instant.parse("2020-01-01T00:00:00Z"), a.getCreatedAt());
    }

    @Test
    void bulkUpdateOfAnUnknownAttributeIsRefusedBeforeAnyStatement() {
        seedUsers();
        List<Map<String, Object>> before = rows("users", "id");
        statements.reset();
        assertThrows(UnknownAttributeException.class, () -> users().update(Map.of("agee", 3)));
        assertEquals(0, statements.count());
        assertEquals(before, rows("users", "id"));
    }

    @Test
    void bulkUpdateWithALimitIsRefusedAndChangesNothing() {
        seedUsers();
        List<Map<String, Object>> before = rows("users", "id");
        statements.reset();
        assertThrows(InvalidQueryException.class, () -> users().limit(1).update(Map.of("age", 3)));
        assertThrows(InvalidQueryException.class, () -> users().offset(1).update(Map.of("age", 3)));
        assertEquals(0, statements.count());
        assertEquals(before, rows("users", "id"));
    }

    @Test
    void bulkDeleteRemovesOnlyMatchingRowsAndReturnsTheCount() {
        seedUsers();
        statements.reset();
        assertEquals(2, users().where("active", false).delete());
        assertEquals(1, statements.count());
        List<Object> left = rows("users", "id").stream().map(r -> r.get("name")).toList();
        assertEquals(List.of("Ada", "Bob", "Dee"), left);
    }

    @Test
    void bulkDeleteOfNoMatchingRowReturnsZero() {
        seedUsers();
        assertEquals(0, users().where("role", "owner").delete());
        assertEquals(5, countRows("users"));
    }

    @Test
    void bulkDeleteWithALimitIsRefusedAndDeletesNothing() {
        seedUsers();
        statements.reset();
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> users().where("active", false).limit(1).delete());
        assertTrue(e.getMessage().contains("delete()"), e.getMessage());
        assertEquals(0, statements.count());
        assertEquals(5, countRows("users"));
    }

    @Test
    void bulkDeleteWithAnOffsetIsRefusedAndDeletesNothing() {
        seedUsers();
        assertThrows(InvalidQueryException.class, () -> users().offset(2).delete());
        assertEquals(5, countRows("users"));
    }

    @Test
    void bulkDeleteWithAGroupDeletesOnlyTheGroupsRows() {
        seedUsers();
        // active = false AND (age > 40 OR age IS NULL): only Cy; flattened it would also delete Dee.
        assertEquals(1, users().where("active", false).where(q -> q.where("age", ">", 40).orWhereNull("age")).delete());
        assertEquals(List.of("Ada", "Bob", "Dee", "Eve"), rows("users", "id").stream().map(r -> r.get("name")).toList());
    }

    // ---- names: attribute, column, unknown --------------------------------------------------------

    @Test
    void whereAcceptsTheAttributeNameAndTheColumnNameAlike() {
        execute("INSERT INTO \"blog_posts\" (\"headline\") VALUES ('First')");
        execute("INSERT INTO \"blog_posts\" (\"headline\") VALUES ('Second')");
        Query<BlogPost> byAttribute = entities.get(BlogPost.class).query().where("title", "Second");
        Query<BlogPost> byColumn = entities.get(BlogPost.class).query().where("headline", "Second");
        assertEquals(List.of("Second"), byAttribute.get().stream().map(BlogPost::getTitle).toList());
        assertEquals(List.of("Second"), byColumn.get().stream().map(BlogPost::getTitle).toList());
        assertEquals(byAttribute.toSql(), byColumn.toSql());
        assertTrue(byAttribute.toSql().contains("WHERE \"blog_posts\".\"headline\" = ?"), byAttribute.toSql());
    }

    @Test
    void orderByAcceptsTheAttributeNameAndSortsByItsColumn() {
        execute("INSERT INTO \"blog_posts\" (\"headline\") VALUES ('b')");
        execute("INSERT INTO \"blog_posts\" (\"headline\") VALUES ('c')");
        execute("INSERT INTO \"blog_posts\" (\"headline\") VALUES ('a')");
        assertEquals(List.of("c", "b", "a"),
                entities.get(BlogPost.class).query().orderBy("title", "desc").get().stream().map(BlogPost::getTitle).toList());
    }

    @Test
    void aQualifiedColumnOfTheEntityTableIsAccepted() {
        seedUsers();
        assertEquals(List.of("Bob"), names(users().where("users.name", "Bob").get()));
    }

    @Test
    void whereOnAnUnknownColumnNamesTheEntityAndSuggestsTheNearestAttribute() {
        seedUsers();
        statements.reset();
        UnknownAttributeException e = assertThrows(UnknownAttributeException.class, () -> users().where("emial", "x"));
        assertEquals("UnknownAttribute", e.errorId());
        assertTrue(e.getMessage().contains("Entity User has no attribute 'emial'"), e.getMessage());
        assertTrue(e.getMessage().contains("Did you mean email?"), e.getMessage());
        assertEquals(0, statements.count());
    }

    @Test
    void anUnknownColumnOfAnEntityWithAColumnOverrideSuggestsTheAttributeName() {
        UnknownAttributeException e = assertThrows(UnknownAttributeException.class,
                () -> entities.get(BlogPost.class).query().where("titel", "x"));
        assertTrue(e.getMessage().contains("Entity BlogPost has no attribute 'titel'"), e.getMessage());
        assertTrue(e.getMessage().contains("Did you mean title?"), e.getMessage());
    }

    @Test
    void unknownColumnsAreRefusedInEveryConditionAndOrder() {
        assertThrows(UnknownAttributeException.class, () -> users().orderBy("nmae"));
        assertThrows(UnknownAttributeException.class, () -> users().whereIn("nmae", List.of(1)));
        assertThrows(UnknownAttributeException.class, () -> users().whereNotIn("nmae", List.of(1)));
        assertThrows(UnknownAttributeException.class, () -> users().whereNull("nmae"));
        assertThrows(UnknownAttributeException.class, () -> users().whereNotNull("nmae"));
        assertThrows(UnknownAttributeException.class, () -> users().orWhereNull("nmae"));
        assertThrows(UnknownAttributeException.class, () -> users().orWhere("nmae", 1));
    }

    @Test
    void attributeNamesAreCaseSensitive() {
        UnknownAttributeException e = assertThrows(UnknownAttributeException.class, () -> users().where("EMAIL", "x"));
        assertTrue(e.getMessage().contains("Did you mean email?"), e.getMessage());
    }

    // ---- toSql, bindings, conversion -------------------------------------------------------------

    @Test
    void toSqlShowsPlaceholdersAndBindingsShowsTheValuesInOrder() {
        statements.reset();
        Query<User> query = users().where("email", "ada@example.com").where("age", ">", 30).whereIn("role", List.of("a", "b"));
        String sql = query.toSql();
        assertTrue(sql.startsWith("SELECT \"users\".\"id\", \"users\".\"email\""), sql);
        assertTrue(sql.contains("WHERE \"users\".\"email\" = ? AND \"users\".\"age\" > ? AND \"users\".\"role\" IN (?, ?)"), sql);
        assertFalse(sql.contains("ada@example.com"), sql);
        assertEquals(List.of("ada@example.com", 30, "a", "b"), query.bindings());
        assertEquals(0, statements.count());
    }

    @Test
    void toSqlShowsTheOrderAndLimit() {
        String sql = users().orderByDesc("age").limit(5).offset(10).toSql();
        assertTrue(sql.endsWith("ORDER BY \"users\".\"age\" DESC OFFSET 10 ROWS FETCH FIRST 5 ROWS ONLY"), sql);
    }

    @Test
    void aStringIdIsConvertedForAnIdComparison() {
        seedUsers();
        Query<User> query = users().where("id", "3");
        assertEquals(List.of(3L), query.bindings());
        assertEquals(List.of("Cy"), names(query.get()));
        assertEquals("Cy", users().find("3").orElseThrow().getName());
        assertEquals("Cy", users().findOrFail(" 3 ").getName());
    }

    @Test
    void aValueThatCannotBeConvertedToTheAttributeTypeIsRefusedBeforeAnyStatement() {
        statements.reset();
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> users().where("age", "old"));
        assertTrue(e.getMessage().contains("'old'"), e.getMessage());
        assertThrows(InvalidValueException.class, () -> users().where("id", "3.5"));
        assertEquals(0, statements.count());
    }

    @Test
    void findOnAQueryWithAnOrConditionStillRequiresTheKey() {
        seedUsers();
        // role = admin OR name = Bob, then find(1): the key must restrict the whole condition.
        Optional<User> found = users().where("role", "admin").orWhere("name", "Bob").find(2L);
        assertEquals("Bob", found.orElseThrow().getName());
        assertTrue(users().where("role", "admin").orWhere("name", "Bob").find(4L).isEmpty());
    }

    @Test
    void copyIsIndependentOfTheOriginal() {
        seedUsers();
        Query<User> original = users().where("active", true);
        Query<User> copy = original.copy().where("role", "admin");
        assertEquals(3, original.get().size());
        assertEquals(List.of("Ada"), names(copy.get()));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Query<User> users() {
        return entities.get(User.class).query();
    }

    private static List<String> names(List<User> users) {
        return users.stream().map(User::getName).toList();
    }

    /** The five users of the class comment, with ids 1 to 5. */
    private void seedUsers() {
        insertUser("ada@example.com", "Ada", true, "admin", 36);
        insertUser("bob@example.com", "Bob", true, "member", 25);
        insertUser("cy@example.com", "Cy", false, "admin", 41);
        insertUser("dee@example.com", "Dee", true, "member", null);
        insertUser("eve@example.com", "Eve", false, "member", 30);
        statements.reset();
    }

    /** {@code count} users named user01, user02, ...; the even ones active. Returns their ids in order. */
    private List<Long> seedNumberedUsers(int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(insertUser(String.format("user%02d@example.com", i), String.format("user%02d", i), i % 2 == 0, "member", 20 + i));
        }
        statements.reset();
        Set<Long> distinct = new HashSet<>(ids);
        assertEquals(count, distinct.size());
        return ids;
    }

    private long insertUser(String email, String name, boolean active, String role, Integer age) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO \"users\" (\"email\", \"name\", \"active\", \"role\", \"age\")"
                        + " VALUES (:email, :name, :active, :role, :age)")
                .bind("email", email).bind("name", name).bind("active", active).bind("role", role)
                .bindByType("age", age, Integer.class)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }
}
