package dev.quarry.it.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Module;
import dev.quarry.entity.BaseEntity;
import dev.quarry.inject.QuarryModule;
import dev.quarry.it.model.Account;
import dev.quarry.it.model.Post;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.sql.DataIntegrityException;
import dev.quarry.validation.EntityValidationException;
import dev.quarry.validation.Violation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The samples of docs/validation.md. */
class ValidationSamplesIT extends DatabaseTest {

    /** The page's custom-message sample; registered by hand (it has no table: it is only validated). */
    static class Profile extends BaseEntity<Profile> {
        private Long id;
        // snippet:start validation-custom-message
        @Size(max = 20, message = "must be at most {max} characters, but '${validatedValue}' is longer")
        private String nickname;
        // snippet:end

        Profile setNickname(String nickname) {
            this.nickname = nickname;
            return this;
        }

        Long getId() {
            return id;
        }

        String getNickname() {
            return nickname;
        }
    }

    /** A constraint on a generated key: the key is still null while Quarry validates, so it always fails. */
    static class Ticket extends BaseEntity<Ticket> {
        @NotNull private java.util.UUID id;

        java.util.UUID getId() {
            return id;
        }
    }

    @Override
    protected Module module(QuarryModule.Builder builder) {
        return builder.entity(Profile.class, "Profile@validation").entity(Ticket.class).build();
    }

    @Test
    void checkingWithoutSaving() {
        // snippet:start validation-validate-user
        User user = entities.get(User.class).setEmail("not-an-email").setAge(-1);
        // snippet:end

        // snippet:start validation-validate
        List<String> printed = new ArrayList<>();
        for (Violation v : user.validate()) {
            printed.add(v.attribute() + ": " + v.message() + " (was " + v.invalidValue() + ")");
        }
        // printed: [age: must be greater than or equal to 0 (was -1),
        //           email: must be a well-formed email address (was not-an-email)]
        // snippet:end

        assertEquals(List.of("age: must be greater than or equal to 0 (was -1)",
                "email: must be a well-formed email address (was not-an-email)"), printed);
        assertEquals(new Violation("age", "must be greater than or equal to 0", -1), user.validate().get(0));
        assertEquals(List.of(), entities.get(User.class).setEmail("ada@example.com").validate());
        assertEquals(0, statements.count());
    }

    @Test
    void savingValidatesAndWritesNothing() {
        EntityValidationException caught = null;
        // snippet:start validation-save
        try {
            entities.get(User.class).create(Map.of("email", "nope", "age", -1));
        } catch (EntityValidationException e) {
            e.entityName();   // "User"
            e.violations();   // [age must be greater than or equal to 0 (was '-1'),
                              //  email must be a well-formed email address (was 'nope')]
            // snippet:hide
            caught = e;
            // snippet:show
        }
        // snippet:end
        EntityValidationException e = Objects.requireNonNull(caught, "create must refuse an invalid user");

        assertEquals("User", e.entityName());
        assertEquals("[age must be greater than or equal to 0 (was '-1'), email must be a well-formed email address (was 'nope')]",
                e.violations().toString());
        assertEquals("""
                [Quarry/EntityValidation] User failed validation, so nothing was written:
                  - age must be greater than or equal to 0 (was '-1')
                  - email must be a well-formed email address (was 'nope')
                  Learn more: docs/errors.md#entityvalidation""", e.getMessage());
        assertEquals(0, statements.count());
        assertEquals(0, countRows("users"));
    }

    @Test
    void everythingBuiltOnSaveValidates() {
        User ada = entities.get(User.class).create(Map.of("email", "ada@example.com"));
        statements.reset();

        assertThrows(EntityValidationException.class, () -> ada.update(Map.of("age", -5)));
        assertThrows(EntityValidationException.class, () -> entities.get(User.class)
                .firstOrCreate(Map.of("email", "grace@example.com"), Map.of("age", -5)));
        assertThrows(EntityValidationException.class, () -> entities.get(User.class)
                .updateOrCreate(Map.of("email", "ada@example.com"), Map.of("email", "")));
        assertTrue(statements.sql().stream().noneMatch(sql -> sql.startsWith("INSERT") || sql.startsWith("UPDATE")),
                statements.sql().toString());
        assertEquals("ada@example.com", rows("users", "id").get(0).get("email"));
    }

    @Test
    void aLaterSaveValidatesOnlyIfSomethingChanged() {
        execute("INSERT INTO \"users\" (\"email\") VALUES ('legacy-not-an-email')");
        User legacy = entities.get(User.class).firstOrFail();
        statements.reset();

        legacy.save();                                   // nothing to write: nothing validated
        assertEquals(0, statements.count());

        legacy.setName("Legacy");
        assertThrows(EntityValidationException.class, legacy::save);
        assertEquals(0, statements.count());
    }

    @Test
    void theFirstSaveValidatesBeforeTheKeyIsGenerated() {
        Ticket ticket = entities.get(Ticket.class);
        assertEquals(1, ticket.validate().size());       // no key yet
        assertThrows(EntityValidationException.class, ticket::save);
        assertNull(ticket.getId());                      // no key was generated for the invalid entity
        assertEquals(0, statements.count());
    }

    @Test
    void timestampsSetForAnInvalidEntityAreClearedAgain() {
        Post post = entities.get(Post.class).setTitle("");
        assertThrows(EntityValidationException.class, post::save);
        assertNull(post.getCreatedAt());
        assertNull(post.getUpdatedAt());
    }

    @Test
    void bulkUpdatesAreNotValidated() {
        entities.get(User.class).create(Map.of("email", "ada@example.com"));
        assertEquals(1, entities.get(User.class).query().update(Map.of("email", "nope")));
        assertEquals("nope", rows("users", "id").get(0).get("email"));
    }

    @Test
    void theDatabaseChecksItsOwnConstraints() {
        entities.get(User.class).create(Map.of("email", "ada@example.com"));
        DataIntegrityException e = assertThrows(DataIntegrityException.class,
                () -> entities.get(User.class).create(Map.of("email", "ada@example.com")));
        assertEquals("DataIntegrity", e.errorId());
        assertEquals(1, countRows("users"));
        assertEquals(0, entities.get(Account.class).count());
    }

    @Test
    void parametersAreInterpolated() {
        User user = entities.get(User.class).setEmail("ada@example.com").setName("x".repeat(101));
        assertEquals(List.of(new Violation("name", "size must be between 0 and 100", "x".repeat(101))), user.validate());
    }

    @Test
    void aMessageOfYourOwn() {
        Profile profile = entities.get(Profile.class).setNickname("the-analytical-engine");

        assertEquals(List.of("must be at most 20 characters, but 'the-analytical-engine' is longer"),
                profile.validate().stream().map(Violation::message).toList());
        assertThrows(EntityValidationException.class, profile::save);
        assertEquals(null, profile.getId());
        assertEquals("the-analytical-engine", profile.getNickname());
    }
}
