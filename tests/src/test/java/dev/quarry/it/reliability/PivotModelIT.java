package dev.quarry.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.entity.Key;
import dev.quarry.it.model.Course;
import dev.quarry.it.model.Developer;
import dev.quarry.it.model.Post;
import dev.quarry.it.model.Project;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.Student;
import dev.quarry.it.model.Tag;
import dev.quarry.it.model.User;
import dev.quarry.it.reliability.RelationSide.Item;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.relation.BelongsToMany;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Model-based tests of the pivot operations (issue 10): seeded random sequences of attach, detach,
 * detach(), sync and its variants, toggle, updateExistingPivot and the generated setters, with ids
 * in several forms, entities, duplicates, unknown ids and refused values, checked after every
 * step against an in-memory model (see {@link ModelRunner}). The base seed is fixed
 * ({@code -Dquarry.model.seed=...} overrides it; {@code -Dquarry.model.sequences=...} the number
 * of sequences per property); a failure prints the seed and the shrunk sequence.
 */
class PivotModelIT extends DatabaseTest {

    /** Two relations over ONE pivot table, told apart by wherePivot("approved", ...). */
    @Entity(value = "ModelMember", module = "reliability", table = "model_members")
    static class ModelMember extends BaseEntity<ModelMember> {
        Long id;

        public BelongsToMany<ModelMember, Role> approvedRoles() {
            return belongsToMany(Role.class).table("model_members_roles").foreignPivotKey("memberId").relatedPivotKey("roleId")
                    .wherePivot("approved", true).withPivot("note");
        }

        public BelongsToMany<ModelMember, Role> pendingRoles() {
            return belongsToMany(Role.class).table("model_members_roles").foreignPivotKey("memberId").relatedPivotKey("roleId")
                    .wherePivot("approved", false).withPivot("note");
        }
    }

    /** How many sequences a relation setup runs here; a subclass checking more per step runs fewer. */
    protected int sequences(int count) {
        return count;
    }

    /** The runner as this suite uses it; a subclass adds checks. */
    protected ModelRunner configured(ModelRunner runner) {
        return runner;
    }

    // ---- (a) User.roles: pivot attributes and timestamps, and the generated setRoles ------------

    @Test
    void userRolesWithPivotAttributesAndTimestamps() {
        PivotRows table = rolesUsers();
        RelationSide roles = userRoles(table, users(3), roles(6));
        configured(new ModelRunner("User.roles", List.of(roles), jdbi, clock, statements, true)).check(sequences(250));
    }

    // ---- (b) two wherePivot-constrained relations over one pivot table -------------------------

