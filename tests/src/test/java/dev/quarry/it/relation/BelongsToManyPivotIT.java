package dev.quarry.it.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.entity.Key;
import dev.quarry.entity.UnsavedEntityException;
import dev.quarry.it.model.Course;
import dev.quarry.it.model.Developer;
import dev.quarry.it.model.Post;
import dev.quarry.it.model.Project;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.Student;
import dev.quarry.it.model.Tag;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.query.InvalidQueryException;
import dev.quarry.relation.BelongsToMany;
import dev.quarry.relation.NoPivotException;
import dev.quarry.relation.Pivot;
import dev.quarry.relation.UnknownPivotColumnException;
import dev.quarry.sql.InvalidIdentifierException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pivot side of belongsToMany: the pivot row each related entity carries, the wherePivot
 * filters and orderByPivot on reads and eager loads, and the pivot-table introspection
 * (getRelatedTable, getPivotColumns, newPivotQuery).
 *
 * <p>Fixture: ada has admin (assigned by root, 2025-01-01), editor (ops, 2025-06-01) and viewer
 * (nobody, no timestamp); grace has admin (root) and guest (root), so every filter on ada's rows
 * has matching rows of another parent next to it.
 */
class BelongsToManyPivotIT extends DatabaseTest {

    /** A view of the users table whose relations declare pivot filters and a pivot order themselves. */
    @Entity(value = "Assignee", module = "BelongsToManyPivotIT", table = "users")
    static class Assignee extends BaseEntity<Assignee> {
        private Long id;
        private String email;

        public BelongsToMany<Assignee, Role> rootRoles() {
            return belongsToMany(Role.class).table("roles_users").foreignPivotKey("userId").withPivot("assignedBy")
                    .wherePivot("assignedBy", "root");
        }

        public BelongsToMany<Assignee, Role> rolesByAssigner() {
            return belongsToMany(Role.class).table("roles_users").foreignPivotKey("userId").withPivot("assignedBy")
                    .wherePivotNotNull("assignedBy").orderByPivot("assignedBy");
        }

        public Long getId() {
            return id;
        }

        public String getEmail() {
            return email;
        }
    }

    private User ada;
    private User grace;
    private Role admin;
    private Role editor;
    private Role viewer;
    private Role guest;

    @BeforeEach
    void seed() {
        ada = entities.get(User.class).create(Map.of("email", "ada@example.com"));
        grace = entities.get(User.class).create(Map.of("email", "grace@example.com"));
        admin = role("admin");
        editor = role("editor");
        viewer = role("viewer");
        guest = role("guest");
        execute("INSERT INTO \"roles_users\" VALUES (?, ?, 'root', TIMESTAMP '2025-01-01 00:00:00', TIMESTAMP '2025-01-01 00:00:00')",
                ada.getId(), admin.getId());
        execute("INSERT INTO \"roles_users\" VALUES (?, ?, 'ops', TIMESTAMP '2025-06-01 00:00:00', TIMESTAMP '2025-06-01 00:00:00')",
                ada.getId(), editor.getId());
        execute("INSERT INTO \"roles_users\" VALUES (?, ?, NULL, NULL, NULL)", ada.getId(), viewer.getId());
        execute("INSERT INTO \"roles_users\" VALUES (?, ?, 'root', NULL, NULL)", grace.getId(), admin.getId());
        execute("INSERT INTO \"roles_users\" VALUES (?, ?, 'root', NULL, NULL)", grace.getId(), guest.getId());
        statements.reset();
    }

    // ---- pivot() ---------------------------------------------------------------------------------

    @Test
    void pivotCarriesTheKeyColumnsThenWithPivotColumnsThenTimestamps() {
        Pivot pivot = named(ada.roles().get(), "admin").pivot();
        assertEquals(List.of("userId", "roleId", "assignedBy", "createdAt", "updatedAt"), List.copyOf(pivot.attributes().keySet()));
    }

