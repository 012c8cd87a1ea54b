package dev.quarry.it.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.entity.Key;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.RoleUser;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A pivot table with an entity of its own (composite key) beside the belongsToMany that uses it. */
class PivotEntityIT extends DatabaseTest {
    private User ada;
    private Role admin;

    @BeforeEach
    void seed() {
        ada = entities.get(User.class).create(Map.of("email", "ada@example.com"));
        admin = entities.get(Role.class).create(Map.of("name", "admin"));
    }

    @Test
    void aRowAttachedThroughTheRelationIsFoundAsAPivotEntity() {
        ada.roles().attach(admin, Map.of("assignedBy", "root"));

        RoleUser row = entities.get(RoleUser.class).findOrFail(Key.of("userId", ada.getId(), "roleId", admin.getId()));

        assertEquals("root", row.getAssignedBy());
        assertEquals(clock.instant(), row.getCreatedAt());
    }

    @Test
    void aPivotEntitySavedDirectlyIsReadThroughTheRelation() {
        entities.get(RoleUser.class).setUserId(ada.getId()).setRoleId(admin.getId()).setAssignedBy("import").save();

        List<Role> roles = ada.roles().get();

        assertEquals(List.of("admin"), roles.stream().map(Role::getName).toList());
        assertEquals("import", roles.get(0).pivot().get("assignedBy"));
    }

    @Test
    void updatingThePivotEntityIsSeenByThePivotRowOfTheRelation() {
        ada.roles().attach(admin);
        RoleUser row = entities.get(RoleUser.class).where("userId", ada.getId()).firstOrFail();

        row.setAssignedBy("audit").save();

        assertEquals("audit", ada.roles().first().orElseThrow().pivot().get("assignedBy"));
    }
}