    @Test
    void twoFilteredRelationsOverOnePivotTable() {
        createMemberTables();
        List<Role> roles = roles(5);
        List<ModelMember> members = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            members.add(entities.<ModelMember>get("ModelMember@reliability").save());
        }
        PivotRows table = new PivotRows("model_members_roles", List.of("memberId", "roleId", "approved"), List.of("note"));
        RelationSide approved = memberSide("approvedRoles", true, table, members, roles);
        RelationSide pending = memberSide("pendingRoles", false, table, members, roles);
        configured(new ModelRunner("ModelMember.approvedRoles+pendingRoles", List.of(approved, pending), jdbi, clock,
                statements, true)).check(sequences(200));
    }

    // ---- (c) composite keys and custom keys, both sides each ---------------------------------

    @Test
    void compositeKeysOnBothSides() {
        List<Project> projects = new ArrayList<>();
        for (Object[] p : new Object[][] {{7L, "apollo"}, {7L, "gemini"}, {8L, "apollo"}, {8L, "mercury"}}) {
            projects.add(entities.get(Project.class).setOrgId((Long) p[0]).setCode((String) p[1]).setName("p").save());
        }
        List<Developer> developers = new ArrayList<>();
        for (String name : List.of("Ann", "Bob", "Cy")) {
            developers.add(entities.get(Developer.class).setName(name).save());
        }
        PivotRows table = new PivotRows("developers_projects", List.of("developerId", "projectOrgId", "projectCode"), List.of());

        RelationSide devProjects = new RelationSide();
        devProjects.label = "Developer.projects";
        devProjects.relation = "projects";
        devProjects.table = table;
        devProjects.foreignColumns = List.of("developerId");
        devProjects.relatedColumns = List.of("projectOrgId", "projectCode");
        devProjects.relatedKeyNames = List.of("orgId", "code");
        devProjects.relationOf = p -> ((Developer) p).projects();
        devProjects.keyOfParent = p -> List.of(((Developer) p).getId());
        devProjects.keyOfRelated = r -> List.of(((Project) r).getOrgId(), ((Project) r).getCode());
        devProjects.find = k -> entities.get(Developer.class).findOrFail(k.get(0));
        devProjects.eagerAll = () -> entities.get(Developer.class).query().with("projects").get();
        developers.forEach(d -> devProjects.parentKeys.add(List.of(d.getId())));
        for (Project p : projects) {
            Map<String, Object> reordered = new java.util.LinkedHashMap<>();
            reordered.put("code", p.getCode());
            reordered.put("orgId", p.getOrgId().intValue());
            devProjects.related.add(new Item(List.of(p.getOrgId(), p.getCode()), List.of(p, Key.of("orgId", p.getOrgId(), "code",
                    p.getCode()), Key.of("orgId", String.valueOf(p.getOrgId()), "code", p.getCode()), Key.of(reordered))));
        }
        devProjects.unknown.addAll(List.of(Key.of("orgId", 9L, "code", "apollo"), Key.of("orgId", 7L, "code", "mercury")));
        devProjects.invalid.addAll(nullAnd(7L, Key.of(Map.of("orgId", 7L)), Map.of("orgId", 7L, "code", "apollo"),
                developers.get(0), Key.of("orgId", "seven", "code", "apollo")));
        devProjects.unsavedWithKey.add(entities.get(Project.class).setOrgId(7L).setCode("unsaved"));
        devProjects.attributes.add(Map.of());
        devProjects.badAttributes.add(Map.of("projectCode", "apollo"));

        RelationSide projectDevs = new RelationSide();
        projectDevs.label = "Project.developers";
        projectDevs.relation = "developers";
        projectDevs.table = table;
        projectDevs.foreignColumns = List.of("projectOrgId", "projectCode");
        projectDevs.relatedColumns = List.of("developerId");
        projectDevs.relatedKeyNames = List.of("id");
        projectDevs.relationOf = p -> ((Project) p).developers();
        projectDevs.keyOfParent = p -> List.of(((Project) p).getOrgId(), ((Project) p).getCode());
        projectDevs.keyOfRelated = r -> List.of(((Developer) r).getId());
        projectDevs.find = k -> entities.get(Project.class).findOrFail(Key.of("orgId", k.get(0), "code", k.get(1)));
        projectDevs.eagerAll = () -> entities.get(Project.class).query().with("developers").get();
        projects.subList(0, 3).forEach(p -> projectDevs.parentKeys.add(List.of(p.getOrgId(), p.getCode())));
        for (Developer d : developers) {
            projectDevs.related.add(new Item(List.of(d.getId()), List.of(d, d.getId(), d.getId().intValue(), String.valueOf(d.getId()))));
        }
        projectDevs.unknown.addAll(List.of(999_999L, "999998"));
        projectDevs.invalid.addAll(nullAnd(projects.get(0), "abc", List.of(1L), entities.get(Developer.class).setName("unsaved")));
        projectDevs.attributes.add(Map.of());
        projectDevs.badAttributes.add(Map.of("developerId", 1L));

        configured(new ModelRunner("Developer.projects+Project.developers", List.of(devProjects, projectDevs), jdbi, clock,
                statements, false)).check(sequences(150));
    }

    @Test
    void customKeysOnBothSides() {
        List<Student> students = new ArrayList<>();
        for (String code : List.of("S1", "S2", "S3")) {
            students.add(entities.get(Student.class).setCode(code).setName(code).save());
        }
        List<Course> courses = new ArrayList<>();
        for (String ref : List.of("C1", "C2", "C3", "C4", "C5")) {
            courses.add(entities.get(Course.class).setRef(ref).setTitle(ref).save());
        }
        PivotRows table = new PivotRows("enrolments", List.of("studentCode", "courseRef"), List.of("grade"));
        List<Map<String, Object>> grades = List.of(Map.of(), Map.of("grade", 1), Map.of("grade", 2), Map.of("grade", 3L),
                nullValued("grade"));

        RelationSide studentCourses = new RelationSide();
        studentCourses.label = "Student.courses";
        studentCourses.relation = "courses";
        studentCourses.table = table;
        studentCourses.foreignColumns = List.of("studentCode");
        studentCourses.relatedColumns = List.of("courseRef");
        studentCourses.relatedKeyNames = List.of("ref");
        studentCourses.readColumns = List.of("grade");
        studentCourses.relationOf = p -> ((Student) p).courses();
        studentCourses.keyOfParent = p -> List.of(((Student) p).getCode());
        studentCourses.keyOfRelated = r -> List.of(((Course) r).getRef());
        studentCourses.find = k -> entities.get(Student.class).firstWhere("code", k.get(0)).orElseThrow();
        studentCourses.eagerAll = () -> entities.get(Student.class).query().with("courses").get();
        students.forEach(s -> studentCourses.parentKeys.add(List.of(s.getCode())));
        for (Course c : courses) {
            studentCourses.related.add(new Item(List.of(c.getRef()), List.of(c, c.getRef(), Key.of(Map.of("ref", c.getRef())))));
        }
        studentCourses.unknown.addAll(List.of("ZZ1", "C99"));
        studentCourses.invalid.addAll(nullAnd(students.get(0), Map.of("ref", "C1"), List.of("C1")));
        studentCourses.unsavedWithKey.add(entities.get(Course.class).setRef("C6"));
        studentCourses.attributes.addAll(grades);
        studentCourses.badAttributes.add(Map.of("courseRef", "C1"));

        RelationSide courseStudents = new RelationSide();
        courseStudents.label = "Course.students";
        courseStudents.relation = "students";
        courseStudents.table = table;
        courseStudents.foreignColumns = List.of("courseRef");
        courseStudents.relatedColumns = List.of("studentCode");
        courseStudents.relatedKeyNames = List.of("code");
        courseStudents.readColumns = List.of("grade");
        courseStudents.relationOf = p -> ((Course) p).students();
        courseStudents.keyOfParent = p -> List.of(((Course) p).getRef());
        courseStudents.keyOfRelated = r -> List.of(((Student) r).getCode());
        courseStudents.find = k -> entities.get(Course.class).firstWhere("ref", k.get(0)).orElseThrow();
        courseStudents.eagerAll = () -> entities.get(Course.class).query().with("students").get();
        courses.subList(0, 3).forEach(c -> courseStudents.parentKeys.add(List.of(c.getRef())));
        for (Student s : students) {
            courseStudents.related.add(new Item(List.of(s.getCode()), List.of(s, s.getCode())));
        }
        courseStudents.unknown.add("S99");
        courseStudents.invalid.addAll(nullAnd(courses.get(0), entities.get(Student.class).setName("no code")));
        courseStudents.unsavedWithKey.add(entities.get(Student.class).setCode("S9"));
        courseStudents.attributes.addAll(grades);
        courseStudents.badAttributes.add(Map.of("studentCode", "S1"));

        configured(new ModelRunner("Student.courses+Course.students", List.of(studentCourses, courseStudents), jdbi, clock,
                statements, false)).check(sequences(150));
    }

    // ---- (d) both sides of an inverse pair: User.roles and Role.users --------------------------

    @Test
    void userRolesAndRoleUsersOverTheSameRows() {
        PivotRows table = rolesUsers();
        List<User> users = users(3);
        List<Role> roles = roles(5);
        RelationSide userRoles = userRoles(table, users, roles);

        RelationSide roleUsers = new RelationSide();
        roleUsers.label = "Role.users";
        roleUsers.relation = "users";
        roleUsers.table = table;
        roleUsers.foreignColumns = List.of("roleId");
        roleUsers.relatedColumns = List.of("userId");
        roleUsers.relatedKeyNames = List.of("id");
        roleUsers.relationOf = p -> ((Role) p).users();
        roleUsers.keyOfParent = p -> List.of(((Role) p).getId());
        roleUsers.keyOfRelated = r -> List.of(((User) r).getId());
        roleUsers.find = k -> entities.get(Role.class).findOrFail(k.get(0));
        roleUsers.eagerAll = () -> entities.get(Role.class).query().with("users").get();
        roles.subList(0, 3).forEach(r -> roleUsers.parentKeys.add(List.of(r.getId())));
        for (User u : users) {
            roleUsers.related.add(new Item(List.of(u.getId()), List.of(u, u.getId(), u.getId().intValue(), String.valueOf(u.getId()))));
        }
        roleUsers.unknown.addAll(List.of(999_999L, "999996"));
        roleUsers.invalid.addAll(nullAnd(roles.get(0), "abc", entities.get(User.class).setEmail("unsaved@example.com")));
        roleUsers.attributes.addAll(List.of(Map.of(), Map.of("assignedBy", "inverse")));
        roleUsers.badAttributes.add(Map.of("userId", 1L));

        configured(new ModelRunner("User.roles+Role.users", List.of(userRoles, roleUsers), jdbi, clock, statements, false))
                .check(sequences(200));
    }

    // ---- (e) Post.tags and the generated setTags --------------------------------------------

    @Test
    void postTagsWithTheGeneratedSetter() {
        List<Tag> tags = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            tags.add(entities.get(Tag.class).create(Map.of("name", "t" + i)));
        }
        List<Post> posts = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            posts.add(entities.get(Post.class).create(Map.of("title", "post " + i)));
        }
        RelationSide side = new RelationSide();
        side.label = "Post.tags";
        side.relation = "tags";
        side.table = new PivotRows("posts_tags", List.of("postId", "tagId"), List.of());
        side.foreignColumns = List.of("postId");
        side.relatedColumns = List.of("tagId");
        side.relatedKeyNames = List.of("id");
        side.relationOf = p -> ((Post) p).tags();
        side.keyOfParent = p -> List.of(((Post) p).getId());
        side.keyOfRelated = r -> List.of(((Tag) r).getId());
        side.find = k -> entities.get(Post.class).findOrFail(k.get(0));
        side.eagerAll = () -> entities.get(Post.class).query().with("tags").get();
        side.setter = (p, given) -> given instanceof Object[] array ? ((Post) p).setTags(array) : ((Post) p).setTags((Collection<?>) given);
        posts.forEach(p -> side.parentKeys.add(List.of(p.getId())));
        for (Tag t : tags) {
            side.related.add(new Item(List.of(t.getId()), List.of(t, t.getId(), t.getId().intValue(), String.valueOf(t.getId()))));
        }
        side.unknown.addAll(List.of(999_999L, "999995"));
        side.invalid.addAll(nullAnd(posts.get(0), "abc", entities.get(Tag.class).setName("unsaved"), Map.of("id", 1L)));
        side.attributes.add(Map.of());
        side.badAttributes.add(Map.of("tagId", 1L));
        configured(new ModelRunner("Post.tags", List.of(side), jdbi, clock, statements, true)).check(sequences(100));
    }

    // ---- the empty-list rule, spelled out -------------------------------------------------------

    @Test
    void anEmptyListNeverWidensToAllAndSyncOfAnEmptyListDetachesAsDocumented() {
        List<User> users = users(2);
        List<Role> roles = roles(3);
        User ada = users.get(0);
        User grace = users.get(1);
        grace.roles().attach(roles.get(0));
        ada.roles().attach(roles);
        statements.reset();
        assertEquals(0, ada.roles().detach(List.of()), "detach(emptyList)");
        assertEquals(0, ada.roles().detach(new Object[0]), "detach(new Object[0])");
        assertEquals(List.of(), ada.roles().attach(List.of()));
        assertTrue(ada.roles().toggle(List.of()).attached().isEmpty());
        assertTrue(ada.roles().syncWithoutDetaching(List.of()).isEmpty());
        assertTrue(ada.roles().sync(List.of(), false).isEmpty());
        assertEquals(0, statements.count(), "an empty list runs no statement: " + statements.sql());
        assertEquals(4, countRows("roles_users"), "nothing was removed");

        // docs/pivot-operations.md: "post.tags().sync(List.of()); // detaches every tag of the post"
        assertEquals(3, ada.roles().sync(List.of()).detached().size());
        assertEquals(1, countRows("roles_users"), "sync(empty) detached every row of this parent, and only of this parent");
        ada.roles().attach(roles);
        assertEquals(3, ada.setRoles(List.of()).detached().size(), "setRoles(empty) is sync(empty)");
        ada.roles().attach(roles);
        assertEquals(3, ada.roles().syncWithPivotValues(List.of(), Map.of("assignedBy", "x")).detached().size());
        ada.roles().attach(roles);
        assertEquals(3, ada.roles().detach(), "only detach() with no argument removes every row");
        assertEquals(List.of(List.of(grace.getId(), roles.get(0).getId())),
                jdbi.withHandle(h -> h.createQuery("SELECT \"userId\", \"roleId\" FROM \"roles_users\"")
                        .map((rs, ctx) -> List.<Object>of(rs.getLong(1), rs.getLong(2))).list()));
    }

    @Test
    void detachAllAndSyncOfAnEmptyListThroughAFilteredRelationLeaveTheOtherRelationsRows() {
        createMemberTables();
        List<Role> roles = roles(3);
        ModelMember member = entities.<ModelMember>get("ModelMember@reliability").save();
        member.approvedRoles().attach(roles.get(0), roles.get(1));
        member.pendingRoles().attach(roles.get(1), roles.get(2));
        assertEquals(0, member.approvedRoles().detach(List.of()));
        assertEquals(2, member.approvedRoles().sync(List.of()).detached().size());
        assertEquals(2, member.pendingRoles().count(), "sync(empty) through approvedRoles left the pending rows");
        member.approvedRoles().attach(roles.get(2));
        assertEquals(1, member.approvedRoles().detach());
        assertEquals(2, member.pendingRoles().count(), "detach() through approvedRoles left the pending rows");
        assertEquals(2, countRows("model_members_roles"));
    }

    // ---- fixtures ---------------------------------------------------------------------------

    private void createMemberTables() {
        execute("CREATE TABLE \"model_members\" (\"id\" BIGINT GENERATED BY DEFAULT AS IDENTITY (START WITH 1) PRIMARY KEY)");
        execute("CREATE TABLE \"model_members_roles\" ("
                + "\"memberId\" BIGINT NOT NULL REFERENCES \"model_members\" (\"id\") ON DELETE CASCADE,"
                + " \"roleId\" BIGINT NOT NULL REFERENCES \"roles\" (\"id\") ON DELETE CASCADE,"
                + " \"approved\" BOOLEAN NOT NULL, \"note\" VARCHAR(50), PRIMARY KEY (\"memberId\", \"roleId\", \"approved\"))");
    }

    private RelationSide memberSide(String relation, boolean approved, PivotRows table, List<ModelMember> members, List<Role> roles) {
        RelationSide side = new RelationSide();
        side.label = "ModelMember." + relation;
        side.relation = relation;
        side.table = table;
        side.foreignColumns = List.of("memberId");
        side.relatedColumns = List.of("roleId");
        side.relatedKeyNames = List.of("id");
        side.filter = Map.of("approved", approved);
        side.readColumns = List.of("note");
        side.relationOf = p -> approved ? ((ModelMember) p).approvedRoles() : ((ModelMember) p).pendingRoles();
        side.keyOfParent = p -> List.of(((ModelMember) p).id);
        side.keyOfRelated = r -> List.of(((Role) r).getId());
        side.find = k -> entities.<ModelMember>get("ModelMember@reliability").findOrFail(k.get(0));
        side.eagerAll = () -> entities.<ModelMember>get("ModelMember@reliability").query().with(relation).get();
        members.forEach(m -> side.parentKeys.add(List.of(m.id)));
        for (Role r : roles) {
            side.related.add(new Item(List.of(r.getId()), List.of(r, r.getId(), r.getId().intValue(), String.valueOf(r.getId()))));
        }
        side.unknown.addAll(List.of(999_999L, "999998"));
        side.invalid.addAll(nullAnd(members.get(0), "abc", entities.get(Role.class).setName("unsaved")));
        side.attributes.addAll(List.of(Map.of(), Map.of("note", "a"), Map.of("note", "b"), Map.of("approved", approved),
                Map.of("approved", approved, "note", "c")));
        side.badAttributes.addAll(List.of(Map.of("approved", !approved), Map.of("roleId", 1L)));
        return side;
    }

    private PivotRows rolesUsers() {
        return new PivotRows("roles_users", List.of("userId", "roleId"), List.of("assignedBy", "createdAt", "updatedAt"));
    }

    private RelationSide userRoles(PivotRows table, List<User> users, List<Role> roles) {
        RelationSide side = new RelationSide();
        side.label = "User.roles";
        side.relation = "roles";
        side.table = table;
        side.foreignColumns = List.of("userId");
        side.relatedColumns = List.of("roleId");
        side.relatedKeyNames = List.of("id");
        side.readColumns = List.of("assignedBy", "createdAt", "updatedAt");
        side.timestamps = true;
        side.relationOf = p -> ((User) p).roles();
        side.keyOfParent = p -> List.of(((User) p).getId());
        side.keyOfRelated = r -> List.of(((Role) r).getId());
        side.find = k -> entities.get(User.class).findOrFail(k.get(0));
        side.eagerAll = () -> entities.get(User.class).query().with("roles").get();
        side.setter = (p, given) -> given instanceof Object[] array ? ((User) p).setRoles(array) : ((User) p).setRoles((Collection<?>) given);
        users.forEach(u -> side.parentKeys.add(List.of(u.getId())));
        for (Role r : roles) {
            side.related.add(new Item(List.of(r.getId()), List.of(r, r.getId(), r.getId().intValue(), String.valueOf(r.getId()))));
        }
        side.unknown.addAll(List.of(999_999L, "999998", 999_997));
        Tag tag = entities.get(Tag.class).create(Map.of("name", "not a role"));
        side.invalid.addAll(nullAnd(entities.get(Role.class).setName("unsaved"), tag, Map.of("id", roles.get(0).getId()),
                List.of(roles.get(0).getId()), "abc", Key.of("id", 1L, "name", "x")));
        side.attributes.addAll(List.of(Map.of(), Map.of("assignedBy", "root"), Map.of("assignedBy", "ops"), nullValued("assignedBy"),
                Map.of("assignedBy", "import", "createdAt", java.time.Instant.parse("2020-01-02T03:04:05.678901Z"))));
        side.badAttributes.addAll(List.of(Map.of("roleId", 1L), Map.of("userId", 1L)));
        return side;
    }

    private List<User> users(int count) {
        List<User> users = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            users.add(entities.get(User.class).create(Map.of("email", "user" + i + "@example.com")));
        }
        return users;
    }

    private List<Role> roles(int count) {
        List<Role> roles = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            roles.add(entities.get(Role.class).create(Map.of("name", "role" + i)));
        }
        return roles;
    }

    private static Map<String, Object> nullValued(String column) {
        Map<String, Object> map = new HashMap<>();
        map.put(column, null);
        return map;
    }

    private static List<Object> nullAnd(Object... values) {
        List<Object> list = new ArrayList<>();
        list.add(null);
        list.addAll(List.of(values));
        return list;
    }
}