    @Test
    void pivotHoldsTheValuesOfTheRowTheEntityWasReadThrough() {
        Pivot pivot = named(ada.roles().get(), "editor").pivot();
        assertEquals(ada.getId(), pivot.get("userId"));
        assertEquals(editor.getId(), pivot.get("roleId"));
        assertEquals("ops", pivot.get("assignedBy"));
    }

    @Test
    void aNullPivotValueIsReadAsNull() {
        Pivot pivot = named(ada.roles().get(), "viewer").pivot();
        assertTrue(pivot.has("assignedBy"));
        assertNull(pivot.get("assignedBy"));
    }

    @Test
    void pivotNamesItsTable() {
        assertEquals("roles_users", named(ada.roles().get(), "admin").pivot().table());
    }

    @Test
    void pivotTimestampsReadBackAsTheInstantsTheyWereWritten() {
        Role other = role("other");
        ada.roles().attach(other);
        Pivot pivot = named(ada.roles().get(), "other").pivot();
        assertEquals(clock.instant(), pivot.get("createdAt"));
        assertEquals(clock.instant(), pivot.get("updatedAt"));
    }

    @Test
    void aRelationWithoutWithPivotReadsOnlyTheKeyColumns() {
        Pivot pivot = admin.users().get().get(0).pivot();
        assertEquals(List.of("roleId", "userId"), List.copyOf(pivot.attributes().keySet()));
    }

    @Test
    void anUnreadPivotColumnThrowsUnknownPivotColumnNamingWithPivot() {
        Pivot pivot = admin.users().get().get(0).pivot();
        UnknownPivotColumnException e = assertThrows(UnknownPivotColumnException.class, () -> pivot.get("assignedBy"));
        assertTrue(e.getMessage().contains("withPivot(\"assignedBy\")"), e.getMessage());
        assertFalse(pivot.has("assignedBy"));
    }

    @Test
    void aColumnThePivotTableDoesNotHaveThrowsUnknownPivotColumn() {
        Pivot pivot = named(ada.roles().get(), "admin").pivot();
        assertThrows(UnknownPivotColumnException.class, () -> pivot.get("level"));
    }

    @Test
    void pivotOfAnEntityReadWithoutARelationThrowsNoPivot() {
        Role found = entities.get(Role.class).findOrFail(admin.getId());
        NoPivotException e = assertThrows(NoPivotException.class, found::pivot);
        assertTrue(e.getMessage().contains("Role"), e.getMessage());
    }

    @Test
    void pivotOfANewEntityThrowsNoPivot() {
        assertThrows(NoPivotException.class, () -> entities.get(Role.class).pivot());
    }

    @Test
    void anEagerLoadedEntityCarriesTheSamePivotAsALazyRead() {
        User eager = entities.get(User.class).query().where("id", ada.getId()).with("roles").first().orElseThrow();
        assertEquals(named(ada.roles().get(), "editor").pivot(), named(eager.roles().getResults(), "editor").pivot());
    }

    @Test
    void aPivotColumnNamedLikeARelatedAttributeDoesNotOverwriteIt() {
        execute("ALTER TABLE \"posts_tags\" ADD COLUMN \"createdAt\" TIMESTAMP(6)");
        execute("ALTER TABLE \"posts_tags\" ADD COLUMN \"updatedAt\" TIMESTAMP(6)");
        Post post = entities.get(Post.class).create(Map.of("title", "Hello"));
        Tag tag = entities.get(Tag.class).create(Map.of("name", "news"));
        execute("INSERT INTO \"posts_tags\" VALUES (?, ?, TIMESTAMP '2020-01-01 00:00:00', NULL)", post.getId(), tag.getId());
        Post read = tag.posts().withTimestamps().get().get(0);
        assertEquals(post.getCreatedAt(), read.getCreatedAt());
        assertTrue(String.valueOf(read.pivot().get("createdAt")).startsWith("2020-01-01"), read.pivot().toString());
        assertNull(read.pivot().get("updatedAt"));
    }

