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
import dev.quarry.relation.pivot.ToggleResult;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The write side of belongsToMany, part three: toggle and updateExistingPivot. */
class PivotToggleAndUpdateIT extends DatabaseTest {
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

    // ---- toggle -----------------------------------------------------------------------------

    @Test
    void toggleAttachesTheMissingAndDetachesThePresent() {
        ada.roles().attach(admin, editor);
        grace.roles().attach(viewer);
        clock.advance(Duration.ofMinutes(3));
        Instant later = clock.instant();
        reset();
        ToggleResult result = ada.roles().toggle(viewer, admin.getId(), guest);
        assertEquals(List.of(viewer.getId(), guest.getId()), result.attached());
        assertEquals(List.of(admin.getId()), result.detached());
        assertEquals(List.of(row(editor.getId(), null, start, start), row(viewer.getId(), null, later, later),
                row(guest.getId(), null, later, later)), query(ROWS_OF, ada.getId()));
        assertEquals(List.of(viewer.getId()), ids(ROLES_OF, grace.getId()), "another parent's rows are untouched");
    }

    @Test
    void toggleRunsOneSelectOfTheGivenIdsThenDeleteThenInsertInOneTransaction() {
        ada.roles().attach(admin, editor);
        reset();
        ada.roles().toggle(List.of(admin, viewer));
        assertEquals(List.of("SELECT", "DELETE", "INSERT"), statementKinds(), statements.sql().toString());
        assertTrue(statements.sql().get(0).contains("\"roleId\" IN (?, ?)"), statements.sql().get(0));
        assertAllInTransaction();
    }

    @Test
    void toggleOfOnlyPresentIdsOnlyDeletes() {
        ada.roles().attach(admin, editor);
        reset();
        ToggleResult result = ada.roles().toggle(admin, editor);
        assertEquals(List.of(), result.attached());
        assertEquals(List.of(admin.getId(), editor.getId()), result.detached());
        assertEquals(List.of(), ids(ROLES_OF, ada.getId()));
        assertEquals(List.of("SELECT", "DELETE"), statementKinds());
    }

    @Test
    void toggleOfOnlyMissingIdsOnlyInserts() {
        ToggleResult result = ada.roles().toggle(List.of(admin, editor));
        assertEquals(List.of(admin.getId(), editor.getId()), result.attached());
        assertEquals(List.of(), result.detached());
        assertEquals(List.of("SELECT", "INSERT"), statementKinds());
    }

    @Test
    void toggleTreatsDuplicatesAsOneId() {
        ToggleResult result = ada.roles().toggle(admin, String.valueOf(admin.getId()), admin.getId().intValue());
        assertEquals(List.of(admin.getId()), result.attached());
        assertEquals(List.of(admin.getId()), ids(ROLES_OF, ada.getId()));
        result = ada.roles().toggle(admin, admin);
        assertEquals(List.of(admin.getId()), result.detached());
        assertEquals(List.of(), ids(ROLES_OF, ada.getId()));
    }

    @Test
    void toggleOfAnEmptyListRunsNoStatement() {
        ada.roles().attach(admin);
        reset();
        ToggleResult result = ada.roles().toggle(List.of());
        assertEquals(List.of(), result.attached());
        assertEquals(List.of(), result.detached());
        assertEquals(List.of(), ada.roles().toggle().attached());
        assertEquals(0, statements.count());
        assertEquals(List.of(admin.getId()), ids(ROLES_OF, ada.getId()));
    }

    @Test
    void toggleWithCompositeKeys() {
        Project apollo = entities.get(Project.class).setOrgId(7L).setCode("apollo").save();
        entities.get(Project.class).setOrgId(7L).setCode("gemini").save();
        Developer dev = entities.get(Developer.class).setName("Ada").save();
        dev.projects().attach(apollo);
        reset();
        ToggleResult result = dev.projects().toggle(Key.of("orgId", 7L, "code", "apollo"), Key.of("orgId", "7", "code", "gemini"));
        assertEquals(List.of(Key.of("orgId", 7L, "code", "gemini")), result.attached());
        assertEquals(List.of(Key.of("orgId", 7L, "code", "apollo")), result.detached());
        assertEquals(List.of(List.of(7L, "gemini")), query("SELECT \"projectOrgId\", \"projectCode\" FROM \"developers_projects\""));
    }

