package dev.quarry.it.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Module;
import dev.quarry.entity.Key;
import dev.quarry.inject.QuarryModule;
import dev.quarry.it.model.Course;
import dev.quarry.it.model.Developer;
import dev.quarry.it.model.Project;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.Student;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.relation.InvalidRelatedIdException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The write side of belongsToMany, part one: attach and detach on the pivot table. */
class PivotAttachDetachIT extends DatabaseTest {
    private static final String ROLES_OF = "SELECT \"roleId\" FROM \"roles_users\" WHERE \"userId\" = ? ORDER BY \"roleId\"";
    private static final String ROWS_OF =
            "SELECT \"roleId\", \"assignedBy\", \"createdAt\", \"updatedAt\" FROM \"roles_users\" WHERE \"userId\" = ? ORDER BY \"roleId\"";

    private final List<Boolean> inTransaction = Collections.synchronizedList(new ArrayList<>());
    private User ada;
    private User grace;
    private Role admin;
    private Role editor;
    private Role viewer;
    private Role guest;
    private Instant start;

    @Override
    protected Module module(QuarryModule.Builder builder) {
        return builder.statementListener(statement -> {
            if (entities != null) {
                inTransaction.add(entities.database().isInTransaction());
            }
        }).build();
    }

    @BeforeEach
    void seed() {
        ada = entities.get(User.class).create(Map.of("email", "ada@example.com"));
        grace = entities.get(User.class).create(Map.of("email", "grace@example.com"));
        admin = entities.get(Role.class).create(Map.of("name", "admin"));
        editor = entities.get(Role.class).create(Map.of("name", "editor"));
        viewer = entities.get(Role.class).create(Map.of("name", "viewer"));
        guest = entities.get(Role.class).create(Map.of("name", "guest"));
        start = clock.instant();
        reset();
    }

    // ---- attach -----------------------------------------------------------------------------

    @Test
    void attachOneIdInsertsOneRowAndReturnsIt() {
        assertEquals(List.of(admin.getId()), ada.roles().attach(admin.getId()));
        assertEquals(List.of(row(admin.getId(), null, start, start)), query(ROWS_OF, ada.getId()));
        assertEquals(List.of("SELECT", "INSERT"), verbs());
    }

    @Test
    void attachOneEntityInsertsItsKey() {
        assertEquals(List.of(editor.getId()), ada.roles().attach(editor));
        assertEquals(List.of(editor.getId()), ids(ROLES_OF, ada.getId()));
        assertEquals(List.of("SELECT", "INSERT"), verbs());
    }

    @Test
    void attachVarargsMixesIdsAndEntitiesInTheOrderGiven() {
        assertEquals(List.of(viewer.getId(), admin.getId(), editor.getId()),
                ada.roles().attach(viewer, admin.getId(), editor));
        assertEquals(List.of(admin.getId(), editor.getId(), viewer.getId()), ids(ROLES_OF, ada.getId()));
        assertEquals(List.of("SELECT", "INSERT"), verbs());
    }

    @Test
    void attachACollectionOfIdsAndEntities() {
        assertEquals(List.of(admin.getId(), guest.getId()),
                ada.roles().attach(new LinkedHashSet<>(List.of(admin, guest.getId()))));
        assertEquals(List.of(admin.getId(), guest.getId()), ids(ROLES_OF, ada.getId()));
        assertEquals(List.of("SELECT", "INSERT"), verbs());
    }

    @Test
    void idsGivenAsStringIntAndLongAreOneId() {
        Long id = guest.getId();
        assertEquals(4L, id);
        assertEquals(List.of(4L), ada.roles().attach("4", 4, 4L));
        assertEquals(List.of(4L), ids(ROLES_OF, ada.getId()));
        assertEquals(List.of("SELECT", "INSERT"), verbs());
        assertEquals(1, countMatches(statements.sql().get(1), "("), "one row inserted: " + statements.sql().get(1));
    }

