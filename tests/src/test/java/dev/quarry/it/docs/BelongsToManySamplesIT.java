package dev.quarry.it.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.entity.Key;
import dev.quarry.it.model.Course;
import dev.quarry.it.model.Developer;
import dev.quarry.it.model.Permission;
import dev.quarry.it.model.Post;
import dev.quarry.it.model.Project;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.Student;
import dev.quarry.it.model.Tag;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.relation.BelongsToMany;
import dev.quarry.relation.InvalidRelationException;
import dev.quarry.relation.NoPivotException;
import dev.quarry.relation.Pivot;
import dev.quarry.relation.UnknownPivotColumnException;
import dev.quarry.relation.pivot.SyncResult;
import dev.quarry.relation.pivot.ToggleResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the samples of docs/belongs-to-many.md, docs/pivot-operations.md and docs/relation-setters.md. */
class BelongsToManySamplesIT extends DatabaseTest {
    private User user;
    private Role admin;
    private Role editor;
    private Role viewer;

    /** The pivot-filter sample's entity: two relations over one pivot table, told apart by "approved". */
    @Entity(value = "Member", module = "docs", table = "members")
    static class Member extends BaseEntity<Member> {
        Long id;

        // snippet:start pivot-filter
        public BelongsToMany<Member, Role> approvedRoles() {
            return belongsToMany(Role.class).table("members_roles").wherePivot("approved", true);
        }
        // snippet:end

        public BelongsToMany<Member, Role> pendingRoles() {
            return belongsToMany(Role.class).table("members_roles").wherePivot("approved", false);
        }
    }

    /** The page's overrides, declared on a second view of the users table (relations resolve only when called). */
    @Entity(value = "Grantee", module = "docs", table = "users")
    static class Grantee extends BaseEntity<Grantee> {
        Long id;
        String user_id;   // the parent key the last positional form names

        // snippet:start btm-positional
        // snippet:hide each form is a relation method of its own
        public BelongsToMany<Grantee, Permission> withTable() {
        // snippet:show
            return belongsToMany("Permission", "user_permission_map");                          // table
        // snippet:hide
        }

        public BelongsToMany<Grantee, Permission> withTableAndKeys() {
        // snippet:show
            return belongsToMany("Permission", "user_permission_map", "FK_UserId", "FK_PermissionID");
        // snippet:hide
        }

        public BelongsToMany<Grantee, Permission> withEveryKey() {
        // snippet:show
            return belongsToMany("Permission", "user_permission_map", "FK_UserId", "FK_PermissionID",
                    "user_id", "permission_id");                                                // parent key, related key
        // snippet:hide
        }
        // snippet:show
        // snippet:end
    }

    /** The fluent form, on a second view of the developers table and its pivot developers_projects. */
    @Entity(value = "Developer", module = "docs", table = "developers")
    static class FluentDeveloper extends BaseEntity<FluentDeveloper> {
        Long id;
        String name;

        public BelongsToMany<FluentDeveloper, Project> projects() {
            // snippet:start btm-fluent
            return belongsToMany(Project.class)
                    .table("developers_projects")
                    .foreignPivotKey("developerId")
                    .relatedPivotKey("projectOrgId", "projectCode")   // the project's key is (orgId, code)
                    .relatedKey("orgId", "code");
            // snippet:end
        }
    }

    /** The page's Student, as a second view of the students table ("Student" here is this class; "Course" the fixture's). */
    static final class PageStudent {
        @Entity(value = "Student", module = "docs", table = "students")
        static class Student extends BaseEntity<Student> {
            Long id;
            String code;

            // snippet:start btm-custom-keys
            public BelongsToMany<Student, Course> courses() {
                return belongsToMany("Course", "enrolments", "studentCode", "courseRef", "code", "ref");
            }
            // snippet:end
        }
    }

    /** The page's inverse, on a second view of the courses table ("Course" here is this class; "Student" the fixture's). */
    static final class PageCourse {
        @Entity(value = "Course", module = "docs", table = "courses")
        static class Course extends BaseEntity<Course> {
            Long id;
            String ref;

