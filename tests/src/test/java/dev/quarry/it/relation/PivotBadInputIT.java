package dev.quarry.it.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.quarry.QuarryException;
import dev.quarry.entity.Key;
import dev.quarry.entity.UnsavedEntityException;
import dev.quarry.it.model.Course;
import dev.quarry.it.model.Developer;
import dev.quarry.it.model.Project;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.Student;
import dev.quarry.it.model.Tag;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.relation.BelongsToMany;
import dev.quarry.relation.InvalidRelatedIdException;
import dev.quarry.sql.DataIntegrityException;
import dev.quarry.sql.InvalidIdentifierException;
import dev.quarry.sql.StatementFailedException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input to the pivot operations: each is refused before any SQL runs, with an error naming the
 * operation, the parent entity, the relation and the value, and the pivot tables stay as they were.
 */
class PivotBadInputIT extends DatabaseTest {
    private static final List<String> PIVOTS = List.of("roles_users", "permissions_users", "posts_tags", "enrolments",
            "developers_projects");
    private static final String HOSTILE = "x\"; drop";

    private User ada;
    private Role admin;
    private Role editor;
    private Tag tag;
    private Developer dev;
    private String adaName;

    @BeforeEach
    void seed() {
        ada = entities.get(User.class).create(Map.of("email", "ada@example.com"));
        User grace = entities.get(User.class).create(Map.of("email", "grace@example.com"));
        admin = entities.get(Role.class).create(Map.of("name", "admin"));
        editor = entities.get(Role.class).create(Map.of("name", "editor"));
        tag = entities.get(Tag.class).create(Map.of("name", "java"));
        ada.roles().attach(editor, Map.of("assignedBy", "root"));
        grace.roles().attach(List.of(admin, editor));
        Project apollo = entities.get(Project.class).setOrgId(7L).setCode("apollo").save();
        dev = entities.get(Developer.class).setName("Ada").save();
        dev.projects().attach(apollo);
        adaName = "User(" + ada.getId() + ")";
        statements.reset();
    }