    @Test
    void duplicatesAreCollapsed() {
        assertEquals(List.of(admin.getId()), ada.roles().attach(admin, admin.getId(), admin, String.valueOf(admin.getId())));
        assertEquals(List.of(admin.getId()), ids(ROLES_OF, ada.getId()));
    }

    @Test
    void alreadyAttachedIdsAreSkippedAndNotReturned() {
        execute("INSERT INTO \"roles_users\" (\"userId\", \"roleId\", \"assignedBy\") VALUES (?, ?, 'root')", ada.getId(), admin.getId());
        reset();
        assertEquals(List.of(editor.getId()), ada.roles().attach(admin, editor));
        assertEquals(List.of(row(admin.getId(), "root", null, null), row(editor.getId(), null, start, start)),
                query(ROWS_OF, ada.getId()), "the attached row keeps its values");
        assertEquals(List.of("SELECT", "INSERT"), verbs());
    }

    @Test
    void attachingOnlyAttachedIdsRunsOnlyTheSelect() {
        ada.roles().attach(admin, editor);
        reset();
        assertEquals(List.of(), ada.roles().attach(editor, admin));
        assertEquals(List.of("SELECT"), verbs());
    }

    @Test
    void attachReadsOnlyTheGivenIdsOfThisParent() {
        ada.roles().attach(admin);
        reset();
        ada.roles().attach(editor, viewer);
        String select = statements.sql().get(0);
        assertTrue(select.contains("\"userId\" = ?") && select.contains("\"roleId\" IN (?, ?)"), select);
    }

    @Test
    void perIdAttributes() {
        Map<Object, Map<String, ?>> given = new LinkedHashMap<>();
        given.put(admin.getId(), Map.of("assignedBy", "alice"));
        given.put(editor, Map.of("assignedBy", "bob"));
        given.put(viewer.getId(), Map.of());
        assertEquals(List.of(admin.getId(), editor.getId(), viewer.getId()), ada.roles().attach(given));
        assertEquals(List.of(row(admin.getId(), "alice", start, start), row(editor.getId(), "bob", start, start),
                row(viewer.getId(), null, start, start)), query(ROWS_OF, ada.getId()));
    }

    @Test
    void perIdAttributesOfTheSameIdInTwoFormsAreOneRowAndTheLaterWins() {
        Map<Object, Map<String, ?>> given = new LinkedHashMap<>();
        given.put(String.valueOf(admin.getId()), Map.of("assignedBy", "first"));
        given.put(admin.getId(), Map.of("assignedBy", "second"));
        assertEquals(List.of(admin.getId()), ada.roles().attach(given));
        assertEquals(List.of(row(admin.getId(), "second", start, start)), query(ROWS_OF, ada.getId()));
    }

    @Test
    void sharedAttributesGoOnEveryRow() {
        assertEquals(List.of(admin.getId(), editor.getId()),
                ada.roles().attach(List.of(admin, editor.getId()), Map.of("assignedBy", "admin")));
        assertEquals(List.of(row(admin.getId(), "admin", start, start), row(editor.getId(), "admin", start, start)),
                query(ROWS_OF, ada.getId()));
        assertEquals(List.of("SELECT", "INSERT"), verbs());
    }

    @Test
    void attachOneIdWithAttributes() {
        assertEquals(List.of(viewer.getId()), ada.roles().attach(viewer.getId(), Map.of("assignedBy", "root")));
        assertEquals(List.of(row(viewer.getId(), "root", start, start)), query(ROWS_OF, ada.getId()));
    }

