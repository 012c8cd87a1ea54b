package dev.quarry.it.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.entity.Key;
import dev.quarry.it.model.Course;
import dev.quarry.it.model.Developer;
import dev.quarry.it.model.Permission;
import dev.quarry.it.model.Project;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.Student;
import dev.quarry.it.model.Tag;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.query.Page;
import dev.quarry.relation.BelongsToMany;
import dev.quarry.relation.UnknownRelationException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Eager loading of belongsToMany: with("roles") reads every parent's related rows in one statement
 * joined through the pivot, groups them by the pivot's parent key and caches them on each parent.
 */
class BelongsToManyEagerLoadingIT extends DatabaseTest {

    /**
     * A second view of the users table whose relations carry a where and an order in their own
     * declarations, to check that eager loading keeps what the declaring method says.
     */
    @Entity(value = "Reader", module = "BelongsToManyEagerLoadingIT", table = "users")
    static class Reader extends BaseEntity<Reader> {
        private Long id;
        private String email;

        public BelongsToMany<Reader, Role> rolesByNameDesc() {
            return belongsToMany(Role.class).table("roles_users").foreignPivotKey("userId").orderBy("name", "desc");
        }

        public BelongsToMany<Reader, Role> editorRoles() {
            return belongsToMany(Role.class).table("roles_users").foreignPivotKey("userId").where("name", "editor");
        }

        public BelongsToMany<Reader, Role> allRoles() {
            return belongsToMany(Role.class).table("roles_users").foreignPivotKey("userId");
        }

        /** Built on another relation method, as Eloquent users write admins() on top of users(). */
        public BelongsToMany<Reader, Role> rootRoles() {
            return allRoles().wherePivot("assignedBy", "root");
        }

        public Long getId() {
            return id;
        }

        public String getEmail() {
            return email;
        }
    }

    /** A view of the UUID-keyed accounts table, related to tags through accounts_tags. */
    @Entity(value = "Vault", module = "BelongsToManyEagerLoadingIT", table = "accounts")
    static class Vault extends BaseEntity<Vault> {
        private UUID id;
        private String name;

        public BelongsToMany<Vault, Tag> tags() {
            return belongsToMany(Tag.class).table("accounts_tags").foreignPivotKey("accountId");
        }

        public UUID getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public Vault setName(String name) {
            this.name = name;
            return this;
        }
    }

    // ---- statement counts ----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} users")
    @ValueSource(ints = {1, 10, 1000})
    void withRolesForManyUsersIsExactlyTwoStatements(int userCount) {
        seedManyUsersWithRoles(userCount);
        List<User> users = entities.get(User.class).query().with("roles").orderBy("id").get();
        assertEquals(2, statements.count(), statements.sql().toString());
        assertEquals(userCount, users.size());
    }

    @ParameterizedTest(name = "{0} users")
    @ValueSource(ints = {1, 10, 1000})
    void withRolesGivesEveryUserExactlyItsOwnRoles(int userCount) {
        seedManyUsersWithRoles(userCount);
        List<User> users = entities.get(User.class).query().with("roles").orderBy("id").get();
        statements.reset();
        for (User user : users) {
            assertEquals(expectedRoleIds(user.getId()), roleIds(user.roles().getResults()), "roles of user " + user.getId());
        }
        assertEquals(0, statements.count(), "no lazy load after the eager load");
    }

    @Test
    void nestedRolesPermissionsIsThreeStatements() {
        new Fixture();
        List<User> users = entities.get(User.class).query().with("roles.permissions").orderBy("id").get();
        assertEquals(3, statements.count(), statements.sql().toString());
        statements.reset();
        User ada = users.get(0);
        Role adaAdmin = ada.roles().getResults().stream().filter(r -> r.getName().equals("admin")).findFirst().orElseThrow();
        assertEquals(Set.of("post.edit", "post.delete"), permissionNames(adaAdmin.permissions().getResults()));
        assertEquals(0, statements.count());
    }