    @Test
    void toggleWithCustomKeys() {
        Student student = entities.get(Student.class).setCode("S1").save();
        Course c1 = entities.get(Course.class).setRef("C1").save();
        entities.get(Course.class).setRef("C2").save();
        student.courses().attach(c1);
        reset();
        ToggleResult result = student.courses().toggle(c1, "C2");
        assertEquals(List.of("C2"), result.attached());
        assertEquals(List.of("C1"), result.detached());
        assertEquals(List.of(List.of("S1", "C2")), query("SELECT \"studentCode\", \"courseRef\" FROM \"enrolments\""));
    }

    @Test
    void aToggleWhoseInsertFailsRollsBackItsDelete() {
        ada.roles().attach(admin, editor);
        List<List<Object>> before = query(ALL_PIVOT_ROWS);
        reset();
        DataIntegrityException e = assertThrows(DataIntegrityException.class, () -> ada.roles().toggle(admin, 999L));
        assertEquals(List.of("SELECT", "DELETE", "INSERT"), statementKinds());
        assertAllInTransaction();
        assertEquals(before, query(ALL_PIVOT_ROWS));
        assertTrue(e.getMessage().contains("toggle") && e.getMessage().contains("User(" + ada.getId() + ")")
                && e.getMessage().contains("roles"), e.getMessage());
    }

    @Test
    void toggleWithAnEqualityPivotFilterGivesNewRowsTheValue() {
        ToggleResult result = ada.roles().wherePivot("assignedBy", "sso").toggle(admin);
        assertEquals(List.of(admin.getId()), result.attached());
        assertEquals(List.of(List.of(admin.getId(), "sso")),
                query("SELECT \"roleId\", \"assignedBy\" FROM \"roles_users\" WHERE \"userId\" = ?", ada.getId()));
    }

    @Test
    void toggleForgetsTheCachedRelation() {
        ada.roles().attach(admin);
        assertEquals(List.of("admin"), names(ada.roles().getResults()));
        ada.roles().toggle(admin, editor);
        assertFalse(ada.isRelationLoaded("roles"));
        assertEquals(List.of("editor"), names(ada.roles().getResults()));
    }

    // ---- updateExistingPivot ----------------------------------------------------------------

    @Test
    void updateExistingPivotUpdatesOneRowAndReturnsOne() {
        ada.roles().attach(List.of(admin, editor), Map.of("assignedBy", "root"));
        grace.roles().attach(admin, Map.of("assignedBy", "root"));
        reset();
        assertEquals(1, ada.roles().updateExistingPivot(admin.getId(), Map.of("assignedBy", "alice")));
        assertEquals(List.of("UPDATE"), statementKinds());
        assertAllInTransaction();
        assertEquals(List.of(List.of(1L, 1L, "alice"), List.of(1L, 2L, "root"), List.of(2L, 1L, "root")),
                query("SELECT \"userId\", \"roleId\", \"assignedBy\" FROM \"roles_users\" ORDER BY \"userId\", \"roleId\""));
    }

    @Test
    void updateExistingPivotSetsUpdatedAtAndKeepsCreatedAt() {
        ada.roles().attach(admin);
        clock.advance(Duration.ofDays(1));
        Instant later = clock.instant();
        assertEquals(1, ada.roles().updateExistingPivot(admin, Map.of("assignedBy", "alice")));
        assertEquals(List.of(row(admin.getId(), "alice", start, later)), query(ROWS_OF, ada.getId()));
    }

    @Test
    void updateExistingPivotWithoutTimestampsLeavesThemAlone() {
        admin.users().attach(ada);
        clock.advance(Duration.ofDays(1));
        assertEquals(1, admin.users().updateExistingPivot(ada, Map.of("assignedBy", "alice")));
        assertEquals(List.of(row(admin.getId(), "alice", null, null)), query(ROWS_OF, ada.getId()));
    }

    @Test
    void updateExistingPivotOfAnIdNotAttachedReturnsZeroAndCreatesNothing() {
        ada.roles().attach(admin);
        grace.roles().attach(viewer, Map.of("assignedBy", "root"));
        List<List<Object>> before = query(ALL_PIVOT_ROWS);
        reset();
        assertEquals(0, ada.roles().updateExistingPivot(viewer, Map.of("assignedBy", "alice")));
        assertEquals(0, ada.roles().updateExistingPivot(999L, Map.of("assignedBy", "alice")));
        assertEquals(before, query(ALL_PIVOT_ROWS));
    }

