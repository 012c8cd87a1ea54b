package dev.quarry.it.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import dev.quarry.relation.pivot.SyncResult;
import dev.quarry.sql.DataIntegrityException;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The write side of belongsToMany, part two: sync and its variants, and the atomicity of pivot writes. */
class PivotSyncIT extends DatabaseTest {
    private static final String ROLES_OF = "SELECT \"roleId\" FROM \"roles_users\" WHERE \"userId\" = ? ORDER BY \"roleId\"";
    private static final String ROWS_OF =
            "SELECT \"roleId\", \"assignedBy\", \"createdAt\", \"updatedAt\" FROM \"roles_users\" WHERE \"userId\" = ? ORDER BY \"roleId\"";
    private static final String ALL_PIVOT_ROWS = "SELECT * FROM \"roles_users\" ORDER BY \"userId\", \"roleId\"";

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

    // ---- the resulting set and the result ---------------------------------------------------

    @Test
    void syncLeavesExactlyTheGivenSetAndReportsTheChanges() {
        ada.roles().attach(List.of(admin, editor), Map.of("assignedBy", "root"));
        clock.advance(Duration.ofMinutes(1));
        Instant later = clock.instant();
        reset();
        SyncResult result = ada.roles().sync(viewer, editor.getId(), String.valueOf(guest.getId()));
        assertEquals(List.of(viewer.getId(), guest.getId()), result.attached());
        assertEquals(List.of(admin.getId()), result.detached());
        assertEquals(List.of(), result.updated());
        assertFalse(result.isEmpty());
        assertEquals(List.of(row(editor.getId(), "root", start, start), row(viewer.getId(), null, later, later),
                row(guest.getId(), null, later, later)), query(ROWS_OF, ada.getId()), "the kept row is untouched");
    }

    @Test
    void syncRunsOneSelectOneDeleteOneInsertWithDeletesBeforeInserts() {
        ada.roles().attach(admin, editor, viewer);
        reset();
        ada.roles().sync(List.of(viewer, guest));
        assertEquals(List.of("SELECT", "DELETE", "INSERT"), statementKinds(), statements.sql().toString());
        assertAllInTransaction();
    }

    @Test
    void aLargeSyncStillRunsOneSelectOneDeleteOneInsert() {
        StringBuilder insert = new StringBuilder("INSERT INTO \"roles\" (\"id\", \"name\") VALUES ");
        for (int i = 0; i < 500; i++) {
            insert.append(i == 0 ? "" : ", ").append("(").append(1000 + i).append(", 'r").append(i).append("')");
        }
        execute(insert.toString());
        List<Object> first = new ArrayList<>();
        List<Object> second = new ArrayList<>();
        for (long id = 1000; id < 1500; id++) {
            if (id < 1250) {
                first.add(id);
            }
            if (id >= 1125) {
                second.add(id);
            }
        }
        ada.roles().attach(first);
        reset();
        SyncResult result = ada.roles().sync(second);
        assertEquals(125, result.detached().size());
        assertEquals(250, result.attached().size());
        assertEquals(List.of("SELECT", "DELETE", "INSERT"), statementKinds());
        assertAllInTransaction();
        assertEquals(second, ids(ROLES_OF, ada.getId()));
    }

    @Test
    void syncOfTheCurrentSetRunsOnlyTheSelect() {
        ada.roles().attach(admin, editor);
        reset();
        SyncResult result = ada.roles().sync(editor, admin);
        assertTrue(result.isEmpty());
        assertEquals(List.of("SELECT"), statementKinds());
    }

    @Test
    void syncOnlyTouchesThisParent() {
        ada.roles().attach(admin, editor);
        grace.roles().attach(admin, editor);
        reset();
        ada.roles().sync(viewer);
        assertEquals(List.of(admin.getId(), editor.getId()), ids(ROLES_OF, grace.getId()));
        assertEquals(List.of(viewer.getId()), ids(ROLES_OF, ada.getId()));
    }