            // snippet:start btm-inverse
            // Course.java
            public BelongsToMany<Course, Student> students() {
                return belongsToMany(Student.class).table("enrolments").foreignPivotKey("courseRef").relatedPivotKey("studentCode")
                        .parentKey("ref").relatedKey("code");
            }
            // snippet:end
        }
    }

    @BeforeEach
    void seed() {
        user = entities.get(User.class).create(Map.of("email", "ada@example.com"));
        admin = entities.get(Role.class).create(Map.of("name", "admin"));
        editor = entities.get(Role.class).create(Map.of("name", "editor"));
        viewer = entities.get(Role.class).create(Map.of("name", "viewer"));
        statements.reset();
    }

    // ---- belongs-to-many.md ---------------------------------------------------------------------

    @Test
    void conventionsDeriveThePivotTableAndKeys() {
        assertEquals("permissions_users", user.permissions().pivotTable().table());
        assertEquals(List.of("userId"), user.permissions().pivotTable().foreignPivotKeys());
        assertEquals(List.of("permissionId"), user.permissions().pivotTable().relatedPivotKeys());
    }

    @Test
    void positionalOverrides() {
        Grantee grantee = entities.get(Grantee.class);

        assertEquals("user_permission_map", grantee.withTable().pivotTable().table());
        assertEquals(List.of("granteeId"), grantee.withTable().pivotTable().foreignPivotKeys(), "this entity is named Grantee");
        assertEquals(List.of("FK_UserId"), grantee.withTableAndKeys().pivotTable().foreignPivotKeys());
        assertEquals(List.of("FK_PermissionID"), grantee.withTableAndKeys().pivotTable().relatedPivotKeys());
        // The last form's keys are attributes the page's schema has; the fixture's Permission has no
        // permission_id, and the error shows the sixth argument is taken as the related key.
        InvalidRelationException e = assertThrows(InvalidRelationException.class, () -> grantee.withEveryKey().pivotTable());
        assertTrue(e.getMessage().contains("permission_id") && !e.getMessage().contains("'user_id'"), e.getMessage());
    }

    @Test
    void theFluentFormRelatesAProjectByItsCompositeKey() {
        entities.get(Project.class).setOrgId(7L).setCode("apollo").save();
        FluentDeveloper developer = entities.get(FluentDeveloper.class);
        developer.name = "Ada";
        developer.save();

        developer.projects().attach(Key.of("orgId", 7L, "code", "apollo"));

        assertEquals(List.of("projectOrgId", "projectCode"), developer.projects().pivotTable().relatedPivotKeys());
        assertEquals(List.of("apollo"), developer.projects().get().stream().map(Project::getCode).toList());
    }

    @Test
    void thePagesStudentAndCourseDeclarationsShareThePivotRows() {
        PageStudent.Student student = entities.get(PageStudent.Student.class);
        student.code = "S1";
        student.save();
        PageCourse.Course course = entities.get(PageCourse.Course.class);
        course.ref = "C1";
        course.save();

        student.courses().attach(entities.get(Course.class).query().where("ref", "C1").firstOrFail());

        assertEquals(List.of("S1"), course.students().get().stream().map(Student::getCode).toList());
        assertEquals("enrolments", student.courses().pivotTable().table());
        assertEquals(1, student.courses().newPivotQuery().count());
    }

    @Test
    void customKeysRelateStudentsAndCoursesByTheirCodes() {
        Student student = entities.get(Student.class).setCode("S1").save();
        Course course = entities.get(Course.class).setRef("C1").save();

        student.courses().attach(course);

        assertEquals(List.of("S1"), course.students().get().stream().map(Student::getCode).toList());
        assertEquals("enrolments", student.courses().pivotTable().table());
    }

