package dev.quarry.it.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.it.model.Role;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.it.support.TestDatabases;
import dev.quarry.relation.pivot.SyncResult;
import dev.quarry.sql.ExecutedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The statement budgets of the performance issue, asserted with a statement counter: pivot writes
 * read only the rows of the ids they are given, never the parent's whole set, and each kind of
 * change is one statement, however many ids (up to the database's bind limit, then documented chunks).
 */
class StatementBudgetIT extends DatabaseTest {
    private static final int LARGE = 100_000;

    private User user;

    @BeforeEach
    void oneUser() {
        user = entities.get(User.class).create(Map.of("email", "ada@example.com"));
        statements.reset();
    }

    /** Creates {@code count} roles straight in SQL (ids 1..count in a fresh database). */
    private void roles(int count) {
        execute(TestDatabases.postgres()
                ? "INSERT INTO \"roles\" (\"name\") SELECT 'role ' || g FROM generate_series(1, " + count + ") AS g"
                : "INSERT INTO \"roles\" (\"name\") SELECT 'role ' || CAST(n AS VARCHAR(10))"
                        + " FROM UNNEST(SEQUENCE_ARRAY(1, " + count + ", 1)) AS t(n)");
    }

    /** Attaches every role to the user straight in SQL. */
    private void attachAllRolesInSql() {
        execute("INSERT INTO \"roles_users\" (\"userId\", \"roleId\") SELECT ?, \"id\" FROM \"roles\"", user.getId());
        statements.reset();
    }

    private List<Long> roleIds(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    private static int placeholders(ExecutedStatement statement) {
        return (int) statement.sql().chars().filter(c -> c == '?').count();
    }

    /** How many values a statement binds: a key list bound as one array counts its elements. */
    private static int boundValues(ExecutedStatement statement) {
        int values = placeholders(statement);
        Matcher array = Pattern.compile("ARRAY\\[([^\\]]*)]").matcher(statement.bindings());
        while (array.find()) {
            values += array.group(1).split(",").length - 1;
        }
        return values;
    }

    @Test
    void syncWithoutDetachingOneAttachedIdUnderAHundredThousandRowsReadsOnlyThatIdsRow() {
        roles(LARGE);
        attachAllRolesInSql();

        SyncResult result = user.roles().syncWithoutDetaching(LARGE / 2L);

        assertEquals(List.of("SELECT"), statementKinds());
        ExecutedStatement select = statements.statements().get(0);
        assertEquals(2, placeholders(select), "the parent key and the one id: at most one row by the primary key\n" + select);
        assertEquals(List.of(), result.attached());
    }

    @Test
    void detachOfOneIdUnderAHundredThousandRowsIsOneDeleteOfOneRow() {
        roles(LARGE);
        attachAllRolesInSql();

        int detached = user.roles().detach(7L);

        assertEquals(1, detached);
        assertEquals(List.of("DELETE"), statementKinds());
        assertEquals(2, placeholders(statements.statements().get(0)));
        assertEquals(LARGE - 1, countRows("roles_users"));
    }

    @Test
    void attachOfAHundredIdsUnderAHundredThousandRowsReadsOnlyThoseHundred() {
        roles(LARGE + 100);
        execute("INSERT INTO \"roles_users\" (\"userId\", \"roleId\") SELECT ?, \"id\" FROM \"roles\" WHERE \"id\" <= ?",
                user.getId(), LARGE);
        statements.reset();

        List<Object> attached = user.roles().attach(roleIds(LARGE + 1, LARGE + 100));

        assertEquals(100, attached.size());
        assertEquals(List.of("SELECT", "INSERT"), statementKinds());
        assertEquals(1 + 100, boundValues(statements.statements().get(0)), "the parent key and the hundred ids");
    }

    @Test
    void syncOfAThousandWithAHundredRemovedAndAHundredAddedIsOneSelectOneDeleteOneInsert() {
        roles(1_100);
        user.roles().attach(roleIds(1, 1_000));
        statements.reset();

        SyncResult result = user.roles().sync(roleIds(101, 1_100));

        assertEquals(List.of("SELECT", "DELETE", "INSERT"), statementKinds());
        assertEquals(100, result.attached().size());
        assertEquals(100, result.detached().size());
        assertEquals(List.of(), result.updated());
    }

    @Test
    void syncUpdatesOnlyThePivotRowsWhoseValuesReallyChanged() {
        roles(3);
        Map<Long, Map<String, Object>> first = new LinkedHashMap<>();
        first.put(1L, Map.of("assignedBy", "ada"));
        first.put(2L, Map.of("assignedBy", "ada"));
        first.put(3L, Map.of("assignedBy", "ada"));
        user.roles().sync(first);
        statements.reset();

        Map<Long, Map<String, Object>> second = new LinkedHashMap<>(first);
        second.put(2L, Map.of("assignedBy", "grace"));
        SyncResult result = user.roles().sync(second);

        assertEquals(List.of(2L), result.updated());
        assertEquals(List.of("SELECT", "UPDATE"), statementKinds(), "one UPDATE for the one changed row, none for the others");
    }

    @Test
    void emptyIdListsRunNoStatementAtAll() {
        roles(3);
        statements.reset();
        user.roles().attach(List.of());
        user.roles().detach(List.of());
        user.roles().toggle(List.of());
        user.roles().syncWithoutDetaching(List.of());

        assertEquals(0, statements.count(), statements.sql().toString());
    }

    @Test
    void eagerLoadingAThousandParentsWithTwoRelationsIsThreeStatements() {
        roles(10);
        List<User> users = new ArrayList<>();
        users.add(user);
        for (int i = 1; i < 1_000; i++) {
            users.add(entities.get(User.class).create(Map.of("email", "u" + i + "@example.com")));
        }
        users.forEach(u -> u.roles().attach(roleIds(1, 2)));
        statements.reset();

        List<User> loaded = entities.get(User.class).with("roles", "posts").get();

        assertEquals(3, statements.count(), "1 for the users + 1 per relation, no Cartesian product");
        assertEquals(1_000, loaded.size());
        assertEquals(2, loaded.get(1).roles().getResults().size());
    }

    @Test
    void aHundredThousandIdsAttachInChunksWithinTheBindLimit() {
        roles(LARGE);
        statements.reset();

        List<Object> attached = user.roles().attach(roleIds(1, LARGE));

        int selects = (int) Math.ceil((double) LARGE / entities.database().dialect().keysPerStatement());
        List<String> verbs = statementKinds();
        assertEquals(selects, verbs.stream().filter("SELECT"::equals).count(), "SELECTs in chunks of keysPerStatement");
        assertEquals(selects + 1, verbs.size(), "and one batched INSERT: " + verbs.stream().distinct().toList());
        for (ExecutedStatement statement : statements.statements()) {
            assertTrue(placeholders(statement) <= entities.database().dialect().maxBindParameters(), "within the bind limit");
        }
        assertEquals(LARGE, attached.size());
        assertEquals(LARGE, countRows("roles_users"));
    }

    @Test
    void aHundredThousandRowsDetachAllInOneStatement() {
        roles(LARGE);
        attachAllRolesInSql();

        assertEquals(LARGE, user.roles().detach());

        assertEquals(List.of("DELETE"), statementKinds());
    }
}
