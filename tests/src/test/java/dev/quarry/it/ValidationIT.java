package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.it.model.Post;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.validation.EntityValidationException;
import dev.quarry.validation.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Hibernate Validator constraints: User has {@code @NotBlank @Email email}, {@code @Size(max = 100) name}
 * and {@code @Min(0) age}; Post has {@code @NotBlank title}. Invalid entities are reported in full and
 * never written.
 */
class ValidationIT extends DatabaseTest {

    private static final String LONG_NAME = "x".repeat(101);

    /** The message the validator itself gives for one value, so the tests do not depend on the locale. */
    private <T> String messageFor(Class<T> type, String property, Object value) {
        Validator validator = injector.getInstance(Validator.class);
        Set<ConstraintViolation<T>> violations = validator.validateValue(type, property, value);
        assertEquals(1, violations.size(), violations.toString());
        return violations.iterator().next().getMessage();
    }

    private static List<String> attributes(List<Violation> violations) {
        return violations.stream().map(Violation::attribute).toList();
    }

    /** A new user that breaks all three of its constraints. */
    private User invalidUser() {
        return entities.get(User.class).setName(LONG_NAME).setAge(-1);
    }

    // ---- validate() -------------------------------------------------------------------------

    @Test
    void validateReturnsEveryViolationWithItsAttributeMessageAndInvalidValue() {
        List<Violation> violations = invalidUser().validate();

        assertEquals(List.of(
                new Violation("age", messageFor(User.class, "age", -1), -1),
                new Violation("email", messageFor(User.class, "email", null), null),
                new Violation("name", messageFor(User.class, "name", LONG_NAME), LONG_NAME)), violations);
    }

    @Test
    void validateReportsAMalformedEmailWithTheValue() {
        User user = entities.get(User.class).setEmail("not-an-email");

        List<Violation> violations = user.validate();

        assertEquals(List.of(new Violation("email", messageFor(User.class, "email", "not-an-email"), "not-an-email")),
                violations);
    }

    @Test
    void validateOfAValidEntityIsEmpty() {
        User user = entities.get(User.class).setEmail("ada@example.com").setName("Ada").setAge(0);

        assertEquals(List.of(), user.validate());
    }

    @Test
    void validateWritesNothing() {
        User user = invalidUser();
        User valid = entities.get(User.class).setEmail("ada@example.com");

        user.validate();
        valid.validate();

        assertEquals(0, statements.count(), statements.sql().toString());
        assertEquals(0, countRows("users"));
        assertFalse(user.isLoaded());
        assertFalse(valid.isLoaded());
    }

    @Test
    void validateOfAPostReportsABlankTitle() {
        Post post = entities.get(Post.class).setTitle("   ");

        List<Violation> violations = post.validate();

        assertEquals(List.of(new Violation("title", messageFor(Post.class, "title", "   "), "   ")), violations);
    }

    // ---- save() -----------------------------------------------------------------------------

    @Test
    void saveOfAnInvalidEntityThrowsWithEveryViolationAndRunsNoStatement() {
        User user = invalidUser();

        EntityValidationException e = assertThrows(EntityValidationException.class, user::save);

        assertEquals(0, statements.count(), statements.sql().toString());
        assertEquals("User", e.entityName());
        assertEquals(List.of("age", "email", "name"), attributes(e.violations()));
        assertEquals(user.validate(), e.violations());
        assertTrue(e.getMessage().contains("age"), e.getMessage());
        assertTrue(e.getMessage().contains("email"), e.getMessage());
        assertTrue(e.getMessage().contains("name"), e.getMessage());
        assertEquals(0, countRows("users"));
        assertFalse(user.isLoaded());
    }

    @Test
    void saveOfAnInvalidPostThrowsForItsBlankTitleAndWritesNothing() {
        Post post = entities.get(Post.class).setTitle("");

        EntityValidationException e = assertThrows(EntityValidationException.class, post::save);

        assertEquals(0, statements.count(), statements.sql().toString());
        assertEquals("Post", e.entityName());
        assertEquals(List.of("title"), attributes(e.violations()));
        assertEquals(0, countRows("posts"));
    }

