package dev.quarry.it.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.entity.UnknownEntityException;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.query.InvalidQueryException;
import dev.quarry.relation.BelongsToMany;
import dev.quarry.relation.InvalidRelatedIdException;
import dev.quarry.relation.Pivot;
import dev.quarry.relation.pivot.SyncResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** belongsToManyTable: a related table without an entity gives plain rows (Mongoloquent's form). */
class BelongsToManyTableIT extends DatabaseTest {
    private User ada;
    private User grace;
    private Role admin;
    private Role editor;

    @BeforeEach
    void seed() {
        ada = entities.get(User.class).create(Map.of("email", "ada@example.com"));
        grace = entities.get(User.class).create(Map.of("email", "grace@example.com"));
        admin = entities.get(Role.class).create(Map.of("name", "admin"));
        editor = entities.get(Role.class).create(Map.of("name", "editor"));
        statements.reset();
    }

    private static List<Object> names(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> r.get("name")).toList();
    }

    @Test
    void conventionsDeriveThePivotFromTheTableNames() {
        assertEquals("roles_users", ada.roleRows().pivotTable().table());
        assertEquals(List.of("userId"), ada.roleRows().pivotTable().foreignPivotKeys());
        assertEquals(List.of("roleId"), ada.roleRows().pivotTable().relatedPivotKeys());
    }

    @Test
    void getReturnsPlainRowsWithTheirPivotInOneStatement() {
        ada.roles().attach(admin, Map.of("assignedBy", "root"));
        statements.reset();

        List<Map<String, Object>> rows = ada.roleRows().get();

        assertEquals(1, statements.count());
        assertEquals(List.of("admin"), names(rows));
        assertEquals(admin.getId(), ((Number) rows.get(0).get("id")).longValue());
        assertEquals("root", ((Pivot) rows.get(0).get("pivot")).get("assignedBy"));
    }

    @Test
    void rowsStayConstrainedToTheirParentAndTakeConditionsAndOrder() {
        ada.roles().attach(admin, editor);
        grace.roles().attach(admin);

        assertEquals(List.of("editor", "admin"), names(ada.roleRows().orderBy("name", "desc").get()));
        assertEquals(List.of("editor"), names(ada.roleRows().where("name", "like", "ed%").get()));
        assertEquals(1, grace.roleRows().count());
        assertTrue(ada.roleRows().exists());
        assertEquals("admin", ada.roleRows().orderBy("name").first().orElseThrow().get("name"));
    }

    @Test
    void attachSyncAndDetachTakeIdsAsGivenAndWriteTheSamePivotAsTheEntityRelation() {
        assertEquals(List.of(admin.getId()), ada.roleRows().attach(admin.getId().intValue()));
        SyncResult result = ada.roleRows().sync(List.of(editor.getId()));

        assertEquals(List.of(editor.getId()), result.attached());
        assertEquals(List.of(admin.getId()), result.detached());
        assertEquals(List.of("editor"), ada.roles().get().stream().map(Role::getName).toList());
        assertEquals(1, ada.roleRows().detach(List.of(editor.getId())));
        assertEquals(0, ada.roleRows().count());
    }

    @Test
    void anEntityIsRefusedBecauseTheRelationHasNone() {
        InvalidRelatedIdException refused = assertThrows(InvalidRelatedIdException.class, () -> ada.roleRows().attach(admin));

        assertTrue(refused.getMessage().contains("the table roles has no entity"), refused.getMessage());
        assertEquals(0, countRows("roles_users"));
    }

    @Test
    void eagerLoadingRowsForManyParentsIsOneStatementMore() {
        ada.roles().attach(admin, editor);
        grace.roles().attach(editor);
        statements.reset();

        List<User> users = entities.get(User.class).query().with("roleRows").orderBy("id").get();

        assertEquals(2, statements.count());
        assertEquals(2, users.get(0).roleRows().getResults().size());
        assertEquals(List.of("editor"), names(users.get(1).roleRows().getResults()));
        assertEquals(2, statements.count(), "no lazy load after the eager load");
    }

    @Test
    void nothingCanBeEagerLoadedBelowPlainRows() {
        ada.roles().attach(admin);

        assertThrows(InvalidQueryException.class, () -> entities.get(User.class).query().with("roleRows.users").get());
    }

    @Test
    void getResultsCachesTheRowsOnTheParent() {
        ada.roles().attach(admin);
        statements.reset();

        ada.roleRows().getResults();
        ada.roleRows().getResults();

        assertEquals(1, statements.count());
    }

    /** Declares a relation with a table name where belongsToMany wants an entity name. */
    @Entity(value = "Mistaken", module = "BelongsToManyTableIT", table = "users")
    static class Mistaken extends BaseEntity<Mistaken> {
        Long id;

        public BelongsToMany<Mistaken, Role> roles() {
            return belongsToMany("roles");
        }
    }

    @Test
    void aTableNameWhereBelongsToManyWantsAnEntityIsAnErrorNotASilentSwitchToRows() {
        Mistaken mistaken = entities.get(Mistaken.class);

        UnknownEntityException error = assertThrows(UnknownEntityException.class, mistaken::roles);

        assertTrue(error.getMessage().contains("Did you mean Role"), error.getMessage());
    }
}
