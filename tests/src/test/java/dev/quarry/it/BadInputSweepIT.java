package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.QuarryException;
import dev.quarry.entity.Key;
import dev.quarry.it.model.Project;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.relation.InvalidRelatedIdException;
import dev.quarry.relation.pivot.SyncResult;
import dev.quarry.relation.pivot.ToggleResult;
import dev.quarry.sql.DataIntegrityException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The bad-input cases PivotBadInputIT and RelationBadInputIT leave out: ids that are negative or
 * at the end of the range, ids of the wrong type or arity given to {@code find}, and lists of
 * 100,000 ids given to the pivot writes and to {@code whereIn}. Each gets a clear Quarry error
 * and changes nothing, or the right result, and never a raw driver exception.
 */
class BadInputSweepIT extends DatabaseTest {
    private static final int MANY = 100_000;

    private User ada;
    private long adminId;

    @BeforeEach
    void seed() {
        ada = entities.get(User.class).create(Map.of("email", "ada@example.com"));
        adminId = entities.get(Role.class).create(Map.of("name", "admin")).getId();
        ada.roles().attach(adminId);
        statements.reset();
    }

    // ---- ids at the edges of the range ----------------------------------------------------------

    @Test
    void attachingANegativeOrMaximalIdIsRefusedByTheForeignKeyAndWritesNothing() {
        for (long id : new long[] {-1L, 0L, Long.MIN_VALUE, Long.MAX_VALUE}) {
            DataIntegrityException refused = assertThrows(DataIntegrityException.class, () -> ada.roles().attach(List.of(id)));
            assertTrue(refused.getMessage().contains("attach on User(" + ada.getId() + ").roles"), refused.getMessage());
        }
        assertEquals(1, countRows("roles_users"));
    }

    @Test
    void detachingOrTogglingOffAnIdThatCannotExistChangesNothing() {
        assertEquals(0, ada.roles().detach(-1L, Long.MAX_VALUE));
        assertEquals(1, countRows("roles_users"));
    }

    @Test
    void findWithANegativeOrMaximalIdFindsNothing() {
        for (long id : new long[] {-1L, 0L, Long.MIN_VALUE, Long.MAX_VALUE}) {
            assertTrue(entities.get(User.class).find(id).isEmpty(), "find(" + id + ")");
        }
    }

    // ---- ids of the wrong type or arity ---------------------------------------------------------

    @Test
    void findWithAnIdOfTheWrongTypeIsAClearErrorBeforeAnySql() {
        for (Object bad : new Object[] {UUID.randomUUID(), Map.of("email", 1L), "abc", new BigInteger("99999999999999999999"), 1.5,
                List.of(1L)}) {
            statements.reset();
            QuarryException refused = assertThrows(QuarryException.class, () -> entities.get(User.class).find(bad),
                    "find(" + bad + ") of " + bad.getClass().getSimpleName());
            assertTrue(refused.getMessage().contains("User"), refused.getMessage());
            assertEquals(0, statements.count(), "no statement ran: " + statements.sql());
        }
    }

    @Test
    void findWithANullIdIsAClearErrorOrNothing() {
        statements.reset();
        try {
            assertTrue(entities.get(User.class).find(null).isEmpty());
        } catch (QuarryException refused) {
            assertEquals(0, statements.count(), "refused before any SQL");
        }
    }

    @Test
    void findOnACompositeKeyWithTheWrongArityIsAClearErrorBeforeAnySql() {
        refusedBeforeAnySql(() -> entities.get(Project.class).find(7L), "Project");
        refusedBeforeAnySql(() -> entities.get(Project.class).find(Key.of(Map.of("orgId", 7L))), "Project");
        refusedBeforeAnySql(() -> entities.get(Project.class).find(Key.of("orgId", 7L, "code", "a", "name", "x")), "Project");
        refusedBeforeAnySql(() -> entities.get(Project.class).find(Map.of("orgId", 7L, "name", "a")), "Project");
    }

    // ---- 100,000-element lists ------------------------------------------------------------------

    @Test
    void oneHundredThousandIdsAreAttachedSyncedToggledAndDetachedCorrectly() {
        List<Long> ids = manyRoles();

        assertEquals(MANY - 1, ada.roles().attach(ids).size(), "all but admin, attached already");
        assertEquals(MANY, countRows("roles_users"));

        assertEquals(new SyncResult(List.of(), List.of(), List.of()), ada.roles().sync(ids));
        assertEquals(MANY, countRows("roles_users"));

        ToggleResult toggled = ada.roles().toggle(ids);
        assertEquals(List.of(), toggled.attached());
        assertEquals(MANY, toggled.detached().size());
        assertEquals(0, countRows("roles_users"));

        assertEquals(0, ada.roles().detach(ids));
    }

    @Test
    void oneHundredThousandIdsEndingInABadOneAreRefusedBeforeAnySql() {
        List<Object> ids = new ArrayList<>(LongStream.rangeClosed(1, MANY - 1).boxed().toList());
        ids.add("abc");
        statements.reset();

        assertThrows(InvalidRelatedIdException.class, () -> ada.roles().attach(ids));
        assertThrows(InvalidRelatedIdException.class, () -> ada.roles().sync(ids));
        assertThrows(InvalidRelatedIdException.class, () -> ada.roles().detach(ids));

        assertEquals(0, statements.count());
        assertEquals(1, countRows("roles_users"));
    }

    @Test
    void whereInWithMoreValuesThanAStatementTakesIsAClearErrorBeforeAnySql() {
        List<String> emails = LongStream.rangeClosed(1, MANY).mapToObj(i -> i + "@example.com").toList();

        refusedBeforeAnySql(() -> entities.get(User.class).query().whereIn("email", emails).get(), "User");
    }

    @Test
    void whereInWithMoreIdsThanAStatementTakesIsOneStatementBindingOneArray() {
        List<Long> ids = LongStream.rangeClosed(1, MANY).boxed().toList();
        statements.reset();

        List<User> found = entities.get(User.class).query().whereIn("id", ids).get();

        assertEquals(List.of(ada.getId()), found.stream().map(User::getId).toList());
        assertEquals(1, statements.count());
        assertEquals(1, statements.sql().get(0).chars().filter(c -> c == '?').count(), statements.sql().get(0));
    }

    /** Inserts 100,000 roles straight through JDBC (the admin role is the first); returns their ids. */
    private List<Long> manyRoles() {
        jdbi.useHandle(h -> {
            var batch = h.prepareBatch("INSERT INTO \"roles\" (\"name\") VALUES (:name)");
            for (int i = 1; i < MANY; i++) {
                batch.bind("name", "role " + i).add();
            }
            batch.execute();
        });
        return jdbi.withHandle(h -> h.createQuery("SELECT \"id\" FROM \"roles\" ORDER BY \"id\"").mapTo(Long.class).list());
    }

    private void refusedBeforeAnySql(Executable call, String mentions) {
        statements.reset();
        QuarryException refused = assertThrows(QuarryException.class, call);
        assertTrue(refused.getMessage().contains(mentions), refused.getMessage());
        assertEquals(0, statements.count(), "no statement ran: " + statements.sql());
    }
}