    @Test
    void nestedLoadingGivesTheSameRoleUnderTwoUsersItsPermissionsUnderBoth() {
        new Fixture();
        List<User> users = entities.get(User.class).query().with("roles.permissions").orderBy("id").get();
        Role adasEditor = roleNamed(users.get(0).roles().getResults(), "editor");
        Role gracesEditor = roleNamed(users.get(1).roles().getResults(), "editor");
        assertEquals(Set.of("post.write"), permissionNames(adasEditor.permissions().getResults()));
        assertEquals(Set.of("post.write"), permissionNames(gracesEditor.permissions().getResults()));
    }

    @Test
    void twoRelationsAreThreeStatements() {
        new Fixture();
        entities.get(User.class).query().with("roles", "permissions").get();
        assertEquals(3, statements.count(), statements.sql().toString());
    }

    @Test
    void twoRelationsLoadedTogetherMakeNoCartesianProduct() {
        new Fixture();
        User ada = entities.get(User.class).query().with("roles", "permissions").orderBy("id").first().orElseThrow();
        assertEquals(List.of("admin", "editor"), sortedNames(ada.roles().getResults()));
        assertEquals(Set.of("billing.read", "billing.write", "report.read"), permissionNames(ada.permissions().getResults()));
        assertEquals(2, ada.roles().getResults().size());
        assertEquals(3, ada.permissions().getResults().size());
    }

    @Test
    void theSamePathTwiceIsLoadedOnce() {
        new Fixture();
        entities.get(User.class).query().with("roles", "roles").get();
        assertEquals(2, statements.count());
    }

    @Test
    void aPathAndItsNestedPathLoadTheFirstLevelOnce() {
        new Fixture();
        entities.get(User.class).query().with("roles").with("roles.permissions").get();
        assertEquals(3, statements.count(), statements.sql().toString());
    }

    @Test
    void anEmptyResultRunsNoEagerStatement() {
        new Fixture();
        List<User> none = entities.get(User.class).query().where("email", "nobody@example.com").with("roles").get();
        assertEquals(List.of(), none);
        assertEquals(1, statements.count());
    }

    @Test
    void theInverseLoadsEagerlyInTwoStatements() {
        new Fixture();
        List<Role> roles = entities.get(Role.class).query().with("users").orderBy("name").get();
        assertEquals(2, statements.count());
        Role editor = roleNamed(roles, "editor");
        assertEquals(List.of("ada@example.com", "grace@example.com"),
                editor.users().getResults().stream().map(User::getEmail).sorted().toList());
    }

    // ---- what each parent gets ------------------------------------------------------------------------

    @Test
    void aParentWithoutRelatedRowsGetsAnEmptyLoadedList() {
        Fixture f = new Fixture();
        User bob = entities.get(User.class).query().where("id", f.bob.getId()).with("roles").first().orElseThrow();
        assertTrue(bob.isRelationLoaded("roles"));
        statements.reset();
        assertEquals(List.of(), bob.roles().getResults());
        assertEquals(0, statements.count());
    }

    @Test
    void getResultsAfterAnEagerLoadRunsNoStatement() {
        new Fixture();
        List<User> users = entities.get(User.class).query().with("roles").get();
        statements.reset();
        users.forEach(u -> u.roles().getResults());
        assertEquals(0, statements.count());
    }

    @Test
    void anEagerLoadMarksOnlyTheLoadedRelation() {
        new Fixture();
        User ada = entities.get(User.class).query().with("roles").orderBy("id").first().orElseThrow();
        assertTrue(ada.isRelationLoaded("roles"));
        assertFalse(ada.isRelationLoaded("permissions"));
    }

    @Test
    void theEagerListOfEachParentEqualsItsLazyRead() {
        new Fixture();
        List<User> eager = entities.get(User.class).query().with("roles").orderBy("id").get();
        for (User user : eager) {
            User lazy = entities.get(User.class).findOrFail(user.getId());
            assertEquals(roleIds(lazy.roles().get()), roleIds(user.roles().getResults()), "user " + user.getId());
        }
    }

    @Test
    void theSameRoleUnderTwoUsersCarriesEachUsersOwnPivot() {
        Fixture f = new Fixture();
        List<User> users = entities.get(User.class).query().with("roles").orderBy("id").get();
        Role adasEditor = roleNamed(users.get(0).roles().getResults(), "editor");
        Role gracesEditor = roleNamed(users.get(1).roles().getResults(), "editor");
        assertNotSame(adasEditor, gracesEditor);
        assertEquals(f.ada.getId(), adasEditor.pivot().get("userId"));
        assertEquals("ops", adasEditor.pivot().get("assignedBy"));
        assertEquals(f.grace.getId(), gracesEditor.pivot().get("userId"));
        assertEquals("staff", gracesEditor.pivot().get("assignedBy"));
    }