    @Test
    void customKeysAreTheKeysOfThePivot() {
        Student student = entities.get(Student.class).setCode("S1").save();
        Course course = entities.get(Course.class).setRef("C1").save();
        execute("INSERT INTO \"enrolments\" VALUES ('S1', 'C1', 5)");
        Pivot pivot = student.courses().get().get(0).pivot();
        assertEquals(Map.of("studentCode", "S1", "courseRef", "C1", "grade", 5), pivot.attributes());
        assertEquals(course.getId(), student.courses().get().get(0).getId());
    }

    @Test
    void compositeKeysAreEveryKeyColumnOfThePivot() {
        entities.get(Project.class).setOrgId(7L).setCode("apollo").save();
        Developer developer = entities.get(Developer.class).setName("Ada").save();
        developer.projects().attach(Key.of("orgId", 7L, "code", "apollo"));
        Pivot pivot = developer.projects().get().get(0).pivot();
        assertEquals(Map.of("developerId", developer.getId(), "projectOrgId", 7L, "projectCode", "apollo"), pivot.attributes());
    }

    // ---- wherePivot and friends on reads -----------------------------------------------------------

    @Test
    void wherePivotKeepsOnlyTheParentsMatchingRows() {
        assertEquals(List.of("admin"), names(ada.roles().wherePivot("assignedBy", "root").get()));
    }

    @Test
    void wherePivotWithAnOperatorKeepsOnlyTheParentsMatchingRows() {
        assertEquals(List.of("editor"), names(ada.roles().wherePivot("assignedBy", "<>", "root").get()));
    }

    @Test
    void wherePivotLikeKeepsOnlyTheParentsMatchingRows() {
        assertEquals(List.of("editor"), names(ada.roles().wherePivot("assignedBy", "like", "o%").get()));
    }

    @Test
    void wherePivotComparesTimestampsWithAnInstant() {
        Instant march = Instant.parse("2025-03-01T00:00:00Z");
        assertEquals(List.of("editor"), names(ada.roles().wherePivot("createdAt", ">", march).get()));
    }

    @Test
    void wherePivotWithNullMeansIsNull() {
        assertEquals(List.of("viewer"), names(ada.roles().wherePivot("assignedBy", null).get()));
    }

    @Test
    void wherePivotNotEqualNullMeansIsNotNull() {
        assertEquals(List.of("admin", "editor"), sorted(ada.roles().wherePivot("assignedBy", "!=", null).get()));
    }

    @Test
    void wherePivotOrderingAgainstNullIsRefused() {
        assertThrows(InvalidQueryException.class, () -> ada.roles().wherePivot("assignedBy", ">", null));
    }

    @Test
    void wherePivotWithAnUnknownOperatorIsRefusedWithoutSql() {
        assertThrows(InvalidQueryException.class, () -> ada.roles().wherePivot("assignedBy", "= 1 OR 1 =", "x").get());
        assertEquals(0, statements.count());
    }

    @Test
    void wherePivotWithAnInvalidColumnIsRefusedWithoutSql() {
        assertThrows(InvalidIdentifierException.class, () -> ada.roles().wherePivot("assignedBy\" OR 1=1 --", "x").get());
        assertEquals(0, statements.count());
    }

    @Test
    void wherePivotWithAQualifiedColumnIsRefused() {
        assertThrows(InvalidIdentifierException.class, () -> ada.roles().wherePivot("users.id", 1));
    }

    @Test
    void wherePivotInKeepsOnlyTheParentsRowsWithOneOfTheValues() {
        assertEquals(List.of("admin", "editor"), sorted(ada.roles().wherePivotIn("assignedBy", List.of("root", "ops")).get()));
    }

    @Test
    void wherePivotInWithANullAmongTheValuesAlsoMatchesRowsWithoutAValue() {
        assertEquals(List.of("admin", "viewer"), sorted(ada.roles().wherePivotIn("assignedBy", Arrays.asList("root", null)).get()));
    }

