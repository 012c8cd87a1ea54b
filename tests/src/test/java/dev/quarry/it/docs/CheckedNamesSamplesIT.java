package dev.quarry.it.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.quarry.inject.QuarryModule;
import dev.quarry.it.model.Course;
import dev.quarry.it.model.Course_;
import dev.quarry.it.model.Post_;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.Role_;
import dev.quarry.it.model.Student;
import dev.quarry.it.model.User;
import dev.quarry.it.model.User_;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.it.support.TestDatabases;
import dev.quarry.schema.SchemaMismatchException;
import dev.quarry.schema.SchemaValidator;
import dev.quarry.sql.Database;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the samples of docs/checked-names.md and the schema check of docs/databases.md. */
class CheckedNamesSamplesIT extends DatabaseTest {

    @Test
    void typedNamesInQueries() {
        User ada = entities.get(User.class).create(Map.of("email", "ada@example.com", "name", "Ada", "age", 36));
        ada.posts().create(Map.of("title", "Notes", "published", true));
        ada.roles().attach(entities.get(Role.class).create(Map.of("name", "admin")));
        statements.reset();

        // snippet:start checked-queries
        List<User> users = entities.get(User.class).query()
                .where(User_.AGE, ">", 30)                                   // AttributeName<User, Integer>: 30, not "30"
                .whereHas(User_.POSTS, q -> q.where(Post_.PUBLISHED, true))  // the constraint's query is Post's
                .with(User_.ROLES)                                           // RelationPath<User, Role>
                .withCount(User_.POSTS)
                .orderBy(User_.NAME)
                .get();
        // snippet:end
        assertEquals(List.of("Ada"), users.stream().map(User::getName).toList());
        assertEquals(1, users.get(0).relationCount("posts"));
        assertEquals(2, statements.count());
    }

    @Test
    void nestedPaths() {
        // snippet:start checked-nested
        List<User> users = entities.get(User.class).with(User_.ROLES.then(Role_.PERMISSIONS)).get();   // "roles.permissions"
        // snippet:end
        assertEquals(List.of(), users);
        assertEquals("roles.permissions", User_.ROLES.then(Role_.PERMISSIONS).path());
    }

    @Test
    void typedPivotColumns() {
        entities.get(Student.class).setCode("S1").setName("Ada").save();
        entities.get(Student.class).setCode("S2").setName("Grace").save();
        Course course = entities.get(Course.class).setRef("C1").setTitle("Algebra").save();
        execute("INSERT INTO \"enrolments\" VALUES ('S1', 'C1', 5), ('S2', 'C1', 3)");

        // snippet:start checked-pivot-queries
        List<Student> passed = course.students()
                .wherePivot(Course_.Students.GRADE, ">=", 4)
                .orderByPivot(Course_.Students.GRADE, "desc")
                .get();
        Object grade = passed.get(0).pivot().get(Course_.Students.GRADE);   // 5
        // snippet:end
        assertEquals(List.of("Ada"), passed.stream().map(Student::getName).toList());
        assertEquals(5, ((Number) grade).intValue());
    }

    @Test
    void validateSchemaAtStartUp() {
        String url = TestDatabases.createEmpty("CheckedNamesSamplesIT");
        try {
            // snippet:start schema-validate-builder
            Injector injector = Guice.createInjector(QuarryModule.builder()
                    .url(url)
                    .migrations("classpath:db/migration")   // run first
                    .validateSchema()                       // then every entity is checked against the schema
                    // snippet:hide the test index holds entities of other tests that deliberately have no table
                    .withoutIndex().entity(Course.class).entity(Student.class)
                    // snippet:show
                    .build());
            // snippet:end
            injector.getInstance(Database.class).close();
        } finally {
            TestDatabases.drop(url);
        }
    }

    @Test
    void aMismatchFailsTheStart() {
        String url = TestDatabases.createEmpty("CheckedNamesSamplesIT");
        try {
            // snippet:start schema-validate-failure
            CreationException e = assertThrows(CreationException.class, () -> Guice.createInjector(
                    QuarryModule.builder().url(url).withoutIndex().entity(Course.class).entity(Student.class).validateSchema().build()));
            SchemaMismatchException mismatch = (SchemaMismatchException) e.getCause();
            mismatch.problems();   // ["Course: table \"courses\" does not exist in schema PUBLIC.\nFix: ...", ...]
            // snippet:end
            assertInstanceOf(SchemaMismatchException.class, e.getCause());
            assertEquals(4, mismatch.problems().size(), mismatch.getMessage());   // each table, and each side's pivot table
        } finally {
            TestDatabases.drop(url);
        }
    }

    @Test
    void theCheckInATest() {
        // snippet:start schema-validate-in-a-test
        List<String> problems = injector.getInstance(SchemaValidator.class)
                .problems(List.of(entities.get(User.class).metadata(), entities.get(Course.class).metadata()));
        assertEquals(List.of(), problems);
        // snippet:end
    }
}
