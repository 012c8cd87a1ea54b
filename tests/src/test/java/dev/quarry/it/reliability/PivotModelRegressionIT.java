package dev.quarry.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.it.model.Course;
import dev.quarry.it.model.Developer;
import dev.quarry.it.model.Project;
import dev.quarry.it.model.Student;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.relation.InvalidRelatedIdException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Minimal sequences found by {@link PivotModelIT}, kept as deterministic tests. They found that an
 * unsaved entity whose key the caller set by hand (a natural, custom or composite key) was used by
 * that key, where docs/pivot-operations.md says an unsaved entity is refused before any SQL runs.
 */
class PivotModelRegressionIT extends DatabaseTest {

    @Test
    void anUnsavedEntityWithACustomKeySetByHandIsRefusedBeforeAnySql() {
        Student student = entities.get(Student.class).setCode("S1").save();
        Course unsaved = entities.get(Course.class).setRef("C6");
        statements.reset();

        InvalidRelatedIdException e = assertThrows(InvalidRelatedIdException.class,
                () -> student.courses().sync(List.of(unsaved)));

        assertTrue(e.getMessage().contains("sync on Student(" + student.getId() + ").courses"), e.getMessage());
        assertTrue(e.getMessage().contains("has not been saved: save() it first"), e.getMessage());
        assertEquals(0, statements.count());
    }

    @Test
    void anUnsavedEntityWithACompositeKeySetByHandIsRefusedBeforeAnySql() {
        Developer developer = entities.get(Developer.class).setName("Ann").save();
        Project unsaved = entities.get(Project.class).setOrgId(7L).setCode("unsaved");
        statements.reset();

        assertThrows(InvalidRelatedIdException.class, () -> developer.projects().sync(unsaved));

        assertEquals(0, statements.count());
    }

    @Test
    void anUnsavedEntityWhoseKeyNamesAnExistingRowIsNotAttached() {
        Student student = entities.get(Student.class).setCode("S1").save();
        entities.get(Course.class).setRef("C1").setTitle("saved").save();
        Course unsaved = entities.get(Course.class).setRef("C1").setTitle("never saved");

        assertThrows(InvalidRelatedIdException.class, () -> student.courses().attach(unsaved));

        assertEquals(0, countRows("enrolments"));
    }

    @Test
    void anUnsavedCompositeEntityWhoseKeyNamesAnExistingRowIsNotAttached() {
        Developer developer = entities.get(Developer.class).setName("Ann").save();
        entities.get(Project.class).setOrgId(7L).setCode("apollo").save();
        Project unsaved = entities.get(Project.class).setOrgId(7L).setCode("apollo");

        assertThrows(InvalidRelatedIdException.class, () -> developer.projects().attach(unsaved));

        assertEquals(0, countRows("developers_projects"));
    }
}