    @Test
    void aCompositeRelatedKeyIsGivenAsAKey() {
        entities.get(Project.class).setOrgId(7L).setCode("apollo").save();
        Developer developer = entities.get(Developer.class).setName("Ada").save();

        developer.projects().attach(Key.of("orgId", 7L, "code", "apollo"));

        assertEquals(List.of("projectOrgId", "projectCode"), developer.projects().pivotTable().relatedPivotKeys());
        assertEquals(List.of("apollo"), developer.projects().get().stream().map(Project::getCode).toList());
    }

    @Test
    void readingSamplesStayConstrainedToTheUser() {
        Permission edit = entities.get(Permission.class).create(Map.of("name", "post.edit"));
        entities.get(Permission.class).create(Map.of("name", "post.publish"));
        entities.get(Permission.class).create(Map.of("name", "user.view"));
        Permission delete = entities.get(Permission.class).create(Map.of("name", "user.delete"));
        assertEquals(4L, delete.getId(), "the sample finds id 4");
        user.permissions().attach(edit, delete);
        User other = entities.get(User.class).create(Map.of("email", "other@example.com"));
        other.permissions().attach(edit);

        // snippet:start btm-reading
        List<Permission> all = user.permissions().get();
        List<Permission> some = user.permissions().where("name", "like", "post.%").orderBy("name").limit(10).get();
        long count = user.permissions().count();
        boolean any = user.permissions().exists();
        Optional<Permission> one = user.permissions().find(4);
        // snippet:end

        assertEquals(2, all.size());
        assertEquals(List.of("post.edit"), some.stream().map(Permission::getName).toList());
        assertEquals(2, count);
        assertTrue(any);
        assertEquals("user.delete", one.orElseThrow().getName());
        assertEquals(1, other.permissions().count());
    }

    @Test
    void lazyAccessLoadsOnceAndCaches() {
        user.permissions().attach(entities.get(Permission.class).create(Map.of("name", "x")));
        statements.reset();

        // snippet:start btm-lazy
        List<Permission> first = user.permissions().getResults();   // one SELECT
        List<Permission> again = user.permissions().getResults();   // no statement
        user.isRelationLoaded("permissions");                       // true
        // snippet:end

        assertEquals(1, statements.count());
        assertEquals(first, again);
        assertTrue(user.isRelationLoaded("permissions"));
    }

    @Test
    void eagerLoadingSamplesRunOneStatementPerRelationAndLevel() {
        user.roles().attach(admin);
        admin.permissions().attach(entities.get(Permission.class).create(Map.of("name", "p")));
        statements.reset();

        // snippet:start btm-eager
        List<User> users = entities.get(User.class).query().with("roles").get();              // 2 statements
        // snippet:hide
        assertEquals(2, statements.count());
        statements.reset();
        // snippet:show
        List<User> deep = entities.get(User.class).query().with("roles.permissions").get();   // 3 statements
        // snippet:hide
        assertEquals(3, statements.count());
        statements.reset();
        // snippet:show
        List<User> both = entities.get(User.class).query().with("roles", "permissions").get();// 3, no cartesian product
        // snippet:end
        assertEquals(3, statements.count());
        assertEquals(List.of("admin"), users.get(0).getRoles().stream().map(Role::getName).toList());
        assertEquals(List.of("p"), deep.get(0).getRoles().get(0).permissions().getResults().stream().map(Permission::getName).toList());
        assertTrue(both.get(0).isRelationLoaded("roles") && both.get(0).isRelationLoaded("permissions"));
    }

    @Test
    void aConstrainedEagerLoadFiltersAndOrders() {
        Role guest = entities.get(Role.class).create(Map.of("name", "guest"));
        user.roles().attach(editor, guest, admin);

        // snippet:start btm-eager-constrained
        List<User> users = entities.get(User.class).query()
                .with("roles", q -> q.where("name", "<>", "guest").orderBy("name"))
                .get();
        // snippet:end

        assertEquals(List.of("admin", "editor"), users.get(0).getRoles().stream().map(Role::getName).toList());
    }