    @Test
    void aPivotColumnQualifiedWithThePivotTableCanBeUsedInWhere() {
        assertEquals(List.of("editor"), names(ada.roles().where("roles_users.assignedBy", "ops").get()));
    }

    @Test
    void wherePivotInAnEmptyCollectionMatchesNothing() {
        assertEquals(List.of(), ada.roles().wherePivotIn("assignedBy", List.of()).get());
    }

    @Test
    void wherePivotNotInKeepsOnlyTheParentsRowsWithNoneOfTheValues() {
        assertEquals(List.of("editor"), names(ada.roles().wherePivotNotIn("assignedBy", List.of("root")).get()));
    }

    @Test
    void wherePivotNotInAnEmptyCollectionExcludesNothing() {
        assertEquals(3, ada.roles().wherePivotNotIn("assignedBy", List.of()).get().size());
    }

    @Test
    void wherePivotNullKeepsOnlyTheParentsRowsWithoutAValue() {
        assertEquals(List.of("viewer"), names(ada.roles().wherePivotNull("assignedBy").get()));
    }

    @Test
    void wherePivotNotNullKeepsOnlyTheParentsRowsWithAValue() {
        assertEquals(List.of("admin", "guest"), sorted(grace.roles().wherePivotNotNull("assignedBy").get()));
        assertEquals(List.of("admin", "editor"), sorted(ada.roles().wherePivotNotNull("assignedBy").get()));
    }

    @Test
    void wherePivotFiltersCombineWithAnd() {
        assertEquals(List.of(), ada.roles().wherePivot("assignedBy", "root").wherePivot("roleId", editor.getId()).get());
    }

    @Test
    void wherePivotAppliesToCountAndExists() {
        assertEquals(1, ada.roles().wherePivotNull("assignedBy").count());
        assertFalse(grace.roles().wherePivotNull("assignedBy").exists());
    }

    @Test
    void wherePivotIsOneStatement() {
        ada.roles().wherePivot("assignedBy", "root").wherePivotNotNull("createdAt").get();
        assertEquals(1, statements.count());
    }

    @Test
    void orderByPivotOrdersByThePivotColumnAscending() {
        assertEquals(List.of("editor", "admin"), names(ada.roles().wherePivotNotNull("assignedBy").orderByPivot("assignedBy").get()));
    }

    @Test
    void orderByPivotDescendingOrdersByThePivotColumnDescending() {
        assertEquals(List.of("editor", "admin"), names(ada.roles().wherePivotNotNull("createdAt").orderByPivot("createdAt", "desc").get()));
    }

    @Test
    void orderByPivotWithAnInvalidDirectionIsRefused() {
        assertThrows(InvalidQueryException.class, () -> ada.roles().orderByPivot("assignedBy", "sideways"));
    }

    @Test
    void orderByPivotWithAnInvalidColumnIsRefused() {
        assertThrows(InvalidIdentifierException.class, () -> ada.roles().orderByPivot("assignedBy; DROP TABLE users"));
    }

    @Test
    void aWherePivotDeclaredInTheRelationMethodAppliesToLazyReads() {
        Assignee assignee = entities.get(Assignee.class).findOrFail(ada.getId());
        assertEquals(List.of("admin"), names(assignee.rootRoles().get()));
    }

    // ---- wherePivot and orderByPivot on eager loads --------------------------------------------------

    @Test
    void wherePivotInAnEagerConstraintFiltersEveryParent() {
        List<User> users = entities.get(User.class).query()
                .with("roles", q -> ((BelongsToMany<?, ?>) q).wherePivot("assignedBy", "root")).orderBy("id").get();
        assertEquals(2, statements.count());
        assertEquals(List.of("admin"), names(users.get(0).roles().getResults()));
        assertEquals(List.of("admin", "guest"), sorted(users.get(1).roles().getResults()));
    }

