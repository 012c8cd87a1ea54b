package dev.quarry.it.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.QuarryException;
import dev.quarry.entity.UnsavedEntityException;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.relation.InvalidRelatedIdException;
import dev.quarry.sql.StatementFailedException;
import dev.quarry.validation.EntityValidationException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Creating related rows through a belongsToMany: create, createMany, firstOrCreate, updateOrCreate
 * and findOrNew write the related row and its pivot row in one transaction, as attach writes it.
 */
class BelongsToManyCreateIT extends DatabaseTest {
    private static final String PIVOT_OF = "SELECT \"roleId\", \"assignedBy\", \"createdAt\" FROM \"roles_users\""
            + " WHERE \"userId\" = ? ORDER BY \"roleId\"";

    private User ada;

    @BeforeEach
    void oneUser() {
        ada = entities.get(User.class).create(Map.of("email", "ada@example.com"));
        statements.reset();
    }

    private List<Map<String, Object>> pivotRows(User user) {
        return jdbi.withHandle(h -> h.createQuery(PIVOT_OF).bind(0, user.getId()).mapToMap().list());
    }

    private Role role(String name) {
        return entities.get(Role.class).create(Map.of("name", name));
    }

    // ---- create -----------------------------------------------------------------------------

    @Test
    void createInsertsTheRelatedRowAndItsPivotRow() {
        Role editor = ada.roles().create(Map.of("name", "editor"));

        assertEquals(List.of("INSERT", "INSERT"), statementKinds().stream().filter(k -> !k.equals("SELECT")).toList());
        assertEquals("editor", entities.get(Role.class).query().find(editor.getId()).orElseThrow().getName());
        assertEquals(editor.getId(), ((Number) pivotRows(ada).get(0).get("roleid")).longValue());
    }

    @Test
    void createWritesThePivotAttributesAndTimestamps() {
        Role editor = ada.roles().create(Map.of("name", "editor"), Map.of("assignedBy", "root"));

        Map<String, Object> row = pivotRows(ada).get(0);
        assertEquals("root", row.get("assignedby"));
        assertEquals(clock.instant(), ((Timestamp) row.get("createdat")).toInstant());
        assertEquals("root", ada.roles().find(editor.getId()).orElseThrow().pivot().get("assignedBy"));
    }

    @Test
    void createThroughARelationConstrainedByWherePivotWritesThatValue() {
        ada.roles().wherePivot("assignedBy", "hr").create(Map.of("name", "editor"));

        assertEquals("hr", pivotRows(ada).get(0).get("assignedby"));
    }

    @Test
    void createForgetsTheParentsCachedRelation() {
        assertEquals(List.of(), ada.roles().getResults());

        ada.roles().create(Map.of("name", "editor"));

        assertEquals(List.of("editor"), ada.roles().getResults().stream().map(Role::getName).toList());
    }

    @Test
    void aFailedValidationOfTheRelatedEntityWritesNeitherRow() {
        Role admin = role("admin");

        assertThrows(EntityValidationException.class, () -> admin.users().create(Map.of("email", "not an address")));

        assertEquals(1, countRows("users"));
        assertEquals(0, countRows("roles_users"));
    }

    @Test
    void aFailedPivotInsertRollsTheRelatedRowBack() {
        StatementFailedException e = assertThrows(StatementFailedException.class,
                () -> ada.roles().create(Map.of("name", "editor"), Map.of("noSuchColumn", 1)));

        assertEquals(0, countRows("roles"));
        assertEquals(0, countRows("roles_users"));
        assertTrue(e.getMessage().contains("roles"), e.getMessage());
    }

    @Test
    void aPivotValueTheColumnCannotHoldRollsTheRelatedRowBack() {
        assertThrows(QuarryException.class,
                () -> ada.roles().create(Map.of("name", "editor"), Map.of("assignedBy", "x".repeat(51))));

        assertEquals(0, countRows("roles"));
        assertEquals(0, countRows("roles_users"));
    }

    @Test
    void createThroughAnUnsavedParentIsRefusedNamingTheEntityAndRelation() {
        User unsaved = entities.get(User.class).setEmail("new@example.com");

        UnsavedEntityException e = assertThrows(UnsavedEntityException.class,
                () -> unsaved.roles().create(Map.of("name", "editor")));

        assertTrue(e.getMessage().contains("User") && e.getMessage().contains("roles"), e.getMessage());
        assertEquals(0, countRows("roles"));
    }

    @Test
    void createWithNullAttributesIsRefusedNamingTheRelation() {
        InvalidRelatedIdException e = assertThrows(InvalidRelatedIdException.class, () -> ada.roles().create(null));

        assertTrue(e.getMessage().contains("create on " + ada + ".roles"), e.getMessage());
    }

    // ---- createMany -------------------------------------------------------------------------

    @Test
    void createManyCreatesAndAttachesEveryRowWithItsPivotAttributes() {
        List<Role> roles = ada.roles().createMany(List.of(Map.of("name", "a"), Map.of("name", "b")),
                List.of(Map.of("assignedBy", "x"), Map.of()));

        assertEquals(List.of("a", "b"), roles.stream().map(Role::getName).toList());
        List<Map<String, Object>> rows = pivotRows(ada);
        assertEquals("x", rows.get(0).get("assignedby"));
        assertNull(rows.get(1).get("assignedby"));
    }