    @Test
    void attachWithANullAttributeValueStoresNull() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("assignedBy", null);
        assertEquals(List.of(admin.getId()), ada.roles().attach(admin, attributes));
        assertEquals(List.of(row(admin.getId(), null, start, start)), query(ROWS_OF, ada.getId()));
    }

    @Test
    void withTimestampsSetsCreatedAndUpdatedFromTheClock() {
        clock.advance(Duration.ofHours(5));
        Instant now = clock.instant();
        ada.roles().attach(admin);
        assertEquals(List.of(row(admin.getId(), null, now, now)), query(ROWS_OF, ada.getId()));
    }

    @Test
    void aRelationWithoutTimestampsLeavesTheTimestampColumnsAlone() {
        // Role.users() is the inverse of User.roles() through the same pivot, without withTimestamps().
        assertEquals(List.of(ada.getId()), admin.users().attach(ada));
        assertEquals(List.of(row(admin.getId(), null, null, null)), query(ROWS_OF, ada.getId()));
    }

    @Test
    void explicitTimestampAttributesAreKeptOnInsert() {
        // Eloquent merges the caller's attributes over the defaults (array_merge(baseAttachRecord, attributes)),
        // and Quarry's own updateExistingPivot keeps an explicit updatedAt: an explicit value must not be dropped.
        Instant past = Instant.parse("2020-05-06T07:08:09.123456Z");
        ada.roles().attach(admin, Map.of("createdAt", past, "updatedAt", past));
        assertEquals(List.of(row(admin.getId(), null, past, past)), query(ROWS_OF, ada.getId()));
    }

    @Test
    void anEqualityPivotFilterGivesInsertedRowsItsValue() {
        assertEquals(List.of(admin.getId(), editor.getId()), ada.roles().wherePivot("assignedBy", "sso").attach(admin, editor));
        assertEquals(List.of(row(admin.getId(), "sso", start, start), row(editor.getId(), "sso", start, start)),
                query(ROWS_OF, ada.getId()));
    }

    @Test
    void anExplicitAttributeThatContradictsAnEqualityPivotFilterIsRefusedAndWritesNothing() {
        // Storing the caller's value would write a row this relation cannot see; storing the filter's
        // value would silently drop the caller's. Quarry refuses the contradiction instead.
        InvalidRelatedIdException refused = assertThrows(InvalidRelatedIdException.class,
                () -> ada.roles().wherePivot("assignedBy", "sso").attach(admin, Map.of("assignedBy", "root")));

        assertTrue(refused.getMessage().contains("wherePivot(\"assignedBy\", sso)"), refused.getMessage());
        assertEquals(List.of(), ids(ROLES_OF, ada.getId()));
    }

    @Test
    void attachOnTheInverseSideWritesTheSamePivot() {
        assertEquals(List.of(ada.getId(), grace.getId()), admin.users().attach(ada, grace.getId()));
        assertEquals(List.of(List.of(ada.getId()), List.of(grace.getId())),
                query("SELECT \"userId\" FROM \"roles_users\" WHERE \"roleId\" = ? ORDER BY \"userId\"", admin.getId()));
        assertEquals(List.of("admin"), grace.roles().get().stream().map(Role::getName).toList());
    }

    @ParameterizedTest(name = "{0} ids")
    @ValueSource(ints = {1, 10, 500})
    void attachRunsOneSelectAndOneInsertForAnyNumberOfIds(int count) {
        StringBuilder insert = new StringBuilder("INSERT INTO \"roles\" (\"id\", \"name\") VALUES ");
        for (int i = 0; i < count; i++) {
            insert.append(i == 0 ? "" : ", ").append("(").append(1000 + i).append(", 'r").append(i).append("')");
        }
        execute(insert.toString());
        reset();
        List<Object> wanted = LongStream.range(1000, 1000 + count).boxed().collect(Collectors.toList());
        assertEquals(wanted, ada.roles().attach(wanted, Map.of("assignedBy", "bulk")));
        assertEquals(List.of("SELECT", "INSERT"), verbs(), statements.sql().toString());
        assertAllInTransaction();
        assertEquals(List.of((long) count), flat(query("SELECT COUNT(*) FROM \"roles_users\" WHERE \"userId\" = ?", ada.getId())));
    }

    @Test
    void anEmptyListRunsNoStatement() {
        assertEquals(List.of(), ada.roles().attach(List.of()));
        assertEquals(List.of(), ada.roles().attach());
        assertEquals(List.of(), ada.roles().attach(Map.of()));
        assertEquals(List.of(), ada.roles().attach(List.of(), Map.of("assignedBy", "x")));
        assertEquals(0, statements.count(), statements.sql().toString());
        assertEquals(List.of(), ids(ROLES_OF, ada.getId()));
    }

    @Test
    void attachRunsInOneTransaction() {
        ada.roles().attach(admin, editor);
        assertEquals(2, inTransaction.size());
        assertAllInTransaction();
    }

    @Test
    void perIdAttributesWithTheSameColumnsInAnotherOrderAreOneInsert() {
        execute("ALTER TABLE \"permissions_users\" ADD COLUMN \"note\" VARCHAR(50)");
        execute("ALTER TABLE \"permissions_users\" ADD COLUMN \"level\" INTEGER");
        var read = entities.get(dev.quarry.it.model.Permission.class).create(Map.of("name", "read"));
        var write = entities.get(dev.quarry.it.model.Permission.class).create(Map.of("name", "write"));
        reset();
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("note", "a");
        first.put("level", 1);
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("level", 2);
        second.put("note", "b");
        Map<Object, Map<String, ?>> given = new LinkedHashMap<>();
        given.put(read, first);
        given.put(write, second);
        ada.permissions().attach(given);
        assertEquals(List.of(List.of(read.getId(), "a", 1), List.of(write.getId(), "b", 2)),
                query("SELECT \"permissionId\", \"note\", \"level\" FROM \"permissions_users\" ORDER BY \"permissionId\"",
                        new Object[0]));
        assertEquals(List.of("SELECT", "INSERT"), verbs(), "the same columns make one batched INSERT: " + statements.sql());
    }

    @Test
    void perIdAttributesWithDifferentColumnsMakeOneBatchedInsertPerSetOfColumns() {
        // Inserts are JDBC batches of one prepared statement; a row without a given column leaves it
        // out, so that it takes the column's default, and so goes in a batch of its own.
        Map<Object, Map<String, ?>> given = new LinkedHashMap<>();
        given.put(admin, Map.of("assignedBy", "alice"));
        given.put(editor, Map.of());
        assertEquals(List.of(admin.getId(), editor.getId()), ada.roles().attach(given));
        assertEquals(List.of(row(admin.getId(), "alice", start, start), row(editor.getId(), null, start, start)),
                query(ROWS_OF, ada.getId()));
        assertEquals(List.of("SELECT", "INSERT", "INSERT"), verbs(), statements.sql().toString());
    }

    @Test
    void attachWithCustomKeysStoresTheCustomKeyValues() {
        Student student = entities.get(Student.class).setCode("S1").save();
        Course c1 = entities.get(Course.class).setRef("C1").save();
        entities.get(Course.class).setRef("C2").save();
        reset();
        assertEquals(List.of("C1", "C2"), student.courses().attach(List.of(c1, "C2"), Map.of("grade", 4)));
        assertEquals(List.of(List.of("S1", "C1", 4), List.of("S1", "C2", 4)),
                query("SELECT \"studentCode\", \"courseRef\", \"grade\" FROM \"enrolments\" ORDER BY \"courseRef\""));
    }

    @Test
    void attachWithCompositeKeysTakesKeysAndEntities() {
        Project apollo = entities.get(Project.class).setOrgId(7L).setCode("apollo").save();
        entities.get(Project.class).setOrgId(7L).setCode("gemini").save();
        Developer dev = entities.get(Developer.class).setName("Ada").save();
        reset();
        List<Object> attached = dev.projects().attach(apollo, Key.of("orgId", "7", "code", "gemini"), Key.of("orgId", 7L, "code", "apollo"));
        assertEquals(List.of(Key.of("orgId", 7L, "code", "apollo"), Key.of("orgId", 7L, "code", "gemini")), attached);
        assertEquals(List.of(List.of(dev.getId(), 7L, "apollo"), List.of(dev.getId(), 7L, "gemini")),
                query("SELECT \"developerId\", \"projectOrgId\", \"projectCode\" FROM \"developers_projects\" ORDER BY \"projectCode\""));
        assertEquals(List.of("SELECT", "INSERT"), verbs());
    }

    @Test
    void attachFromACompositeKeyedParent() {
        Project apollo = entities.get(Project.class).setOrgId(7L).setCode("apollo").save();
        Developer dev = entities.get(Developer.class).setName("Ada").save();
        reset();
        assertEquals(List.of(dev.getId()), apollo.developers().attach(dev));
        assertEquals(List.of(List.of(dev.getId(), 7L, "apollo")),
                query("SELECT \"developerId\", \"projectOrgId\", \"projectCode\" FROM \"developers_projects\""));
    }

    // ---- detach -----------------------------------------------------------------------------

    @Test
    void detachOneIdRemovesItsRowWithOneDelete() {
        ada.roles().attach(admin, editor, viewer);
        reset();
        assertEquals(1, ada.roles().detach(editor.getId()));
        assertEquals(List.of(admin.getId(), viewer.getId()), ids(ROLES_OF, ada.getId()));
        assertEquals(List.of("DELETE"), verbs());
        assertAllInTransaction();
    }

    @Test
    void detachEntities() {
        ada.roles().attach(admin, editor, viewer);
        reset();
        assertEquals(2, ada.roles().detach(admin, viewer));
        assertEquals(List.of(editor.getId()), ids(ROLES_OF, ada.getId()));
        assertEquals(List.of("DELETE"), verbs());
    }

    @Test
    void detachMixedIdsEntitiesAndForms() {
        ada.roles().attach(admin, editor, viewer, guest);
        reset();
        assertEquals(3, ada.roles().detach(List.of(admin, String.valueOf(editor.getId()), guest.getId().intValue(), admin.getId())));
        assertEquals(List.of(viewer.getId()), ids(ROLES_OF, ada.getId()));
        assertEquals(List.of("DELETE"), verbs());
    }

    @Test
    void detachOnlyTouchesThisParent() {
        ada.roles().attach(admin, editor);
        grace.roles().attach(admin, editor);
        reset();
        assertEquals(1, ada.roles().detach(admin));
        assertEquals(List.of(admin.getId(), editor.getId()), ids(ROLES_OF, grace.getId()));
    }

    @Test
    void detachWithoutArgumentsRemovesAllOfThisParentsRowsAndNoneOfAnothers() {
        ada.roles().attach(admin, editor, viewer);
        grace.roles().attach(admin, guest);
        reset();
        assertEquals(3, ada.roles().detach());
        assertEquals(List.of(), ids(ROLES_OF, ada.getId()));
        assertEquals(List.of(admin.getId(), guest.getId()), ids(ROLES_OF, grace.getId()));
        assertEquals(List.of("DELETE"), verbs());
        assertAllInTransaction();
    }

    @Test
    void detachAllHonoursThePivotFilter() {
        ada.roles().attach(List.of(admin, editor), Map.of("assignedBy", "sso"));
        ada.roles().attach(viewer, Map.of("assignedBy", "root"));
        reset();
        assertEquals(2, ada.roles().wherePivot("assignedBy", "sso").detach());
        assertEquals(List.of(viewer.getId()), ids(ROLES_OF, ada.getId()));
    }

    @Test
    void detachOfIdsHonoursThePivotFilter() {
        ada.roles().attach(admin, Map.of("assignedBy", "sso"));
        ada.roles().attach(editor, Map.of("assignedBy", "root"));
        reset();
        assertEquals(1, ada.roles().wherePivot("assignedBy", "sso").detach(admin, editor));
        assertEquals(List.of(editor.getId()), ids(ROLES_OF, ada.getId()));
    }

    @Test
    void detachOfAnEmptyListRemovesNothingAndRunsNoStatement() {
        ada.roles().attach(admin, editor);
        reset();
        assertEquals(0, ada.roles().detach(List.of()));
        assertEquals(0, ada.roles().detach(new Object[0]));
        assertEquals(0, ada.roles().detach(Collections.emptySet()));
        assertEquals(0, statements.count(), statements.sql().toString());
        assertEquals(List.of(admin.getId(), editor.getId()), ids(ROLES_OF, ada.getId()));
    }

    @Test
    void detachOfANotAttachedIdReturnsZero() {
        ada.roles().attach(admin);
        grace.roles().attach(viewer);
        reset();
        assertEquals(0, ada.roles().detach(viewer));
        assertEquals(List.of("DELETE"), verbs());
        assertEquals(List.of(admin.getId()), ids(ROLES_OF, ada.getId()));
        assertEquals(List.of(viewer.getId()), ids(ROLES_OF, grace.getId()));
    }

    @Test
    void detachWithCustomKeys() {
        Student student = entities.get(Student.class).setCode("S1").save();
        Course c1 = entities.get(Course.class).setRef("C1").save();
        entities.get(Course.class).setRef("C2").save();
        student.courses().attach(c1, "C2");
        reset();
        assertEquals(1, student.courses().detach(c1));
        assertEquals(List.of(List.of("C2")), query("SELECT \"courseRef\" FROM \"enrolments\""));
    }

    @Test
    void detachWithCompositeKeys() {
        Project apollo = entities.get(Project.class).setOrgId(7L).setCode("apollo").save();
        entities.get(Project.class).setOrgId(7L).setCode("gemini").save();
        entities.get(Project.class).setOrgId(8L).setCode("apollo").save();
        Developer dev = entities.get(Developer.class).setName("Ada").save();
        dev.projects().attach(apollo, Key.of("orgId", 7L, "code", "gemini"), Key.of("orgId", 8L, "code", "apollo"));
        reset();
        assertEquals(2, dev.projects().detach(Key.of("orgId", 8L, "code", "apollo"), apollo));
        assertEquals(List.of(List.of(7L, "gemini")),
                query("SELECT \"projectOrgId\", \"projectCode\" FROM \"developers_projects\""));
        assertEquals(List.of("DELETE"), verbs());
    }

    // ---- the parent's cached relation -------------------------------------------------------

    @Test
    void attachForgetsTheCachedRelation() {
        ada.roles().attach(admin);
        assertEquals(1, ada.roles().getResults().size());
        assertTrue(ada.isRelationLoaded("roles"));
        ada.roles().attach(editor);
        assertFalse(ada.isRelationLoaded("roles"));
        assertEquals(List.of("admin", "editor"), names(ada.roles().getResults()));
    }

    @Test
    void detachForgetsTheCachedRelation() {
        ada.roles().attach(admin, editor);
        assertEquals(2, ada.roles().getResults().size());
        ada.roles().detach(admin);
        assertFalse(ada.isRelationLoaded("roles"));
        assertEquals(List.of("editor"), names(ada.roles().getResults()));
        ada.roles().detach();
        assertEquals(List.of(), ada.roles().getResults());
    }

    // ---- helpers ----------------------------------------------------------------------------

    private void reset() {
        statements.reset();
        inTransaction.clear();
    }

    private void assertAllInTransaction() {
        assertFalse(inTransaction.isEmpty(), "no statement was recorded");
        assertEquals(Collections.nCopies(inTransaction.size(), true), List.copyOf(inTransaction),
                "every statement runs inside the operation's transaction: " + statements.sql());
    }

    private List<String> verbs() {
        return statements.sql().stream().map(s -> s.stripLeading().split("\\s+", 2)[0].toUpperCase(Locale.ROOT)).toList();
    }

    private static List<String> names(List<Role> roles) {
        return roles.stream().map(Role::getName).sorted().toList();
    }

    private static int countMatches(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count - 1; // the column list's parenthesis
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private List<Object> ids(String sql, Object... args) {
        return flat(query(sql, args));
    }

    private static List<Object> flat(List<List<Object>> rows) {
        return rows.stream().map(r -> r.get(0)).toList();
    }

    /** Rows straight from JDBC, on a connection of its own (not seen by the statement recorder). */
    private List<List<Object>> query(String sql, Object... args) {
        try (Connection connection = DriverManager.getConnection(url, "SA", "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<List<Object>> rows = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        Object value = rs.getObject(i);
                        row.add(value instanceof Timestamp t ? t.toInstant() : value);
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