    @Test
    void aLimitInAnEagerConstraintAppliesToEachParent() {
        user.roles().attach(admin, editor, viewer);
        User other = entities.get(User.class).create(Map.of("email", "bob@example.com"));
        other.roles().attach(admin, viewer);
        statements.reset();

        // snippet:start btm-eager-limit
        List<User> users = entities.get(User.class).query()
                .with("roles", q -> q.orderBy("name", "desc").limit(2))   // each user's last two roles by name
                .get();                                                    // 2 statements for any number of users
        // snippet:end

        assertEquals(2, statements.sql().size());
        assertEquals(List.of("viewer", "editor"), users.get(0).getRoles().stream().map(Role::getName).toList());
        assertEquals(List.of("viewer", "admin"), users.get(1).getRoles().stream().map(Role::getName).toList());
    }

    @Test
    void creatingThroughTheRelationWritesTheRelatedAndPivotRows() {
        // snippet:start btm-create
        Role auditor = user.roles().create(Map.of("name", "auditor"));                         // INSERT role, INSERT pivot
        Role owner = user.roles().create(Map.of("name", "owner"), Map.of("assignedBy", "root")); // with pivot attributes
        List<Role> more = user.roles().createMany(List.of(Map.of("name", "a"), Map.of("name", "b")));
        // snippet:end

        assertEquals(List.of("a", "auditor", "b", "owner"), user.getRoles().stream().map(Role::getName).sorted().toList());
        assertEquals("root", user.roles().find(owner.getId()).orElseThrow().pivot().get("assignedBy"));
        assertEquals(2, more.size());
        assertTrue(auditor.isLoaded());
    }

    @Test
    void firstOrCreateUpdateOrCreateAndFindOrNew() {
        user.roles().attach(admin);

        // snippet:start btm-first-or-create
        Role found = user.roles().firstOrCreate(Map.of("name", "admin"));       // attached: returned as is
        Role attached = user.roles().firstOrCreate(Map.of("name", "editor"));   // exists, not attached: attached now
        Role created = user.roles().firstOrCreate(Map.of("name", "support"),    // neither: created and attached
                Map.of(), Map.of("assignedBy", "root"));
        Role renamed = user.roles().updateOrCreate(Map.of("name", "support"), Map.of("name", "helpdesk"));
        Role maybe = user.roles().findOrNew(viewer.getId());                    // not attached: a new, unsaved Role
        // snippet:end

        assertEquals(admin.getId(), found.getId());
        assertEquals(editor.getId(), attached.getId());
        assertEquals(created.getId(), renamed.getId());
        assertEquals(List.of("admin", "editor", "helpdesk"), user.getRoles().stream().map(Role::getName).sorted().toList());
        assertTrue(!maybe.isLoaded());
    }

    @Test
    void chunkingAndStreamingARelation() {
        user.roles().attach(admin, editor, viewer);
        List<String> seen = new java.util.ArrayList<>();

        // snippet:start btm-chunk
        user.roles().chunkById(100, roles -> {                 // WHERE "roles"."id" > ? ... FETCH FIRST 100 ROWS ONLY
            roles.forEach(role -> seen.add(role.getName() + " by " + role.pivot().get("assignedBy")));
        });

        try (Stream<Role> roles = user.roles().lazy(100)) {    // a page of 100 at a time, as the stream reaches it
            long named = roles.filter(role -> role.getName().endsWith("r")).count();
        }
        // snippet:end

        assertEquals(List.of("admin by null", "editor by null", "viewer by null"), seen);
    }

    @Test
    void everyRoleCarriesItsPivotRow() {
        user.roles().attach(admin, Map.of("assignedBy", "root"));

        // snippet:start btm-pivot-row
        for (Role role : user.roles().get()) {
            Object assignedBy = role.pivot().get("assignedBy");
            // snippet:hide
            assertEquals("root", assignedBy);
            // snippet:show
        }
        // snippet:end
        Role read = user.roles().get().get(0);
        assertThrows(UnknownPivotColumnException.class, () -> read.pivot().get("notRead"));
        assertThrows(NoPivotException.class, () -> admin.pivot());
    }