    @Test
    void syncOfAnEmptyListDetachesEverything() {
        ada.roles().attach(admin, editor);
        grace.roles().attach(admin);
        reset();
        SyncResult result = ada.roles().sync(List.of());
        assertEquals(List.of(admin.getId(), editor.getId()), result.detached());
        assertEquals(List.of(), result.attached());
        assertEquals(List.of(), ids(ROLES_OF, ada.getId()));
        assertEquals(List.of(admin.getId()), ids(ROLES_OF, grace.getId()));
        assertEquals(List.of("SELECT", "DELETE"), statementKinds());
    }

    @Test
    void syncOfAnEmptyListWithNothingAttachedChangesNothing() {
        assertTrue(ada.roles().sync(List.of()).isEmpty());
        assertEquals(List.of("SELECT"), statementKinds());
    }

    // ---- pivot attributes -------------------------------------------------------------------

    @Test
    void syncWithPerIdAttributesUpdatesOnlyRowsWhoseValuesChanged() {
        ada.roles().attach(Map.of(admin.getId(), Map.of("assignedBy", "alice"), editor.getId(), Map.of("assignedBy", "bob")));
        clock.advance(Duration.ofMinutes(1));
        Instant later = clock.instant();
        reset();
        Map<Object, Map<String, ?>> desired = new LinkedHashMap<>();
        desired.put(admin, Map.of("assignedBy", "alice"));
        desired.put(editor.getId(), Map.of("assignedBy", "carol"));
        desired.put(viewer, Map.of("assignedBy", "dave"));
        SyncResult result = ada.roles().sync(desired);
        assertEquals(List.of(viewer.getId()), result.attached());
        assertEquals(List.of(), result.detached());
        assertEquals(List.of(editor.getId()), result.updated());
        assertEquals(List.of(row(admin.getId(), "alice", start, start), row(editor.getId(), "carol", start, later),
                row(viewer.getId(), "dave", later, later)), query(ROWS_OF, ada.getId()));
        assertEquals(List.of("SELECT", "INSERT", "UPDATE"), statementKinds(), statements.sql().toString());
        assertTrue(statements.sql().get(0).contains("\"assignedBy\""), "the compared column is read: " + statements.sql().get(0));
        assertAllInTransaction();
    }

    @Test
    void syncCountsOneUpdatePerChangedRow() {
        ada.roles().attach(List.of(admin, editor, viewer), Map.of("assignedBy", "old"));
        reset();
        Map<Object, Map<String, ?>> desired = new LinkedHashMap<>();
        desired.put(admin, Map.of("assignedBy", "new"));
        desired.put(editor, Map.of("assignedBy", "old"));
        desired.put(viewer, Map.of("assignedBy", "new"));
        SyncResult result = ada.roles().sync(desired);
        assertEquals(List.of(admin.getId(), viewer.getId()), result.updated());
        assertEquals(2L, statements.sql().stream().filter(s -> s.startsWith("UPDATE")).count(), statements.sql().toString());
        assertEquals(List.of("SELECT", "UPDATE", "UPDATE"), statementKinds());
    }

    @Test
    void aValueGivenInAnotherTypeButEqualIsNotAChange() {
        Student student = entities.get(Student.class).setCode("S1").save();
        entities.get(Course.class).setRef("C1").save();
        student.courses().attach("C1", Map.of("grade", 5));
        reset();
        SyncResult result = student.courses().sync(Map.of("C1", Map.of("grade", "5")));
        assertTrue(result.isEmpty(), result.toString());
        assertEquals(List.of("SELECT"), statementKinds());
        result = student.courses().sync(Map.of("C1", Map.of("grade", 5L)));
        assertTrue(result.isEmpty(), result.toString());
    }

