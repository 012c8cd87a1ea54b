package dev.quarry.it.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.entity.Key;
import dev.quarry.it.model.Course;
import dev.quarry.it.model.Developer;
import dev.quarry.it.model.Post;
import dev.quarry.it.model.Project;
import dev.quarry.it.model.Student;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.Tag;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.relation.pivot.SyncResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BelongsToManySmokeIT extends DatabaseTest {

    @Test
    void attachReadSyncEager() {
        User ada = entities.get(User.class).create(Map.of("email", "ada@example.com"));
        Role admin = entities.get(Role.class).create(Map.of("name", "admin"));
        Role editor = entities.get(Role.class).create(Map.of("name", "editor"));
        Role viewer = entities.get(Role.class).create(Map.of("name", "viewer"));
        statements.reset();
        assertEquals(List.of(admin.getId(), editor.getId()), ada.roles().attach(List.of(admin, editor.getId()), Map.of("assignedBy", "root")));
        assertEquals(2, statements.count(), statements.sql().toString());
        statements.reset();
        List<Role> roles = ada.roles().orderBy("name").get();
        assertEquals(1, statements.count());
        assertEquals(List.of("admin", "editor"), roles.stream().map(Role::getName).toList());
        assertEquals("root", roles.get(0).pivot().get("assignedBy"));
        SyncResult result = ada.roles().sync(List.of(editor.getId(), viewer.getId()));
        assertEquals(List.of(viewer.getId()), result.attached());
        assertEquals(List.of(admin.getId()), result.detached());
        assertEquals(List.of("editor", "viewer"), ada.roles().orderBy("name").get().stream().map(Role::getName).toList());

        User grace = entities.get(User.class).create(Map.of("email", "grace@example.com"));
        grace.roles().attach(admin);
        admin.permissions().attach(entities.get(dev.quarry.it.model.Permission.class).create(Map.of("name", "post.edit")));
        statements.reset();
        List<User> users = entities.get(User.class).query().with("roles.permissions").orderBy("id").get();
        assertEquals(3, statements.count(), statements.sql().toString());
        assertEquals(2, users.get(0).roles().getResults().size());
        assertEquals(List.of("post.edit"), users.get(1).roles().getResults().get(0).permissions().getResults().stream()
                .map(dev.quarry.it.model.Permission::getName).toList());
        assertEquals(3, statements.count(), "no lazy loads after the eager load");

        Post post = entities.get(Post.class).create(Map.of("title", "Hello"));
        Tag a = entities.get(Tag.class).create(Map.of("name", "a"));
        post.tags().toggle(a, a);
        assertEquals(1, post.tags().count());

        Student student = entities.get(Student.class).setCode("S1").save();
        Course course = entities.get(Course.class).setRef("C1").save();
        student.courses().attach(course, Map.of("grade", 5));
        assertEquals(5, course.students().get().get(0).pivot().get("grade"));

        Project project = entities.get(Project.class).setOrgId(7L).setCode("apollo").save();
        Developer dev = entities.get(Developer.class).setName("Ada").save();
        dev.projects().attach(Key.of("orgId", 7L, "code", "apollo"));
        assertEquals(List.of(dev.getId()), project.developers().get().stream().map(Developer::getId).toList());
    }
}