    // ---- one bad related value, through every write operation -------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"attach", "attachWithAttributes", "attachMap", "detach", "sync", "syncMap",
            "syncWithoutDetaching", "syncWithPivotValues", "toggle", "updateExistingPivot"})
    void nullIsRefused(String operation) {
        InvalidRelatedIdException e = refused(InvalidRelatedIdException.class, () -> run(operation, ada.roles(), null),
                operation, adaName, "null");
        assertNull(e.value());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"attach", "attachMap", "detach", "sync", "syncWithPivotValues", "toggle", "updateExistingPivot"})
    void anUnsavedEntityIsRefused(String operation) {
        Role unsaved = entities.get(Role.class).setName("new");
        InvalidRelatedIdException e = refused(InvalidRelatedIdException.class, () -> run(operation, ada.roles(), unsaved),
                operation, adaName, "Role(new)", "save");
        assertSame(unsaved, e.value());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"attach", "attachMap", "detach", "sync", "syncWithPivotValues", "toggle", "updateExistingPivot"})
    void anEntityOfTheWrongTypeIsRefused(String operation) {
        refused(InvalidRelatedIdException.class, () -> run(operation, ada.roles(), tag), operation, adaName,
                "Tag(" + tag.getId() + ")", "Role");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"attach", "attachMap", "detach", "sync", "toggle", "updateExistingPivot"})
    void aMapInsteadOfAnIdIsRefused(String operation) {
        refused(InvalidRelatedIdException.class, () -> run(operation, ada.roles(), Map.of("id", admin.getId())),
                operation, adaName, "{id=" + admin.getId() + "}", "Map");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"attach", "attachMap", "detach", "sync", "syncWithPivotValues", "toggle", "updateExistingPivot"})
    void aNestedListIsRefused(String operation) {
        refused(InvalidRelatedIdException.class, () -> run(operation, ada.roles(), List.of(admin.getId(), editor.getId())),
                operation, adaName, "[1, 2]", "collection");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"attach", "detach", "sync", "toggle", "updateExistingPivot"})
    void aKeyWithTheWrongPartNameIsRefused(String operation) {
        refused(InvalidRelatedIdException.class, () -> run(operation, ada.roles(), Key.of(Map.of("roleId", admin.getId()))),
                operation, adaName, "roleId", "id");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"attach", "detach", "sync", "toggle", "updateExistingPivot"})
    void aKeyWithTooManyPartsForASingleColumnKeyIsRefused(String operation) {
        refused(InvalidRelatedIdException.class, () -> run(operation, ada.roles(), Key.of("id", admin.getId(), "name", "admin")),
                operation, adaName, "Key", "2 part");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"attach", "attachMap", "detach", "sync", "syncWithPivotValues", "toggle", "updateExistingPivot"})
    void aValueThatCannotConvertToTheKeyTypeIsRefused(String operation) {
        refused(InvalidRelatedIdException.class, () -> run(operation, ada.roles(), "abc"), operation, adaName, "'abc'", "Long");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"attach", "detach", "sync", "toggle", "updateExistingPivot"})
    void anOverflowingNumberIsRefused(String operation) {
        refused(InvalidRelatedIdException.class, () -> run(operation, ada.roles(), new BigInteger("99999999999999999999")),
                operation, adaName, "99999999999999999999", "Long");
    }

    @Test
    void otherNumbersThatAreNotALongAreRefused() {
        for (Object bad : List.of(1.5, new BigDecimal("1e30"), Double.NaN, "", true, UUID.randomUUID(), new Object())) {
            refused(InvalidRelatedIdException.class, () -> ada.roles().attach(bad), "attach", adaName, "Long");
        }
    }

    @Test
    void aDetachedEntityMadeWithNewIsRefusedNamingTheOperation() {
        Role made = new Role();
        refused(QuarryException.class, () -> ada.roles().attach(made), "attach", adaName, "roles");
    }

    // ---- composite keys ---------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"attach", "detach", "sync", "toggle"})
    void aScalarForACompositeKeyIsRefused(String operation) {
        refused(InvalidRelatedIdException.class, () -> run(operation, dev.projects(), 7L), operation,
                "Developer(" + dev.getId() + ")", "projects", "'7'", "Key.of");
    }

    @Test
    void aCompositeKeyMissingAPartIsRefused() {
        refused(InvalidRelatedIdException.class, () -> dev.projects().attach(Key.of("orgId", 7L, "name", "apollo")),
                "attach", "Developer(" + dev.getId() + ")", "projects", "code");
    }

    @Test
    void aCompositeKeyWithAnUnconvertiblePartIsRefused() {
        refused(InvalidRelatedIdException.class, () -> dev.projects().detach(Key.of("orgId", "seven", "code", "apollo")),
                "detach", "Developer(" + dev.getId() + ")", "projects", "seven", "orgId");
    }

    // ---- a bad value among good ones --------------------------------------------------------

    @Test
    void aBadValueAfterGoodOnesInADetachDeletesNothing() {
        refused(InvalidRelatedIdException.class, () -> ada.roles().detach(editor, "abc"), "detach", adaName, "'abc'");
    }

    @Test
    void aBadValueAfterGoodOnesInASyncWritesNothing() {
        refused(InvalidRelatedIdException.class, () -> ada.roles().sync(List.of(admin, tag)), "sync", adaName, "Tag(");
    }

    @Test
    void aNullCollectionIsRefused() {
        refused(InvalidRelatedIdException.class, () -> ada.roles().attach((Collection<?>) null), "attach", adaName, "null");
        refused(InvalidRelatedIdException.class, () -> ada.roles().detach((Collection<?>) null), "detach", adaName, "null");
        refused(InvalidRelatedIdException.class, () -> ada.roles().sync((Collection<?>) null), "sync", adaName, "null");
        refused(InvalidRelatedIdException.class, () -> ada.roles().toggle((Collection<?>) null), "toggle", adaName, "null");
    }

    // ---- pivot attribute names --------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"attachWithAttributes", "attachShared", "attachMap", "syncMap", "syncWithPivotValues",
            "updateExistingPivot"})
    void aHostilePivotAttributeNameIsRefused(String operation) {
        Map<String, Object> hostile = Map.of(HOSTILE, 1);
        Executable call = switch (operation) {
            case "attachWithAttributes" -> () -> ada.roles().attach(admin, hostile);
            case "attachShared" -> () -> ada.roles().attach(List.of(admin), hostile);
            case "attachMap" -> () -> ada.roles().attach(Map.of(admin, hostile));
            case "syncMap" -> () -> ada.roles().sync(Map.of(editor, hostile));
            case "syncWithPivotValues" -> () -> ada.roles().syncWithPivotValues(List.of(editor), hostile);
            default -> () -> ada.roles().updateExistingPivot(editor, hostile);
        };
        refused(InvalidIdentifierException.class, call, operation, adaName, "roles", HOSTILE);
    }

    @Test
    void aHostilePivotAttributeNameIsRefusedEvenWithNoIds() {
        refused(InvalidIdentifierException.class, () -> ada.roles().attach(List.of(), Map.of(HOSTILE, 1)),
                "attach", adaName, HOSTILE);
        // syncWithPivotValues(no ids) would detach everything: the bad attributes must still be refused first.
        refused(InvalidIdentifierException.class, () -> ada.roles().syncWithPivotValues(List.of(), Map.of(HOSTILE, 1)),
                "syncWithPivotValues", adaName, HOSTILE);
    }

    @Test
    void nullPivotAttributesAreNotARawNullPointerException() {
        for (Executable call : List.<Executable>of(() -> ada.roles().attach(admin, null),
                () -> ada.roles().attach(List.of(admin), null), () -> ada.roles().updateExistingPivot(editor, null))) {
            List<List<Object>> before = snapshot();
            statements.reset();
            try {
                call.execute();
            } catch (NullPointerException e) {
                fail("null pivot attributes gave a raw NullPointerException instead of a Quarry error (or no attributes): " + e);
            } catch (QuarryException e) {
                assertTrue(e.getMessage().contains(adaName) && e.getMessage().contains("roles"), e.getMessage());
                assertEquals(0, statements.count(), statements.sql().toString());
                assertEquals(before, snapshot());
            } catch (Throwable e) {
                fail(e);
            }
        }
    }

    @Test
    void aPivotAttributeTheTableDoesNotHaveFailsWithoutWritingAndNamesTheOperation() {
        // Not refused before SQL (Quarry does not know the pivot's columns), so the INSERT fails; nothing may be
        // written, and the error should say which operation on which relation failed, as DataIntegrityException does.
        List<List<Object>> before = snapshot();
        StatementFailedException e = assertThrows(StatementFailedException.class,
                () -> ada.roles().attach(admin, Map.of("nosuchColumn", 1)));
        assertEquals(before, snapshot());
        assertTrue(e.getMessage().contains("attach") && e.getMessage().contains(adaName) && e.getMessage().contains("roles"),
                e.getMessage());
    }

    // ---- the parent -------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"attach", "attachMap", "detach", "detachAll", "sync", "syncWithoutDetaching",
            "syncWithPivotValues", "toggle", "updateExistingPivot"})
    void anUnsavedParentIsRefused(String operation) {
        User unsaved = entities.get(User.class).setEmail("new@example.com");
        Executable call = operation.equals("detachAll") ? () -> unsaved.roles().detach()
                : () -> run(operation, unsaved.roles(), admin);
        refused(UnsavedEntityException.class, call, operation.equals("detachAll") ? "detach" : operation, "User", "roles");
    }

    // ---- ids that do not exist --------------------------------------------------------------

    @Test
    void anIdThatDoesNotExistIsRefusedByTheForeignKeyAndNothingIsWritten() {
        List<List<Object>> before = snapshot();
        DataIntegrityException e = assertThrows(DataIntegrityException.class, () -> ada.roles().attach(admin, 999L));
        assertEquals(before, snapshot(), "the existing role was not attached either");
        assertTrue(e.getMessage().contains("attach") && e.getMessage().contains(adaName) && e.getMessage().contains("roles"),
                e.getMessage());
    }

    @Test
    void aCustomKeyThatDoesNotExistIsRefusedByTheForeignKey() {
        Student student = entities.get(Student.class).setCode("S1").save();
        entities.get(Course.class).setRef("C1").save();
        List<List<Object>> before = snapshot();
        DataIntegrityException e = assertThrows(DataIntegrityException.class, () -> student.courses().sync("C1", "NOPE"));
        assertEquals(before, snapshot());
        assertTrue(e.getMessage().contains("sync") && e.getMessage().contains("Student(" + student.getId() + ")")
                && e.getMessage().contains("courses"), e.getMessage());
    }

    @Test
    void aCompositeKeyThatDoesNotExistIsRefusedByTheForeignKey() {
        List<List<Object>> before = snapshot();
        assertThrows(DataIntegrityException.class, () -> dev.projects().toggle(Key.of("orgId", 7L, "code", "apollo"),
                Key.of("orgId", 9L, "code", "nope")));
        assertEquals(before, snapshot(), "the toggle's DELETE of apollo was rolled back");
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** Runs one write operation with one related value. */
    private static Object run(String operation, BelongsToMany<?, ?> relation, Object value) {
        Map<String, Object> attributes = relation.pivotTable().columns().isEmpty() ? Map.of()
                : Map.of(relation.pivotTable().columns().get(0), "x");
        Map<Object, Map<String, ?>> keyed = new HashMap<>();
        keyed.put(value, attributes);
        return switch (operation) {
            case "attach" -> relation.attach(value);
            case "attachWithAttributes" -> relation.attach(value, attributes);
            case "attachMap" -> relation.attach(keyed);
            case "detach" -> relation.detach(value);
            case "sync" -> relation.sync(value);
            case "syncMap" -> relation.sync(keyed);
            case "syncWithoutDetaching" -> relation.syncWithoutDetaching(value);
            case "syncWithPivotValues" -> relation.syncWithPivotValues(Collections.singletonList(value), attributes);
            case "toggle" -> relation.toggle(value);
            case "updateExistingPivot" -> relation.updateExistingPivot(value, attributes);
            default -> throw new IllegalArgumentException(operation);
        };
    }

    /** The operation's name as the error gives it. */
    private static String verb(String operation) {
        return switch (operation) {
            case "attachWithAttributes", "attachMap", "attachShared" -> "attach";
            case "syncMap", "syncWithoutDetaching" -> "sync";
            default -> operation;
        };
    }

    /**
     * Asserts the call throws {@code type} whose message names the operation and each of
     * {@code mentions}, that no statement ran and that no pivot table changed.
     */
    private <E extends Throwable> E refused(Class<E> type, Executable call, String operation, String... mentions) {
        List<List<Object>> before = snapshot();
        statements.reset();
        E e = assertThrows(type, call);
        String message = String.valueOf(e.getMessage());
        assertTrue(message.contains(verb(operation)), "the message names the operation " + verb(operation) + ": " + message);
        for (String mention : mentions) {
            assertTrue(message.contains(mention), "the message names " + mention + ": " + message);
        }
        assertEquals(0, statements.count(), "no statement ran: " + statements.sql());
        assertEquals(before, snapshot(), "no pivot table changed");
        return e;
    }

    /** Every row of every pivot table, straight from JDBC on a connection of its own. */
    private List<List<Object>> snapshot() {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "SA", "")) {
            for (String table : PIVOTS) {
                try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM \"" + table + "\" ORDER BY 1, 2");
                     ResultSet rs = statement.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        List<Object> row = new ArrayList<>();
                        row.add(table);
                        for (int i = 1; i <= columns; i++) {
                            row.add(rs.getObject(i));
                        }
                        rows.add(row);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}