    @Test
    void syncCanSetAPivotValueToNull() {
        ada.roles().attach(admin, Map.of("assignedBy", "alice"));
        reset();
        Map<String, Object> none = new HashMap<>();
        none.put("assignedBy", null);
        SyncResult result = ada.roles().sync(Map.of(admin, none));
        assertEquals(List.of(admin.getId()), result.updated());
        assertEquals(List.of(row(admin.getId(), null, start, start)), query(ROWS_OF, ada.getId()));
    }

    @Test
    void syncWithPivotValuesGivesEveryRowTheValuesAndUpdatesThoseThatDiffer() {
        ada.roles().attach(admin, Map.of("assignedBy", "sso"));
        ada.roles().attach(editor, Map.of("assignedBy", "root"));
        ada.roles().attach(guest);
        reset();
        SyncResult result = ada.roles().syncWithPivotValues(List.of(admin, editor, viewer), Map.of("assignedBy", "sso"));
        assertEquals(List.of(viewer.getId()), result.attached());
        assertEquals(List.of(guest.getId()), result.detached());
        assertEquals(List.of(editor.getId()), result.updated());
        assertEquals(List.of(List.of(admin.getId(), "sso"), List.of(editor.getId(), "sso"), List.of(viewer.getId(), "sso")),
                query("SELECT \"roleId\", \"assignedBy\" FROM \"roles_users\" WHERE \"userId\" = ? ORDER BY \"roleId\"", ada.getId()));
        assertEquals(List.of("SELECT", "DELETE", "INSERT", "UPDATE"), statementKinds());
    }

    // ---- without detaching ------------------------------------------------------------------

    @Test
    void syncWithoutDetachingNeverDetachesAndReadsOnlyTheGivenIds() {
        ada.roles().attach(admin, editor);
        reset();
        SyncResult result = ada.roles().syncWithoutDetaching(editor, viewer);
        assertEquals(List.of(viewer.getId()), result.attached());
        assertEquals(List.of(), result.detached());
        assertEquals(List.of(admin.getId(), editor.getId(), viewer.getId()), ids(ROLES_OF, ada.getId()));
        assertEquals(List.of("SELECT", "INSERT"), statementKinds());
        String select = statements.sql().get(0);
        assertTrue(select.contains("\"roleId\" IN (?, ?)"), "the SELECT is constrained to the given ids: " + select);
    }

    @Test
    void syncWithDetachingFalseIsSyncWithoutDetaching() {
        ada.roles().attach(admin, editor);
        reset();
        SyncResult result = ada.roles().sync(List.of(guest), false);
        assertEquals(List.of(guest.getId()), result.attached());
        assertEquals(List.of(), result.detached());
        assertEquals(List.of(admin.getId(), editor.getId(), guest.getId()), ids(ROLES_OF, ada.getId()));
        assertTrue(statements.sql().get(0).contains("\"roleId\" IN (?)"), statements.sql().get(0));
    }

    @Test
    void syncWithoutDetachingAnEmptyListRunsNoStatement() {
        ada.roles().attach(admin);
        reset();
        assertTrue(ada.roles().syncWithoutDetaching(List.of()).isEmpty());
        assertTrue(ada.roles().sync(List.of(), false).isEmpty());
        assertEquals(0, statements.count());
        assertEquals(List.of(admin.getId()), ids(ROLES_OF, ada.getId()));
    }

    // ---- filters, inverse side, custom and composite keys -----------------------------------

    @Test
    void syncWithAPivotFilterOnlyTouchesMatchingRowsAndGivesNewRowsTheValue() {
        ada.roles().attach(admin, Map.of("assignedBy", "sso"));
        ada.roles().attach(editor, Map.of("assignedBy", "root"));
        reset();
        SyncResult result = ada.roles().wherePivot("assignedBy", "sso").sync(viewer);
        assertEquals(List.of(viewer.getId()), result.attached());
        assertEquals(List.of(admin.getId()), result.detached());
        assertEquals(List.of(List.of(editor.getId(), "root"), List.of(viewer.getId(), "sso")),
                query("SELECT \"roleId\", \"assignedBy\" FROM \"roles_users\" WHERE \"userId\" = ? ORDER BY \"roleId\"", ada.getId()));
    }