    @Test
    void createManyWritesNothingWhenOneEntityFailsValidation() {
        Role admin = role("admin");

        assertThrows(EntityValidationException.class, () -> admin.users().createMany(
                List.of(Map.of("email", "bob@example.com"), Map.of("email", "not an address"))));

        assertEquals(1, countRows("users"));
        assertEquals(0, countRows("roles_users"));
    }

    @Test
    void createManyWithAPivotListOfAnotherLengthIsRefusedBeforeAnyWrite() {
        InvalidRelatedIdException e = assertThrows(InvalidRelatedIdException.class, () -> ada.roles().createMany(
                List.of(Map.of("name", "a"), Map.of("name", "b")), List.of(Map.of())));

        assertTrue(e.getMessage().contains("1 pivot attribute maps for 2"), e.getMessage());
        assertEquals(List.of(), statementKinds());
    }

    // ---- firstOrCreate ----------------------------------------------------------------------

    @Test
    void firstOrCreateReturnsAnAttachedMatchWithoutWriting() {
        Role editor = role("editor");
        ada.roles().attach(editor);
        statements.reset();

        Role found = ada.roles().firstOrCreate(Map.of("name", "editor"));

        assertEquals(editor.getId(), found.getId());
        assertTrue(statementKinds().stream().allMatch(k -> k.equals("SELECT")), statements.sql().toString());
    }

    @Test
    void firstOrCreateAttachesAnExistingUnattachedMatchAsEloquentDoes() {
        Role editor = role("editor");

        Role found = ada.roles().firstOrCreate(Map.of("name", "editor"), Map.of(), Map.of("assignedBy", "root"));

        assertEquals(editor.getId(), found.getId());
        assertEquals(1, countRows("roles"));
        assertEquals("root", pivotRows(ada).get(0).get("assignedby"));
    }

    @Test
    void firstOrCreateCreatesFromTheSearchAndValuesAndAttaches() {
        Role created = ada.roles().firstOrCreate(Map.of("name", "editor"), Map.of(), Map.of("assignedBy", "root"));

        assertTrue(created.isLoaded());
        assertEquals(1, countRows("roles"));
        assertEquals(created.getId(), ((Number) pivotRows(ada).get(0).get("roleid")).longValue());
    }

    @Test
    void firstOrCreateSearchesOnlyThisParentsRowsFirst() {
        User bob = entities.get(User.class).create(Map.of("email", "bob@example.com"));
        Role shared = role("editor");
        bob.roles().attach(shared);

        Role found = ada.roles().firstOrCreate(Map.of("name", "editor"));

        assertEquals(shared.getId(), found.getId());
        assertEquals(List.of("editor"), ada.roles().getResults().stream().map(Role::getName).toList());
    }

    // ---- updateOrCreate ---------------------------------------------------------------------

    @Test
    void updateOrCreateUpdatesTheAttachedMatch() {
        User bob = entities.get(User.class).create(Map.of("email", "bob@example.com"));
        Role admin = role("admin");
        admin.users().attach(bob);

        User updated = admin.users().updateOrCreate(Map.of("email", "bob@example.com"), Map.of("name", "Bob"));

        assertEquals(bob.getId(), updated.getId());
        assertEquals("Bob", entities.get(User.class).query().find(bob.getId()).orElseThrow().getName());
        assertEquals(2, countRows("users"));
    }

    @Test
    void updateOrCreateAttachesAndUpdatesAnExistingUnattachedMatch() {
        Role admin = role("admin");

        User updated = admin.users().updateOrCreate(Map.of("email", "ada@example.com"), Map.of("name", "Ada"));

        assertEquals(ada.getId(), updated.getId());
        assertEquals("Ada", entities.get(User.class).query().find(ada.getId()).orElseThrow().getName());
        assertEquals(List.of(admin.getId()), ada.roles().getResults().stream().map(Role::getId).toList());
    }

    @Test
    void updateOrCreateCreatesFromTheSearchAndValuesAndAttaches() {
        Role admin = role("admin");

        User created = admin.users().updateOrCreate(Map.of("email", "cy@example.com"), Map.of("name", "Cy"));

        assertEquals("Cy", created.getName());
        assertEquals(List.of("cy@example.com"), admin.users().getResults().stream().map(User::getEmail).toList());
    }

    @Test
    void updateOrCreateWithInvalidValuesLeavesTheRowUnchangedAndUnattached() {
        Role admin = role("admin");

        assertThrows(EntityValidationException.class,
                () -> admin.users().updateOrCreate(Map.of("email", "ada@example.com"), Map.of("age", -1)));

        assertEquals(0, countRows("roles_users"));
        assertNull(rows("users", "id").get(0).get("age"));
    }

    // ---- findOrNew --------------------------------------------------------------------------

    @Test
    void findOrNewReturnsTheAttachedEntityWithItsPivot() {
        Role editor = role("editor");
        ada.roles().attach(editor, Map.of("assignedBy", "root"));

        Role found = ada.roles().findOrNew(editor.getId());

        assertEquals(editor.getId(), found.getId());
        assertEquals("root", found.pivot().get("assignedBy"));
    }

    @Test
    void findOrNewOfARowThisParentDoesNotHaveIsANewUnsavedEntity() {
        Role unattached = role("editor");

        Role made = ada.roles().findOrNew(unattached.getId());

        assertFalse(made.isLoaded());
        assertNull(made.getId());
        assertEquals(0, countRows("roles_users"));
    }
}