    // ---- constraints ----------------------------------------------------------------------------------

    @Test
    void aConstrainedEagerLoadAppliesItsWhereAndOrderToEveryParent() {
        new Fixture();
        List<User> users = entities.get(User.class).query()
                .with("roles", q -> q.where("name", "<>", "guest").orderBy("name", "desc")).orderBy("id").get();
        assertEquals(2, statements.count());
        assertEquals(List.of("editor", "admin"), names(users.get(0).roles().getResults()));
        assertEquals(List.of("viewer", "editor"), names(users.get(1).roles().getResults()));
    }

    @Test
    void aConstraintOnTheNestedLevelAppliesOnlyThere() {
        new Fixture();
        List<User> users = entities.get(User.class).query()
                .with("roles.permissions", q -> q.where("name", "post.delete")).orderBy("id").get();
        assertEquals(List.of("admin", "editor"), sortedNames(users.get(0).roles().getResults()));
        Role admin = roleNamed(users.get(0).roles().getResults(), "admin");
        assertEquals(Set.of("post.delete"), permissionNames(admin.permissions().getResults()));
    }

    @Test
    void anOrWhereInAnEagerConstraintCannotLoadRowsOfOtherParents() {
        Fixture f = new Fixture();
        User ada = entities.get(User.class).query().where("id", f.ada.getId())
                .with("roles", q -> q.where("name", "admin").orWhere("name", "guest")).first().orElseThrow();
        assertEquals(List.of("admin"), names(ada.roles().getResults()));
        String eagerSql = statements.sql().get(1);
        assertTrue(eagerSql.contains("\"roles_users\".\"userId\" IN (?) AND ("), eagerSql);
    }

    @Test
    void anOrderDeclaredInTheRelationMethodIsKeptByTheEagerLoad() {
        Fixture f = new Fixture();
        Reader ada = entities.get(Reader.class).query().where("id", f.ada.getId()).with("rolesByNameDesc")
                .first().orElseThrow();
        assertEquals(List.of("editor", "admin"), names(ada.rolesByNameDesc().getResults()));
    }

    @Test
    void aWhereDeclaredInTheRelationMethodIsKeptByTheEagerLoad() {
        Fixture f = new Fixture();
        Reader ada = entities.get(Reader.class).query().where("id", f.ada.getId()).with("editorRoles")
                .first().orElseThrow();
        assertEquals(List.of("editor"), names(ada.editorRoles().getResults()));
    }

    @Test
    void aWhereDeclaredInTheRelationMethodAppliesToLazyReads() {
        Fixture f = new Fixture();
        Reader ada = entities.get(Reader.class).findOrFail(f.ada.getId());
        assertEquals(List.of("editor"), names(ada.editorRoles().getResults()));
    }

    // ---- relations declared on top of another relation method --------------------------------------------

    @Test
    void aRelationBuiltOnAnotherRelationMethodIsNamedByItsOwnMethod() {
        assertEquals("rootRoles", entities.get(Reader.class).rootRoles().name());
    }

    @Test
    void eagerLoadingARelationBuiltOnAnotherCachesItUnderItsOwnName() {
        Fixture f = new Fixture();
        Reader ada = entities.get(Reader.class).query().where("id", f.ada.getId()).with("rootRoles").first().orElseThrow();
        assertTrue(ada.isRelationLoaded("rootRoles"));
        assertEquals(List.of("admin"), names(ada.rootRoles().getResults()));
    }

    @Test
    void eagerLoadingARelationBuiltOnAnotherLeavesThatOtherUntouched() {
        Fixture f = new Fixture();
        Reader ada = entities.get(Reader.class).query().where("id", f.ada.getId()).with("rootRoles").first().orElseThrow();
        assertEquals(List.of("admin", "editor"), sortedNames(ada.allRoles().getResults()));
    }

