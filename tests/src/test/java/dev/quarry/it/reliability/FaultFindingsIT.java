package dev.quarry.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.it.model.Country;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.sql.DataIntegrityException;
import dev.quarry.sql.StatementFailedException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@link FaultInjectionIT} found, each kept as the smallest case that shows it, without a fault
 * injector: a relation cached inside a rolled-back transaction, and errors that did not say which
 * operation of which entity failed.
 */
class FaultFindingsIT extends DatabaseTest {

    @Test
    void aRelationReadInsideATransactionThatRollsBackIsReadAgainAfterwards() {
        User ada = entities.get(User.class).create(Map.of("email", "ada@example.com"));
        Role admin = entities.get(Role.class).create(Map.of("name", "admin"));

        assertThrows(IllegalStateException.class, () -> entities.transaction(() -> {
            ada.roles().attach(admin);
            assertEquals(1, ada.getRoles().size());   // cached while the row exists
            throw new IllegalStateException("rolled back");
        }));

        assertEquals(0, countRows("roles_users"));
        assertEquals(List.of(), ada.getRoles(), "the cache of the rolled-back transaction is forgotten");
    }

    @Test
    void aRelationReadInsideARolledBackSavepointIsReadAgainAfterwards() {
        User ada = entities.get(User.class).create(Map.of("email", "ada@example.com"));
        Role admin = entities.get(Role.class).create(Map.of("name", "admin"));

        entities.transaction(() -> {
            assertThrows(IllegalStateException.class, () -> entities.transaction(() -> {
                ada.roles().attach(admin);
                ada.getRoles();
                throw new IllegalStateException("only the savepoint rolls back");
            }));
            assertEquals(List.of(), ada.getRoles(), "read again inside the outer transaction");
        });
    }

    @Test
    void aRelationReadInsideACommittedTransactionStaysCached() {
        User ada = entities.get(User.class).create(Map.of("email", "ada@example.com"));
        Role admin = entities.get(Role.class).create(Map.of("name", "admin"));
        entities.transaction(() -> {
            ada.roles().attach(admin);
            ada.getRoles();
        });
        statements.reset();

        assertEquals(1, ada.getRoles().size());
        assertEquals(0, statements.count(), "committed: the cache is kept");
    }

    @Test
    void aFailedInsertNamesTheSaveAndTheEntityAndKeepsTheStatementsError() {
        entities.get(User.class).create(Map.of("email", "ada@example.com"));

        DataIntegrityException e = assertThrows(DataIntegrityException.class,
                () -> entities.get(User.class).create(Map.of("email", "ada@example.com")));

        assertTrue(e.getMessage().startsWith("[Quarry/DataIntegrity] save of a new User failed: The database refused the write: "),
                e.getMessage());
        assertTrue(e.sql().orElseThrow().startsWith("INSERT INTO \"users\""), e.sql().orElseThrow());
        assertInstanceOf(DataIntegrityException.class, e.getCause(), "the statement's own error is the cause");
        assertTrue(e.sqlState().orElseThrow().startsWith("23"));
    }

    @Test
    void aFailedUpdateNamesTheSaveOfThatEntity() {
        entities.get(User.class).create(Map.of("email", "ada@example.com"));
        User bob = entities.get(User.class).create(Map.of("email", "bob@example.com"));

        DataIntegrityException e = assertThrows(DataIntegrityException.class, () -> bob.setEmail("ada@example.com").save());

        assertTrue(e.getMessage().contains("save of User(" + bob.getId() + ") failed: "), e.getMessage());
    }

    @Test
    void aFailedRelationReadNamesTheParentAndTheRelation() {
        User ada = entities.get(User.class).create(Map.of("email", "ada@example.com"));
        execute("DROP TABLE \"roles_users\"");

        StatementFailedException e = assertThrows(StatementFailedException.class, ada::getRoles);

        assertTrue(e.getMessage().startsWith("[Quarry/StatementFailed] reading User(" + ada.getId() + ").roles failed: "),
                e.getMessage());
    }

    @Test
    void aFailedQueryNamesTheEntity() {
        execute("DROP TABLE \"posts_tags\"");
        execute("DROP TABLE \"tags\"");

        StatementFailedException e = assertThrows(StatementFailedException.class,
                () -> entities.get(dev.quarry.it.model.Tag.class).all());

        assertTrue(e.getMessage().startsWith("[Quarry/StatementFailed] reading Tag failed: "), e.getMessage());
    }

    @Test
    void aFailedUpsertNamesTheUpsertAndTheEntity() {
        StatementFailedException e = assertThrows(StatementFailedException.class, () -> entities.get(Country.class)
                .upsert(List.of(Map.of("code", "NLD", "name", "Netherlands")), List.of("code")));   // code is VARCHAR(2)

        assertTrue(e.getMessage().startsWith("[Quarry/StatementFailed] upsert of 1 Country rows failed: "), e.getMessage());
        assertEquals(0, countRows("countries"));
    }
}