    @Test
    void utilitiesDescribeThePivot() {
        user.roles().attach(admin, editor);

        assertEquals(2, user.roles().newPivotQuery().count());
        assertEquals("roles", user.roles().getRelatedTable());
        assertEquals(List.of("userId", "roleId", "assignedBy", "createdAt", "updatedAt"), user.roles().getPivotColumns());
    }

    @Test
    void writingSamplesFromQuicksPage() {
        entities.get(Post.class).create(Map.of("title", "t"));
        for (String name : List.of("java", "orm", "sql", "guice", "jdbi")) {
            entities.get(Tag.class).create(Map.of("name", name));   // ids 1 to 5; the sample's tag is 6
        }

        // snippet:start btm-writing
        Post post = entities.get(Post.class).findOrFail(1);
        Tag tag = entities.get(Tag.class).create(Map.of("name", "miscellaneous"));

        post.tags().attach(tag.getId());   // an id
        post.tags().attach(tag);           // or an entity
        // snippet:hide
        assertEquals(1, post.tags().count());
        // snippet:show
        post.tags().detach(tag);
        // snippet:hide
        assertEquals(0, post.tags().count());
        // snippet:show
        post.tags().sync(List.of(2, 3, 6));
        // snippet:end
        assertEquals(6L, tag.getId());
        assertEquals(List.of("miscellaneous", "orm", "sql"), post.tags().orderBy("name").get().stream().map(Tag::getName).toList());
    }

    @Test
    void aRelatedTableWithoutAnEntityReadsPlainRows() {
        User user = this.user;
        user.roles().attach(viewer, Map.of("assignedBy", "ops"));
        assertEquals(List.of(1L, 2L), List.of(admin.getId(), editor.getId()), "the sample attaches ids 1 and 2");

        // snippet:start btm-table-using
        List<Map<String, Object>> rows = user.roleRows().orderBy("name").get();
        Pivot pivot = (Pivot) rows.get(0).get("pivot");
        user.roleRows().attach(1, 2);
        // snippet:end

        assertEquals(List.of("viewer"), rows.stream().map(r -> r.get("name")).toList());
        assertEquals("ops", pivot.get("assignedBy"));
        assertEquals(List.of("admin", "editor", "viewer"),
                user.roleRows().orderBy("name").get().stream().map(r -> r.get("name")).toList());
    }

    // ---- pivot-operations.md ----------------------------------------------------------------------

    @Test
    void attachSamples() {
        // snippet:start pivot-attach
        List<Object> attached = user.roles().attach(admin, editor.getId());
        user.roles().attach(List.of(admin, editor), Map.of("assignedBy", "root"));  // the same attributes for each
        user.roles().attach(viewer.getId(), Map.of("assignedBy", "ops"));          // one id with attributes
        user.roles().attach(Map.of(admin.getId(), Map.of("assignedBy", "root")));  // attributes per id
        // snippet:end

        assertEquals(List.of(admin.getId(), editor.getId()), attached);
        assertEquals(3, user.roles().count());
        assertEquals("ops", user.roles().find(viewer.getId()).orElseThrow().pivot().get("assignedBy"));
    }

    @Test
    void detachSamples() {
        user.roles().attach(admin, editor, viewer);

        // snippet:start pivot-detach
        int removed = user.roles().detach(admin, editor.getId());
        int all = user.roles().detach();          // every role of this user (matching the relation's pivot filters)
        int none = user.roles().detach(List.of()); // an empty list removes NOTHING and runs no statement
        // snippet:end

        assertEquals(0, none);
        assertEquals(2, removed);
        assertEquals(1, all);
    }