    @Test
    void aLazyReadOfARelationBuiltOnAnotherLeavesThatOthersCacheUntouched() {
        Fixture f = new Fixture();
        Reader ada = entities.get(Reader.class).findOrFail(f.ada.getId());
        assertEquals(List.of("admin"), names(ada.rootRoles().getResults()));
        assertEquals(List.of("admin", "editor"), sortedNames(ada.allRoles().getResults()));
    }

    // ---- other key types ------------------------------------------------------------------------------------

    @Test
    void eagerLoadingGroupsByAUuidParentKey() {
        execute("CREATE TABLE \"accounts_tags\" (\"accountId\" UUID NOT NULL, \"tagId\" BIGINT NOT NULL)");
        Vault first = entities.get(Vault.class).setName("first").save();
        Vault second = entities.get(Vault.class).setName("second").save();
        Tag red = entities.get(Tag.class).create(Map.of("name", "red"));
        Tag blue = entities.get(Tag.class).create(Map.of("name", "blue"));
        first.tags().attach(red);
        second.tags().attach(blue);
        statements.reset();
        List<Vault> vaults = entities.get(Vault.class).query().with("tags").orderBy("name").get();
        assertEquals(2, statements.count());
        assertEquals(List.of("red"), vaults.get(0).tags().getResults().stream().map(Tag::getName).toList());
        assertEquals(List.of("blue"), vaults.get(1).tags().getResults().stream().map(Tag::getName).toList());
    }

    @Test
    void aPerParentLimitWorksWithAUuidParentKey() {
        execute("CREATE TABLE \"accounts_tags\" (\"accountId\" UUID NOT NULL, \"tagId\" BIGINT NOT NULL)");
        Vault first = entities.get(Vault.class).setName("first").save();
        Vault second = entities.get(Vault.class).setName("second").save();
        Tag red = entities.get(Tag.class).create(Map.of("name", "red"));
        Tag blue = entities.get(Tag.class).create(Map.of("name", "blue"));
        first.tags().attach(red, blue);
        second.tags().attach(blue);
        statements.reset();
        List<Vault> vaults = entities.get(Vault.class).query().with("tags", q -> q.orderBy("name").limit(1)).orderBy("name").get();
        assertEquals(2, statements.count());
        assertEquals(List.of("blue"), vaults.get(0).tags().getResults().stream().map(Tag::getName).toList());
        assertEquals(List.of("blue"), vaults.get(1).tags().getResults().stream().map(Tag::getName).toList());
    }

    // ---- loading from other verbs -----------------------------------------------------------------------

    @Test
    void withOnARelationQueryLoadsTheNextLevelInOneMoreStatement() {
        Fixture f = new Fixture();
        List<Role> roles = f.ada.roles().with("permissions").get();
        assertEquals(2, statements.count());
        assertEquals(Set.of("post.edit", "post.delete"), permissionNames(roleNamed(roles, "admin").permissions().getResults()));
    }

    @Test
    void findWithAnEagerLoadIsTwoStatements() {
        Fixture f = new Fixture();
        User ada = entities.get(User.class).query().with("roles").find(f.ada.getId()).orElseThrow();
        assertEquals(2, statements.count());
        assertTrue(ada.isRelationLoaded("roles"));
    }

    @Test
    void paginateWithAnEagerLoadLoadsOnlyThePagesParents() {
        new Fixture();
        Page<User> page = entities.get(User.class).query().with("roles").orderBy("id").paginate(2, 1);
        assertEquals(3, statements.count());
        User grace = page.items().get(0);
        assertEquals(List.of("editor", "guest", "viewer"), sortedNames(grace.roles().getResults()));
    }

    // ---- custom and composite keys ------------------------------------------------------------------------

    @Test
    void eagerLoadingWithCustomKeysGroupsByTheParentKeyAttribute() {
        Student s1 = entities.get(Student.class).setCode("S1").save();
        Student s2 = entities.get(Student.class).setCode("S2").save();
        entities.get(Course.class).setRef("C1").setTitle("Algebra").save();
        entities.get(Course.class).setRef("C2").setTitle("Biology").save();
        enrol("S1", "C1", 5);
        enrol("S1", "C2", 3);
        enrol("S2", "C2", 4);
        statements.reset();
        List<Student> students = entities.get(Student.class).query().with("courses").orderBy("code").get();
        assertEquals(2, statements.count());
        assertEquals(List.of("Algebra", "Biology"),
                students.get(0).courses().getResults().stream().map(Course::getTitle).sorted().toList());
        assertEquals(List.of("Biology"), students.get(1).courses().getResults().stream().map(Course::getTitle).toList());
        assertEquals(4, students.get(1).courses().getResults().get(0).pivot().get("grade"));
        assertEquals(s1.getCode(), students.get(0).getCode());
        assertEquals(s2.getCode(), students.get(1).getCode());
    }