    @Test
    void wherePivotInInAnEagerConstraintFiltersEveryParent() {
        List<User> users = entities.get(User.class).query()
                .with("roles", q -> ((BelongsToMany<?, ?>) q).wherePivotIn("roleId", List.of(admin.getId(), viewer.getId())))
                .orderBy("id").get();
        assertEquals(List.of("admin", "viewer"), sorted(users.get(0).roles().getResults()));
        assertEquals(List.of("admin"), names(users.get(1).roles().getResults()));
    }

    @Test
    void wherePivotNullInAnEagerConstraintFiltersEveryParent() {
        List<User> users = entities.get(User.class).query()
                .with("roles", q -> ((BelongsToMany<?, ?>) q).wherePivotNull("createdAt")).orderBy("id").get();
        assertEquals(List.of("viewer"), names(users.get(0).roles().getResults()));
        assertEquals(List.of("admin", "guest"), sorted(users.get(1).roles().getResults()));
    }

    @Test
    void orderByPivotInAnEagerConstraintOrdersEveryParent() {
        List<User> users = entities.get(User.class).query()
                .with("roles", q -> ((BelongsToMany<?, ?>) q).wherePivotNotNull("assignedBy").orderByPivot("assignedBy"))
                .orderBy("id").get();
        assertEquals(List.of("editor", "admin"), names(users.get(0).roles().getResults()));
    }

    @Test
    void aWherePivotDeclaredInTheRelationMethodAppliesToEagerLoads() {
        List<Assignee> assignees = entities.get(Assignee.class).query().with("rootRoles").orderBy("id").get();
        assertEquals(List.of("admin"), names(assignees.get(0).rootRoles().getResults()));
        assertEquals(List.of("admin", "guest"), sorted(assignees.get(1).rootRoles().getResults()));
    }

    @Test
    void anOrderByPivotDeclaredInTheRelationMethodAppliesToEagerLoads() {
        Assignee assignee = entities.get(Assignee.class).query().where("id", ada.getId()).with("rolesByAssigner")
                .first().orElseThrow();
        assertEquals(List.of("editor", "admin"), names(assignee.rolesByAssigner().getResults()));
    }

    @Test
    void anOrderByPivotDeclaredInTheRelationMethodAppliesToLazyReads() {
        Assignee assignee = entities.get(Assignee.class).findOrFail(ada.getId());
        assertEquals(List.of("editor", "admin"), names(assignee.rolesByAssigner().getResults()));
    }

    // ---- introspection --------------------------------------------------------------------------------

    @Test
    void getRelatedTableIsTheRelatedEntitysTable() {
        assertEquals("roles", ada.roles().getRelatedTable());
        assertEquals("users", admin.users().getRelatedTable());
        assertEquals("students", entities.get(Course.class).students().getRelatedTable());
    }

    @Test
    void getPivotColumnsListsKeysWithPivotColumnsAndTimestamps() {
        assertEquals(List.of("userId", "roleId", "assignedBy", "createdAt", "updatedAt"), ada.roles().getPivotColumns());
        assertEquals(0, statements.count());
    }

    @Test
    void getPivotColumnsOfAPlainRelationListsOnlyTheKeys() {
        assertEquals(List.of("userId", "permissionId"), ada.permissions().getPivotColumns());
    }

    @Test
    void getPivotColumnsOfCustomAndCompositeKeysListsEveryKeyColumn() {
        assertEquals(List.of("studentCode", "courseRef", "grade"), entities.get(Student.class).courses().getPivotColumns());
        assertEquals(List.of("developerId", "projectOrgId", "projectCode"), entities.get(Developer.class).projects().getPivotColumns());
    }

    @Test
    void withPivotOfAKeyColumnDoesNotRepeatIt() {
        assertEquals(List.of("userId", "roleId", "assignedBy", "createdAt", "updatedAt"),
                ada.roles().withPivot("userId", "assignedBy").getPivotColumns());
    }

    @Test
    void withPivotWithAnInvalidColumnIsRefusedAtOnce() {
        assertThrows(InvalidIdentifierException.class, () -> ada.roles().withPivot("assignedBy, \"users\".\"email"));
    }