    @Test
    void saveAfterFixingTheViolationsInsertsTheRow() {
        User user = invalidUser();
        assertThrows(EntityValidationException.class, user::save);

        user.setEmail("ada@example.com").setName("Ada").setAge(36).save();

        assertTrue(user.isLoaded());
        List<Map<String, Object>> rows = rows("users", "id");
        assertEquals(1, rows.size());
        assertEquals("Ada", rows.get(0).get("name"));
        assertEquals(36, rows.get(0).get("age"));
    }

    // ---- create(map) ------------------------------------------------------------------------

    @Test
    void createOfAnInvalidEntityThrowsAndWritesNothing() {
        User users = entities.get(User.class);

        EntityValidationException e = assertThrows(EntityValidationException.class,
                () -> users.create(orderedMap("email", "not-an-email", "age", "-5")));

        assertEquals(List.of("age", "email"), attributes(e.violations()));
        assertEquals(0, statements.count(), statements.sql().toString());
        assertEquals(0, countRows("users"));
    }

    @Test
    void firstOrCreateWithInvalidValuesThrowsAndWritesNothing() {
        User users = entities.get(User.class);

        EntityValidationException e = assertThrows(EntityValidationException.class,
                () -> users.firstOrCreate(orderedMap("email", "ada@example.com"), orderedMap("age", -3)));

        assertEquals(List.of("age"), attributes(e.violations()));
        assertEquals(0, countRows("users"));
    }

    // ---- updates ----------------------------------------------------------------------------

    @Test
    void updateOfALoadedEntityThatBecomesInvalidThrowsAndLeavesTheRowUnchanged() {
        long id = insertUserRow("ada@example.com", "Ada", 36);
        User user = entities.get(User.class).findOrFail(id);
        statements.reset();

        user.setEmail("broken").setAge(-1);
        EntityValidationException e = assertThrows(EntityValidationException.class, user::save);

        assertEquals(0, statements.count(), statements.sql().toString());
        assertEquals(List.of("age", "email"), attributes(e.violations()));
        Map<String, Object> row = rows("users", "id").get(0);
        assertEquals("ada@example.com", row.get("email"));
        assertEquals(36, row.get("age"));
    }

    @Test
    void failedUpdateKeepsTheUnsavedChangesForAnotherAttempt() {
        long id = insertUserRow("ada@example.com", "Ada", 36);
        User user = entities.get(User.class).findOrFail(id);
        user.setName("Ada Lovelace").setAge(-1);
        assertThrows(EntityValidationException.class, user::save);
        assertTrue(user.isDirty("name"));
        statements.reset();

        user.setAge(37).save();

        assertEquals(List.of("UPDATE \"users\" SET \"name\" = ?, \"age\" = ? WHERE \"id\" = ?"), statements.sql());
        Map<String, Object> row = rows("users", "id").get(0);
        assertEquals("Ada Lovelace", row.get("name"));
        assertEquals(37, row.get("age"));
    }

    @Test
    void updateWithAMapThatMakesTheEntityInvalidThrowsAndLeavesTheRowUnchanged() {
        long id = insertUserRow("ada@example.com", "Ada", 36);
        User user = entities.get(User.class).findOrFail(id);
        statements.reset();

        EntityValidationException e = assertThrows(EntityValidationException.class,
                () -> user.update(orderedMap("name", LONG_NAME)));

        assertEquals(0, statements.count(), statements.sql().toString());
        assertEquals(List.of("name"), attributes(e.violations()));
        assertEquals("Ada", rows("users", "id").get(0).get("name"));
    }

    @Test
    void updateOfALoadedPostToABlankTitleThrowsAndLeavesTheRowUnchanged() {
        execute("INSERT INTO \"posts\" (\"title\") VALUES ('Hello')");
        Post post = entities.get(Post.class).firstOrFail();
        statements.reset();

        post.setTitle(" ");
        EntityValidationException e = assertThrows(EntityValidationException.class, post::save);

        assertEquals(0, statements.count(), statements.sql().toString());
        assertEquals(List.of("title"), attributes(e.violations()));
        assertEquals("Hello", rows("posts", "id").get(0).get("title"));
    }
}