    @Test
    void theInverseSideSeesTheSameRows() {
        ada.roles().sync(admin, editor);
        grace.roles().sync(admin);
        assertEquals(List.of(ada.getId(), grace.getId()),
                admin.users().orderBy("id").get().stream().map(User::getId).toList());
        assertEquals(List.of(ada.getId()), editor.users().get().stream().map(User::getId).toList());
        SyncResult result = admin.users().sync(grace);
        assertEquals(List.of(ada.getId()), result.detached());
        assertEquals(List.of(editor.getId()), ids(ROLES_OF, ada.getId()));
        assertEquals(List.of(admin.getId()), ids(ROLES_OF, grace.getId()));
    }

    @Test
    void syncWithCustomKeys() {
        Student student = entities.get(Student.class).setCode("S1").save();
        Course c1 = entities.get(Course.class).setRef("C1").save();
        entities.get(Course.class).setRef("C2").save();
        entities.get(Course.class).setRef("C3").save();
        student.courses().attach(List.of(c1, "C2"));
        reset();
        SyncResult result = student.courses().sync(Map.of("C2", Map.of("grade", 3), "C3", Map.of("grade", 4)));
        assertEquals(List.of("C3"), result.attached());
        assertEquals(List.of("C1"), result.detached());
        assertEquals(List.of("C2"), result.updated());
        assertEquals(List.of(List.of("C2", 3), List.of("C3", 4)),
                query("SELECT \"courseRef\", \"grade\" FROM \"enrolments\" WHERE \"studentCode\" = 'S1' ORDER BY \"courseRef\""));
        assertEquals(List.of(), c1.students().get(), "C1 no longer has the student");
    }

    @Test
    void syncWithCompositeRelatedKeys() {
        Project apollo = entities.get(Project.class).setOrgId(7L).setCode("apollo").save();
        entities.get(Project.class).setOrgId(7L).setCode("gemini").save();
        entities.get(Project.class).setOrgId(8L).setCode("apollo").save();
        Developer dev = entities.get(Developer.class).setName("Ada").save();
        dev.projects().attach(apollo, Key.of("orgId", 7L, "code", "gemini"));
        reset();
        SyncResult result = dev.projects().sync(Key.of("orgId", "7", "code", "gemini"), Key.of("orgId", 8L, "code", "apollo"));
        assertEquals(List.of(Key.of("orgId", 8L, "code", "apollo")), result.attached());
        assertEquals(List.of(Key.of("orgId", 7L, "code", "apollo")), result.detached());
        assertEquals(List.of(List.of(7L, "gemini"), List.of(8L, "apollo")),
                query("SELECT \"projectOrgId\", \"projectCode\" FROM \"developers_projects\" ORDER BY \"projectOrgId\""));
        assertEquals(List.of("SELECT", "DELETE", "INSERT"), statementKinds());
    }

    @Test
    void syncFromACompositeKeyedParent() {
        Project apollo = entities.get(Project.class).setOrgId(7L).setCode("apollo").save();
        Project gemini = entities.get(Project.class).setOrgId(7L).setCode("gemini").save();
        Developer ann = entities.get(Developer.class).setName("Ann").save();
        Developer bob = entities.get(Developer.class).setName("Bob").save();
        gemini.developers().attach(ann);
        apollo.developers().attach(ann);
        reset();
        SyncResult result = apollo.developers().sync(bob);
        assertEquals(List.of(bob.getId()), result.attached());
        assertEquals(List.of(ann.getId()), result.detached());
        assertEquals(List.of(List.of(7L, "apollo", bob.getId()), List.of(7L, "gemini", ann.getId())),
                query("SELECT \"projectOrgId\", \"projectCode\", \"developerId\" FROM \"developers_projects\" ORDER BY \"projectCode\""));
    }

    // ---- atomicity --------------------------------------------------------------------------