    @Test
    void updateExistingPivotAcceptsTheIdInAnyForm() {
        ada.roles().attach(admin);
        assertEquals(1, ada.roles().updateExistingPivot(String.valueOf(admin.getId()), Map.of("assignedBy", "a")));
        assertEquals(1, ada.roles().updateExistingPivot(admin.getId().intValue(), Map.of("assignedBy", "b")));
        assertEquals(List.of(List.of("b")), query("SELECT \"assignedBy\" FROM \"roles_users\""));
    }

    @Test
    void updateExistingPivotCanSetNull() {
        ada.roles().attach(admin, Map.of("assignedBy", "root"));
        Map<String, Object> none = new HashMap<>();
        none.put("assignedBy", null);
        assertEquals(1, ada.roles().updateExistingPivot(admin, none));
        assertEquals(List.of(row(admin.getId(), null, start, start)), query(ROWS_OF, ada.getId()));
    }

    @Test
    void updateExistingPivotWithTimestampsAndNoAttributesTouchesUpdatedAt() {
        ada.roles().attach(admin);
        clock.advance(Duration.ofSeconds(30));
        Instant later = clock.instant();
        assertEquals(1, ada.roles().updateExistingPivot(admin, Map.of()));
        assertEquals(List.of(row(admin.getId(), null, start, later)), query(ROWS_OF, ada.getId()));
    }

    @Test
    void updateExistingPivotHonoursThePivotFilter() {
        ada.roles().attach(admin, Map.of("assignedBy", "root"));
        assertEquals(0, ada.roles().wherePivot("assignedBy", "sso").updateExistingPivot(admin, Map.of("assignedBy", "x")));
        assertEquals(1, ada.roles().wherePivot("assignedBy", "root").updateExistingPivot(admin, Map.of("assignedBy", "x")));
        assertEquals(List.of(List.of("x")), query("SELECT \"assignedBy\" FROM \"roles_users\""));
    }

    @Test
    void updateExistingPivotWithCustomKeys() {
        Student student = entities.get(Student.class).setCode("S1").save();
        Course c1 = entities.get(Course.class).setRef("C1").save();
        student.courses().attach(c1, Map.of("grade", 2));
        assertEquals(1, student.courses().updateExistingPivot("C1", Map.of("grade", 9)));
        assertEquals(List.of(List.of(9)), query("SELECT \"grade\" FROM \"enrolments\""));
        assertEquals(1, c1.students().updateExistingPivot(student, Map.of("grade", 10)));
        assertEquals(List.of(List.of(10)), query("SELECT \"grade\" FROM \"enrolments\""));
    }

    @Test
    void updateExistingPivotWithCompositeKeys() {
        execute("ALTER TABLE \"developers_projects\" ADD COLUMN \"hours\" INTEGER");
        Project apollo = entities.get(Project.class).setOrgId(7L).setCode("apollo").save();
        entities.get(Project.class).setOrgId(7L).setCode("gemini").save();
        Developer dev = entities.get(Developer.class).setName("Ada").save();
        dev.projects().attach(apollo, Key.of("orgId", 7L, "code", "gemini"));
        reset();
        assertEquals(1, dev.projects().updateExistingPivot(Key.of("orgId", 7L, "code", "gemini"), Map.of("hours", 12)));
        assertEquals(1, apollo.developers().updateExistingPivot(dev, Map.of("hours", 3)));
        assertEquals(List.of(Arrays.asList("apollo", 3), Arrays.asList("gemini", 12)),
                query("SELECT \"projectCode\", \"hours\" FROM \"developers_projects\" ORDER BY \"projectCode\""));
    }

    @Test
    void updateExistingPivotForgetsTheCachedRelation() {
        ada.roles().attach(admin, Map.of("assignedBy", "root"));
        assertEquals("root", ada.roles().getResults().get(0).pivot().get("assignedBy"));
        ada.roles().updateExistingPivot(admin, Map.of("assignedBy", "alice"));
        assertFalse(ada.isRelationLoaded("roles"));
        assertEquals("alice", ada.roles().getResults().get(0).pivot().get("assignedBy"));
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