    @Test
    void eagerLoadingTheCustomKeyInverseGroupsByItsParentKeyAttribute() {
        entities.get(Student.class).setCode("S1").setName("Ada").save();
        entities.get(Student.class).setCode("S2").setName("Grace").save();
        entities.get(Course.class).setRef("C1").save();
        entities.get(Course.class).setRef("C2").save();
        enrol("S1", "C2", 5);
        enrol("S2", "C2", 3);
        statements.reset();
        List<Course> courses = entities.get(Course.class).query().with("students").orderBy("ref").get();
        assertEquals(2, statements.count());
        assertEquals(List.of(), courses.get(0).students().getResults());
        assertEquals(List.of("Ada", "Grace"),
                courses.get(1).students().getResults().stream().map(Student::getName).sorted().toList());
    }

    @Test
    void eagerLoadingACompositeKeyedRelatedEntityJoinsOnEveryKeyColumn() {
        entities.get(Project.class).setOrgId(1L).setCode("apollo").setName("Apollo 1").save();
        entities.get(Project.class).setOrgId(2L).setCode("apollo").setName("Apollo 2").save();
        Developer ada = entities.get(Developer.class).setName("Ada").save();
        Developer grace = entities.get(Developer.class).setName("Grace").save();
        ada.projects().attach(Key.of("orgId", 1L, "code", "apollo"));
        grace.projects().attach(Key.of("orgId", 2L, "code", "apollo"));
        statements.reset();
        List<Developer> developers = entities.get(Developer.class).query().with("projects").orderBy("id").get();
        assertEquals(2, statements.count());
        assertEquals(List.of("Apollo 1"), developers.get(0).projects().getResults().stream().map(Project::getName).toList());
        assertEquals(List.of("Apollo 2"), developers.get(1).projects().getResults().stream().map(Project::getName).toList());
    }

    @Test
    void eagerLoadingFromACompositeKeyedParentGroupsByEveryKeyPart() {
        entities.get(Project.class).setOrgId(1L).setCode("apollo").save();
        entities.get(Project.class).setOrgId(2L).setCode("apollo").save();
        entities.get(Project.class).setOrgId(1L).setCode("gemini").save();
        Developer ada = entities.get(Developer.class).setName("Ada").save();
        Developer grace = entities.get(Developer.class).setName("Grace").save();
        ada.projects().attach(Key.of("orgId", 1L, "code", "apollo"));
        grace.projects().attach(Key.of("orgId", 2L, "code", "apollo"));
        grace.projects().attach(Key.of("orgId", 1L, "code", "gemini"));
        statements.reset();
        List<Project> projects = entities.get(Project.class).query().with("developers").orderBy("orgId").orderBy("code").get();
        assertEquals(2, statements.count());
        assertEquals(List.of("Ada"), developerNames(projects.get(0)));
        assertEquals(List.of("Grace"), developerNames(projects.get(1)));
        assertEquals(List.of("Grace"), developerNames(projects.get(2)));
    }

    // ---- unknown relations --------------------------------------------------------------------------------

    @Test
    void anUnknownRelationNameIsRefusedSuggestingTheNearest() {
        new Fixture();
        UnknownRelationException e = assertThrows(UnknownRelationException.class,
                () -> entities.get(User.class).query().with("rolse").get());
        assertTrue(e.getMessage().contains("Did you mean roles"), e.getMessage());
    }

    @Test
    void anUnknownNestedRelationNameIsRefusedSuggestingTheNearestOfTheNestedEntity() {
        new Fixture();
        UnknownRelationException e = assertThrows(UnknownRelationException.class,
                () -> entities.get(User.class).query().with("roles.permisions").get());
        assertTrue(e.getMessage().contains("Role") && e.getMessage().contains("Did you mean permissions"), e.getMessage());
    }