    @Test
    void aSyncWhoseInsertFailsRollsBackItsDelete() {
        ada.roles().attach(List.of(admin, editor), Map.of("assignedBy", "root"));
        grace.roles().attach(admin);
        List<List<Object>> before = query(ALL_PIVOT_ROWS);
        reset();
        DataIntegrityException e = assertThrows(DataIntegrityException.class,
                () -> ada.roles().sync(List.of(editor.getId(), 999L)));
        assertEquals(List.of("SELECT", "DELETE", "INSERT"), statementKinds(), "the DELETE ran before the failing INSERT");
        assertAllInTransaction();
        assertEquals(before, query(ALL_PIVOT_ROWS), "the DELETE was rolled back");
        assertTrue(e.getMessage().contains("sync") && e.getMessage().contains("User(" + ada.getId() + ")")
                && e.getMessage().contains("roles"), e.getMessage());
    }

    @Test
    void aFailedSyncInsideAnOuterTransactionThatCatchesItLeavesThePivotAndCommitsTheRest() {
        ada.roles().attach(admin, editor);
        List<List<Object>> before = query(ROWS_OF, ada.getId());
        reset();
        entities.transaction(() -> {
            ada.setName("Ada Lovelace").save();
            grace.roles().attach(viewer);
            assertThrows(DataIntegrityException.class, () -> ada.roles().sync(List.of(guest.getId(), 999L)));
            assertTrue(entities.database().isInTransaction());
        });
        assertEquals(before, query(ROWS_OF, ada.getId()), "the sync's DELETE was undone");
        assertEquals(List.of(viewer.getId()), ids(ROLES_OF, grace.getId()), "the outer writes committed");
        assertEquals(List.of(List.of("Ada Lovelace")), query("SELECT \"name\" FROM \"users\" WHERE \"id\" = ?", ada.getId()));
    }

    @Test
    void aSyncInsideAnOuterTransactionThatRollsBackIsUndone() {
        ada.roles().attach(admin);
        List<List<Object>> before = query(ALL_PIVOT_ROWS);
        assertThrows(IllegalStateException.class, () -> entities.transaction(() -> {
            ada.roles().sync(editor, viewer);
            throw new IllegalStateException("changed my mind");
        }));
        assertEquals(before, query(ALL_PIVOT_ROWS));
    }

    @Test
    void aFailedUpdateInsideSyncRollsBackTheWholeSync() {
        ada.roles().attach(List.of(admin, editor), Map.of("assignedBy", "root"));
        List<List<Object>> before = query(ALL_PIVOT_ROWS);
        reset();
        Map<Object, Map<String, ?>> desired = new LinkedHashMap<>();
        desired.put(admin, Map.of("assignedBy", "x".repeat(80)));   // longer than VARCHAR(50)
        desired.put(viewer, Map.of("assignedBy", "ok"));
        assertThrows(RuntimeException.class, () -> ada.roles().sync(desired));
        assertEquals(List.of("SELECT", "DELETE", "INSERT", "UPDATE"), statementKinds());
        assertEquals(before, query(ALL_PIVOT_ROWS), "the DELETE and INSERT before the failing UPDATE were undone");
    }

    // ---- cache ------------------------------------------------------------------------------

    @Test
    void syncForgetsTheCachedRelation() {
        ada.roles().attach(admin);
        assertEquals(List.of("admin"), names(ada.roles().getResults()));
        ada.roles().sync(editor, viewer);
        assertFalse(ada.isRelationLoaded("roles"));
        assertEquals(List.of("editor", "viewer"), names(ada.roles().getResults()));
        ada.roles().syncWithoutDetaching(guest);
        assertEquals(List.of("editor", "guest", "viewer"), names(ada.roles().getResults()));
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

    private static List<String> names(List<Role> roles) {
        return roles.stream().map(Role::getName).sorted().toList();
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private List<Object> ids(String sql, Object... args) {
        return query(sql, args).stream().map(r -> r.get(0)).toList();
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
