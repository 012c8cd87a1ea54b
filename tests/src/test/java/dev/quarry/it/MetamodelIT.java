package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.it.model.Course;
import dev.quarry.it.model.Course_;
import dev.quarry.it.model.Permission;
import dev.quarry.it.model.Permission_;
import dev.quarry.it.model.Post_;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.Role_;
import dev.quarry.it.model.Student;
import dev.quarry.it.model.User;
import dev.quarry.it.model.User_;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.query.Query;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generated metamodel (User_, Post_, Course_, ...) in queries: each typed constant does what its
 * string does, in the same statements.
 */
class MetamodelIT extends DatabaseTest {
    private User ada;
    private User grace;

    @BeforeEach
    void seed() {
        ada = entities.get(User.class).create(Map.of("email", "ada@example.com", "name", "Ada", "age", 36));
        grace = entities.get(User.class).create(Map.of("email", "grace@example.com", "name", "Grace", "age", 45));
        entities.get(User.class).create(Map.of("email", "bob@example.com", "name", "Bob"));
        ada.posts().create(Map.of("title", "a1", "published", true));
        ada.posts().create(Map.of("title", "a2"));
        grace.posts().create(Map.of("title", "g1"));
        Role admin = entities.get(Role.class).create(Map.of("name", "admin"));
        admin.permissions().attach(entities.get(Permission.class).create(Map.of("name", "write")));
        grace.roles().attach(admin);
        statements.reset();
    }

    private Query<User> users() {
        return entities.get(User.class).query();
    }

    private static List<String> names(List<User> users) {
        return users.stream().map(User::getName).toList();
    }

    @Test
    void whereAndOrderByATypedAttributeRenderTheSameStatementAsItsName() {
        Query<User> typed = users().where(User_.AGE, ">", 40).orderBy(User_.NAME, "desc");
        Query<User> named = users().where("age", ">", 40).orderBy("name", "desc");

        assertEquals(named.toSql(), typed.toSql());
        assertEquals(named.bindings(), typed.bindings());
        assertEquals(List.of("Grace"), names(typed.get()));
    }

    @Test
    void whereInAndWhereNullTakeTypedAttributes() {
        assertEquals(List.of("Ada", "Grace"),
                names(users().whereIn(User_.EMAIL, List.of("ada@example.com", "grace@example.com")).orderBy(User_.ID).get()));
        assertEquals(List.of("Bob"), names(users().whereNull(User_.AGE).get()));
        assertEquals(List.of("Ada", "Grace"), names(users().whereNotNull(User_.AGE).orderBy(User_.ID).get()));
    }

    @Test
    void anEntityStartsATypedQueryToo() {
        assertEquals(List.of("Ada"), names(entities.get(User.class).where(User_.EMAIL, "ada@example.com").get()));
    }

    @Test
    void withATypedRelationLoadsItForEveryRowInOneStatementMore() {
        List<User> loaded = entities.get(User.class).with(User_.ROLES).orderBy(User_.ID).get();

        assertEquals(2, statements.count());
        assertTrue(loaded.stream().allMatch(u -> u.isRelationLoaded("roles")));
        assertEquals(List.of("admin"), loaded.get(1).getRoles().stream().map(Role::getName).toList());
    }

    @Test
    void aNestedTypedPathLoadsEachLevel() {
        List<User> loaded = users().with(User_.ROLES.then(Role_.PERMISSIONS)).where(User_.ID, grace.getId()).get();

        assertEquals(3, statements.count());
        assertEquals(List.of("write"), loaded.get(0).getRoles().get(0).permissions().getResults().stream()
                .map(Permission::getName).toList());
        assertEquals("roles.permissions", User_.ROLES.then(Role_.PERMISSIONS).path());
    }

    @Test
    void theConstraintOfANestedTypedPathAppliesToItsLastRelation() {
        List<User> loaded = users().with(User_.ROLES.then(Role_.PERMISSIONS), q -> q.where(Permission_.NAME, "read"))
                .where(User_.ID, grace.getId()).get();

        assertEquals(List.of("admin"), loaded.get(0).getRoles().stream().map(Role::getName).toList());
        assertEquals(List.of(), loaded.get(0).getRoles().get(0).permissions().getResults());
    }

    @Test
    void withATypedRelationAndATypedConstraintLoadsOnlyTheMatchingRows() {
        List<User> loaded = users().with(User_.POSTS, q -> q.where(Post_.PUBLISHED, true)).where(User_.ID, ada.getId()).get();

        assertEquals(List.of("a1"), loaded.get(0).getPosts().stream().map(p -> p.getTitle()).toList());
    }

    @Test
    void whereHasWithATypedRelationAndConstraintFiltersInOneStatement() {
        assertEquals(List.of("Ada"), names(users().whereHas(User_.POSTS, q -> q.where(Post_.PUBLISHED, true)).get()));
        assertEquals(1, statements.count());
    }

    @Test
    void hasDoesntHaveAndWithCountTakeTypedRelations() {
        assertEquals(List.of("Ada"), names(users().has(User_.POSTS, ">=", 2).get()));
        assertEquals(List.of("Bob"), names(users().doesntHave(User_.POSTS).get()));
        assertEquals(List.of("Grace"), names(users().has(User_.ROLES).get()));
        List<User> counted = users().withCount(User_.POSTS).orderBy(User_.ID).get();
        assertEquals(List.of(2L, 1L, 0L), counted.stream().map(u -> u.relationCount("posts")).toList());
    }

    @Test
    void whereDoesntHaveAndOrWhereHasTakeTypedRelations() {
        assertEquals(List.of("Grace", "Bob"), names(users().whereDoesntHave(User_.POSTS, q -> q.where(Post_.PUBLISHED, true))
                .orderBy(User_.ID).get()));
        assertEquals(List.of("Ada", "Grace"), names(users().where(User_.NAME, "Ada").orWhereHas(User_.ROLES, q -> q.where(Role_.NAME, "admin"))
                .orderBy(User_.ID).get()));
    }

    @Test
    void pivotColumnsDeclaredByAnnotationAreReadWithEveryRowWithoutWithPivot() {
        Course algebra = enrol();

        Student first = algebra.students().orderBy("id").get().get(0);

        assertEquals(5, ((Number) first.pivot().get(Course_.Students.GRADE)).intValue());
    }

    @Test
    void wherePivotAndOrderByPivotTakeTypedPivotColumns() {
        Course algebra = enrol();

        assertEquals(List.of("Grace"), algebra.students().wherePivot(Course_.Students.GRADE, "<", 5).get().stream()
                .map(Student::getName).toList());
        assertEquals(List.of("Ada", "Grace"), algebra.students().orderByPivot(Course_.Students.GRADE, "desc").get().stream()
                .map(Student::getName).toList());
        assertEquals(List.of("Ada"), algebra.students().wherePivotIn(Course_.Students.GRADE, List.of(5)).get().stream()
                .map(Student::getName).toList());
    }

    private Course enrol() {
        entities.get(Student.class).setCode("S1").setName("Ada").save();
        entities.get(Student.class).setCode("S2").setName("Grace").save();
        Course algebra = entities.get(Course.class).setRef("C1").setTitle("Algebra").save();
        execute("INSERT INTO \"enrolments\" VALUES ('S1', 'C1', 5), ('S2', 'C1', 4)");
        return algebra;
    }
}