    @Test
    void aMethodThatIsNotARelationIsAnUnknownRelation() {
        new Fixture();
        assertThrows(UnknownRelationException.class, () -> entities.get(User.class).query().with("getEmail").get());
    }

    // ---- fixtures --------------------------------------------------------------------------------------

    /** ada: admin (by root), editor (by ops); grace: editor, viewer, guest (by staff); bob: none. Permissions on roles and on ada directly. */
    private final class Fixture {
        final User ada = user("ada@example.com");
        final User grace = user("grace@example.com");
        final User bob = user("bob@example.com");

        Fixture() {
            Role admin = role("admin");
            Role editor = role("editor");
            Role viewer = role("viewer");
            Role guest = role("guest");
            assign(ada, admin, "root");
            assign(ada, editor, "ops");
            assign(grace, editor, "staff");
            assign(grace, viewer, "staff");
            assign(grace, guest, "staff");
            Permission edit = permission("post.edit");
            Permission delete = permission("post.delete");
            Permission write = permission("post.write");
            execute("INSERT INTO \"permissions_roles\" VALUES (?, ?), (?, ?), (?, ?)", admin.getId(), edit.getId(),
                    admin.getId(), delete.getId(), editor.getId(), write.getId());
            for (String name : List.of("billing.read", "billing.write", "report.read")) {
                execute("INSERT INTO \"permissions_users\" VALUES (?, ?)", ada.getId(), permission(name).getId());
            }
            statements.reset();
        }
    }

    /** n users; roles r1..r3; user k has the role with k's id mod 3, and even users the next one too. */
    private void seedManyUsersWithRoles(int n) {
        jdbi.useHandle(h -> {
            PreparedBatch batch = h.prepareBatch("INSERT INTO \"users\" (\"email\") VALUES (?)");
            for (int i = 0; i < n; i++) {
                batch.bind(0, "user" + i + "@example.com").add();
            }
            batch.execute();
            h.execute("INSERT INTO \"roles\" (\"name\") VALUES ('r1'), ('r2'), ('r3')");
            h.execute("INSERT INTO \"roles_users\" (\"userId\", \"roleId\") SELECT u.\"id\", r.\"id\" FROM \"users\" u, \"roles\" r"
                    + " WHERE MOD(u.\"id\", 3) = MOD(r.\"id\", 3) OR (MOD(u.\"id\", 2) = 0 AND MOD(u.\"id\" + 1, 3) = MOD(r.\"id\", 3))");
        });
        statements.reset();
    }

    private static Set<Long> expectedRoleIds(long userId) {
        Set<Long> ids = new TreeSet<>();
        for (long roleId = 1; roleId <= 3; roleId++) {
            if (roleId % 3 == userId % 3 || (userId % 2 == 0 && roleId % 3 == (userId + 1) % 3)) {
                ids.add(roleId);
            }
        }
        return ids;
    }

    private User user(String email) {
        return entities.get(User.class).create(Map.of("email", email));
    }

    private Role role(String name) {
        return entities.get(Role.class).create(Map.of("name", name));
    }

    private Permission permission(String name) {
        return entities.get(Permission.class).create(Map.of("name", name));
    }

    private void assign(User user, Role role, String by) {
        execute("INSERT INTO \"roles_users\" (\"userId\", \"roleId\", \"assignedBy\") VALUES (?, ?, ?)",
                user.getId(), role.getId(), by);
    }

    private void enrol(String student, String course, int grade) {
        execute("INSERT INTO \"enrolments\" VALUES (?, ?, ?)", student, course, grade);
    }

    private static Set<Long> roleIds(List<Role> roles) {
        return roles.stream().map(Role::getId).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Role roleNamed(List<Role> roles, String name) {
        return roles.stream().filter(r -> r.getName().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> names(List<Role> roles) {
        return roles.stream().map(Role::getName).toList();
    }

    private static List<String> sortedNames(List<Role> roles) {
        return roles.stream().map(Role::getName).sorted().toList();
    }

    private static Set<String> permissionNames(List<Permission> permissions) {
        return permissions.stream().map(Permission::getName).collect(Collectors.toSet());
    }

    private static List<String> developerNames(Project project) {
        return project.developers().getResults().stream().map(Developer::getName).toList();
    }
}