    @Test
    void syncSamples() {
        Post post = entities.get(Post.class).create(Map.of("title", "t"));
        Long news = entities.get(Tag.class).create(Map.of("name", "news")).getId();
        Long java = entities.get(Tag.class).create(Map.of("name", "java")).getId();
        Long orm = entities.get(Tag.class).create(Map.of("name", "orm")).getId();
        Long sql = entities.get(Tag.class).create(Map.of("name", "sql")).getId();
        post.tags().attach(news, java);

        // snippet:start pivot-sync
        SyncResult result = post.tags().sync(List.of(java, orm, sql));
        result.attached();   // ids newly attached: [orm, sql]
        result.detached();   // ids removed: [news]
        // snippet:hide
        assertEquals(List.of(orm, sql), result.attached());
        assertEquals(List.of(news), result.detached());
        // snippet:show

        post.tags().sync(List.of());   // detaches every tag of the post
        // snippet:end
        assertEquals(0, post.tags().count());

        user.roles().attach(admin, Map.of("assignedBy", "ops"));
        // snippet:start pivot-sync-attributes
        SyncResult updated = user.roles().sync(Map.of(admin.getId(), Map.of("assignedBy", "root"), editor.getId(), Map.of()));
        // snippet:end
        assertEquals(List.of(admin.getId()), updated.updated());
        assertEquals(List.of(editor.getId()), updated.attached());
    }

    @Test
    void toggleAndUpdateExistingPivotSamples() {
        user.roles().attach(admin);

        // snippet:start pivot-toggle
        ToggleResult toggled = user.roles().toggle(admin, viewer);
        // snippet:end
        // snippet:start pivot-update-existing
        int updated = user.roles().updateExistingPivot(viewer.getId(), Map.of("assignedBy", "security"));
        // snippet:end

        assertEquals(List.of(viewer.getId()), toggled.attached());
        assertEquals(List.of(admin.getId()), toggled.detached());
        assertEquals(1, updated);
        assertEquals("security", user.roles().get().get(0).pivot().get("assignedBy"));
    }

    @Test
    void twoFilteredRelationsOnOnePivotTableNeverTouchEachOthersRows() {
        execute("CREATE TABLE \"members\" (\"id\" BIGINT GENERATED BY DEFAULT AS IDENTITY (START WITH 1) PRIMARY KEY)");
        execute("CREATE TABLE \"members_roles\" (\"memberId\" BIGINT NOT NULL, \"roleId\" BIGINT NOT NULL,"
                + " \"approved\" BOOLEAN NOT NULL, PRIMARY KEY (\"memberId\", \"roleId\", \"approved\"))");
        Member member = entities.<Member>get("Member@docs").save();

        member.approvedRoles().attach(admin, editor);
        member.pendingRoles().attach(editor, viewer);
        member.pendingRoles().sync(List.of(viewer));
        member.approvedRoles().detach(editor);

        assertEquals(List.of("admin"), member.approvedRoles().get().stream().map(Role::getName).toList());
        assertEquals(List.of("viewer"), member.pendingRoles().get().stream().map(Role::getName).toList());
    }

    // ---- relation-setters.md ----------------------------------------------------------------------

    @Test
    void relationSetterSamples() {
        Long javaId = entities.get(Tag.class).create(Map.of("name", "java")).getId();
        Long newsId = entities.get(Tag.class).create(Map.of("name", "news")).getId();
        Long ormId = entities.get(Tag.class).create(Map.of("name", "orm")).getId();
        entities.get(Post.class).create(Map.of("title", "first"));

        // snippet:start relation-setters-using
        Tag someTag = entities.get(Tag.class).findOrFail(javaId);
        Post post = entities.get(Post.class).firstOrFail();

        post.setTags(newsId, ormId, someTag);         // ids, entities, or both
        // snippet:hide
        assertEquals(List.of("java", "news", "orm"), post.tags().orderBy("name").get().stream().map(Tag::getName).toList());
        // snippet:show
        post.setTags(List.of(newsId, ormId));         // or a collection
        // snippet:hide
        assertEquals(List.of("news", "orm"), post.getTags().stream().map(Tag::getName).sorted().toList());
        // snippet:show
        post.setTags(List.of());                      // detaches every tag

        List<Tag> tags = post.getTags();              // one SELECT the first time, then cached
        // snippet:end
        assertEquals(List.of(), tags);
        assertEquals(0, post.tags().count());
    }
}