    // ---- newPivotQuery ----------------------------------------------------------------------------------

    @Test
    void newPivotQueryReturnsOnlyTheParentsPivotRows() {
        List<Pivot> rows = ada.roles().newPivotQuery().get();
        assertEquals(3, rows.size());
        assertTrue(rows.stream().allMatch(r -> ada.getId().equals(r.get("userId"))), rows.toString());
    }

    @Test
    void newPivotQueryRowsCarryEveryColumnOfThePivotTable() {
        Pivot row = admin.users().newPivotQuery().where("userId", grace.getId()).get().get(0);
        assertEquals("root", row.get("assignedBy"));
        assertTrue(row.has("createdAt"));
    }

    @Test
    void newPivotQueryCountCountsOnlyTheParentsRowsInOneStatement() {
        assertEquals(3, ada.roles().newPivotQuery().count());
        assertEquals(2, grace.roles().newPivotQuery().count());
        assertEquals(2, statements.count());
    }

    @Test
    void newPivotQueryWhereNarrowsTheParentsRows() {
        assertEquals(1, ada.roles().newPivotQuery().where("assignedBy", "root").count());
        assertEquals(2, ada.roles().newPivotQuery().where("assignedBy", "like", "%o%").count());
    }

    @Test
    void newPivotQueryWhereWithNullFindsTheRowsWithoutAValue() {
        assertEquals(1, ada.roles().newPivotQuery().where("assignedBy", null).count());
    }

    @Test
    void newPivotQueryKeepsTheRelationsPivotFilters() {
        assertEquals(1, ada.roles().wherePivot("assignedBy", "root").newPivotQuery().count());
        assertEquals(0, ada.roles().wherePivotIn("assignedBy", List.of()).newPivotQuery().count());
        assertEquals(1, ada.roles().wherePivotNull("assignedBy").newPivotQuery().get().size());
    }

    @Test
    void newPivotQueryWithAnInvalidColumnIsRefusedWithoutSql() {
        assertThrows(InvalidIdentifierException.class, () -> ada.roles().newPivotQuery().where("x\" = 'x' OR 1=1 --", 1).get());
        assertEquals(0, statements.count());
    }

    @Test
    void newPivotQueryOfAnUnsavedParentThrowsUnsavedEntity() {
        User unsaved = entities.get(User.class).setEmail("new@example.com");
        assertThrows(UnsavedEntityException.class, () -> unsaved.roles().newPivotQuery());
    }

    @Test
    void newPivotQueryOfCustomKeysIsConstrainedByTheParentKeyAttribute() {
        Student s1 = entities.get(Student.class).setCode("S1").save();
        entities.get(Student.class).setCode("S2").save();
        entities.get(Course.class).setRef("C1").save();
        execute("INSERT INTO \"enrolments\" VALUES ('S1', 'C1', 5), ('S2', 'C1', 3)");
        assertEquals(List.of(Map.of("studentCode", "S1", "courseRef", "C1", "grade", 5)), s1.courses().newPivotQuery().toMaps());
    }

    @Test
    void newPivotQueryOfACompositeKeyedParentIsConstrainedByEveryKeyPart() {
        Project apollo1 = entities.get(Project.class).setOrgId(1L).setCode("apollo").save();
        entities.get(Project.class).setOrgId(2L).setCode("apollo").save();
        Developer dev = entities.get(Developer.class).setName("Ada").save();
        dev.projects().attach(Key.of("orgId", 1L, "code", "apollo"), Key.of("orgId", 2L, "code", "apollo"));
        assertEquals(1, apollo1.developers().newPivotQuery().count());
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private Role role(String name) {
        return entities.get(Role.class).create(Map.of("name", name));
    }

    private static Role named(List<Role> roles, String name) {
        return roles.stream().filter(r -> r.getName().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> names(List<Role> roles) {
        return roles.stream().map(Role::getName).toList();
    }

    private static List<String> sorted(List<Role> roles) {
        return roles.stream().map(Role::getName).sorted().toList();
    }
}
