package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.it.support.TestDatabases;
import dev.quarry.sql.DataIntegrityException;
import dev.quarry.sql.Database;
import dev.quarry.sql.StatementFailedException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Transactions against a real database: commit, rollback, joining, savepoints, and what another
 * connection sees meanwhile.
 *
 * <p><b>Why these tests switch HSQLDB to MVCC.</b> HSQLDB's default transaction control is
 * {@code LOCKS} (two-phase locking), not MVCC. Under LOCKS a write keeps a lock on the table until
 * commit, so a read of that table from another connection does not return "no row": it <i>waits</i>
 * for the commit. (Probed: with the default settings, a read from a second thread while a Quarry
 * transaction held an uncommitted insert did not return within three seconds; from the same thread
 * it would deadlock.) The brief's assumption that another connection simply does not see the
 * uncommitted row holds only under {@code MVCC} with {@code READ COMMITTED}, so {@link #useMvcc()}
 * sets {@code SET DATABASE TRANSACTION CONTROL MVCC} on each test's fresh database, and
 * {@link #theDatabaseRunsMvccAtReadCommitted()} checks that this is what the tests run under.
 * None of this changes Quarry's behaviour; it only lets a second connection look without blocking.
 */
class TransactionIT extends DatabaseTest {
    private Database database;
    private ExecutorService otherThread;

    @BeforeEach
    void useMvcc() {
        if (!TestDatabases.postgres()) {
            execute("SET DATABASE TRANSACTION CONTROL MVCC"); // PostgreSQL is MVCC already
        }
        database = entities.database();
        otherThread = Executors.newSingleThreadExecutor();
        statements.reset();
    }

    @AfterEach
    void stopOtherThread() throws InterruptedException {
        otherThread.shutdownNow();
        assertTrue(otherThread.awaitTermination(10, TimeUnit.SECONDS));
    }

    @Test
    void theDatabaseRunsMvccAtReadCommitted() {
        String control = TestDatabases.postgres() ? "MVCC" : jdbi.withHandle(h -> h.createQuery(
                "SELECT PROPERTY_VALUE FROM INFORMATION_SCHEMA.SYSTEM_PROPERTIES WHERE PROPERTY_NAME = 'hsqldb.tx'")
                .mapTo(String.class).one());
        int isolation = jdbi.withHandle(h -> {
            try {
                return h.getConnection().getTransactionIsolation();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals("MVCC", control);
        assertEquals(Connection.TRANSACTION_READ_COMMITTED, isolation);
    }

    // ---- commit and rollback --------------------------------------------------------------------

    @Test
    void aTransactionCommitsItsWritesOnSuccess() {
        entities.transaction(() -> {
            newUser("ada@example.com").save();
            newUser("bob@example.com").save();
        });
        assertEquals(List.of("ada@example.com", "bob@example.com"), emailsFromAnotherConnection());
    }

    @Test
    void aTransactionReturnsTheResultOfItsWork() {
        Long id = entities.transaction(() -> newUser("ada@example.com").save().getId());
        assertEquals(id, jdbi.withHandle(h -> h.createQuery("SELECT \"id\" FROM \"users\"").mapTo(Long.class).one()));
    }

    @Test
    void writesInsideAnOpenTransactionAreVisibleInsideButNotToAnotherConnectionUntilCommit() {
        List<Long> seenOutside = new ArrayList<>();
        List<Long> seenInside = new ArrayList<>();
        entities.transaction(() -> {
            newUser("ada@example.com").save();
            seenInside.add(entities.get(User.class).count());
            seenOutside.add(countRows("users"));
        });
        assertEquals(List.of(1L), seenInside);
        assertEquals(List.of(0L), seenOutside);
        assertEquals(1, countRows("users"));
    }

    @Test
    void anExceptionRollsBackEveryWriteAndPropagatesTheSameInstance() {
        newUser("keep@example.com").setName("Keep").save();
        newUser("gone@example.com").save();
        List<Map<String, Object>> before = rows("users", "id");
        IllegalStateException failure = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> entities.transaction(() -> {
            newUser("new@example.com").save();
            users().where("email", "keep@example.com").update(Map.of("name", "Changed"));
            users().where("email", "gone@example.com").delete();
            throw failure;
        }));
        assertSame(failure, thrown);
        assertEquals(before, rows("users", "id"));
    }

    @Test
    void anErrorRollsBackAndPropagatesTheSameInstance() {
        AssertionError failure = new AssertionError("an Error, not an Exception");
        AssertionError thrown = assertThrows(AssertionError.class, () -> entities.transaction(() -> {
            newUser("ada@example.com").save();
            throw failure;
        }));
        assertSame(failure, thrown);
        assertEquals(0, countRows("users"));
    }

    @Test
    void aCheckedExceptionThrownSneakilyRollsBackAndPropagatesTheSameInstance() {
        // Kotlin code, Lombok's @SneakyThrows or a rethrowing helper can throw a checked exception
        // through a Supplier; it must roll back like any other failure and come out unchanged.
        java.io.IOException failure = new java.io.IOException("disk full");
        Throwable thrown = assertThrows(Throwable.class, () -> entities.transaction(() -> {
            newUser("ada@example.com").save();
            throw sneaky(failure);
        }));
        assertSame(failure, thrown);
        assertEquals(0, countRows("users"));
        assertFalse(database.isInTransaction());
    }

    @Test
    void aDatabaseFailureRollsBackTheWritesBeforeIt() {
        newUser("taken@example.com").save();
        assertThrows(DataIntegrityException.class, () -> entities.transaction(() -> {
            newUser("first@example.com").save();
            newUser("taken@example.com").save();
        }));
        assertEquals(List.of("taken@example.com"), emailsFromAnotherConnection());
    }

    @Test
    void afterARolledBackTransactionWritesAreCommittedImmediatelyAgain() {
        assertThrows(IllegalStateException.class, () -> entities.transaction(() -> {
            newUser("rolled@example.com").save();
            throw new IllegalStateException("boom");
        }));
        assertFalse(database.isInTransaction());
        newUser("after@example.com").save();
        assertEquals(List.of("after@example.com"), emailsFromAnotherConnection());
    }

    // ---- nesting ---------------------------------------------------------------------------------

    @Test
    void aNestedTransactionJoinsTheOuterOneAndCommitsOnlyWithIt() {
        List<Long> outsideAfterNested = new ArrayList<>();
        List<Long> insideAfterNested = new ArrayList<>();
        entities.transaction(() -> {
            newUser("outer@example.com").save();
            entities.transaction(() -> {
                newUser("nested@example.com").save();
            });
            insideAfterNested.add(entities.get(User.class).count());
            outsideAfterNested.add(countRows("users"));
        });
        assertEquals(List.of(2L), insideAfterNested);
        assertEquals(List.of(0L), outsideAfterNested, "the nested transaction must not commit on its own");
        assertEquals(List.of("nested@example.com", "outer@example.com"), emailsFromAnotherConnection());
    }

    @Test
    void aNestedFailureCaughtByTheOuterCodeRollsBackOnlyTheNestedWrites() {
        IllegalStateException failure = new IllegalStateException("nested boom");
        List<RuntimeException> caught = new ArrayList<>();
        entities.transaction(() -> {
            newUser("before@example.com").save();
            try {
                entities.transaction(() -> {
                    newUser("nested@example.com").save();
                    users().where("email", "before@example.com").update(Map.of("name", "changed by nested"));
                    throw failure;
                });
            } catch (IllegalStateException e) {
                caught.add(e);
            }
            newUser("after@example.com").save();
        });
        assertEquals(1, caught.size());
        assertSame(failure, caught.get(0));
        assertEquals(List.of("after@example.com", "before@example.com"), emailsFromAnotherConnection());
        assertEquals(null, rows("users", "email").get(1).get("name"));
    }

    @Test
    void aNestedFailureThatPropagatesRollsBackEverything() {
        IllegalStateException failure = new IllegalStateException("nested boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> entities.transaction(() -> {
            newUser("outer@example.com").save();
            entities.transaction(() -> {
                newUser("nested@example.com").save();
                throw failure;
            });
        }));
        assertSame(failure, thrown);
        assertEquals(0, countRows("users"));
    }

    @Test
    void aNestedCheckedExceptionCaughtByTheOuterCodeRollsBackOnlyTheNestedWrites() {
        java.io.IOException failure = new java.io.IOException("nested disk full");
        List<Throwable> caught = new ArrayList<>();
        entities.transaction(() -> {
            newUser("outer@example.com").save();
            try {
                entities.transaction(() -> {
                    newUser("nested@example.com").save();
                    throw sneaky(failure);
                });
            } catch (Throwable e) { // the checked exception arrives undeclared
                caught.add(e);
            }
        });
        assertEquals(List.of(failure), caught);
        assertEquals(List.of("outer@example.com"), emailsFromAnotherConnection());
    }

    @Test
    void anOuterFailureAfterASuccessfulNestedTransactionRollsBackTheNestedWritesToo() {
        assertThrows(IllegalStateException.class, () -> entities.transaction(() -> {
            entities.transaction(() -> {
                newUser("nested@example.com").save();
            });
            throw new IllegalStateException("outer boom");
        }));
        assertEquals(0, countRows("users"));
    }

    @Test
    void nestedTransactionsInSequenceAfterACaughtFailureStillWork() {
        entities.transaction(() -> {
            for (int i = 1; i <= 3; i++) {
                String email = "try" + i + "@example.com";
                boolean fail = i == 2;
                try {
                    entities.transaction(() -> {
                        newUser(email).save();
                        if (fail) {
                            throw new IllegalStateException("fail " + email);
                        }
                    });
                } catch (IllegalStateException e) {
                    assertEquals("fail try2@example.com", e.getMessage());
                }
            }
        });
        assertEquals(List.of("try1@example.com", "try3@example.com"), emailsFromAnotherConnection());
    }

    @Test
    void aFailureTwoLevelsDeepCaughtOneLevelUpRollsBackOnlyTheInnermostWrites() {
        entities.transaction(() -> {
            newUser("level1@example.com").save();
            entities.transaction(() -> {
                newUser("level2@example.com").save();
                try {
                    entities.transaction(() -> {
                        newUser("level3@example.com").save();
                        throw new IllegalStateException("level 3");
                    });
                } catch (IllegalStateException expected) {
                    // only level 3 is undone
                }
                newUser("level2b@example.com").save();
            });
        });
        assertEquals(List.of("level1@example.com", "level2@example.com", "level2b@example.com"), emailsFromAnotherConnection());
    }

    @Test
    void aDatabaseFailureInANestedTransactionCaughtByTheOuterCodeKeepsTheOuterWrites() {
        newUser("taken@example.com").save();
        List<Exception> caught = new ArrayList<>();
        entities.transaction(() -> {
            newUser("outer@example.com").save();
            try {
                entities.transaction(() -> {
                    newUser("nested@example.com").save();
                    newUser("taken@example.com").save();
                });
            } catch (DataIntegrityException e) {
                caught.add(e);
            }
        });
        assertEquals(1, caught.size());
        assertEquals(List.of("outer@example.com", "taken@example.com"), emailsFromAnotherConnection());
    }

    // ---- firstOrCreate / updateOrCreate inside an outer transaction ------------------------------

    @Test
    void aCaughtFailureInsideANestedTransactionLeavesTheOuterOneUsableOnBothDatabases() {
        entities.get(User.class).create(Map.of("email", "taken@example.com"));

        entities.transaction(() -> {
            assertThrows(DataIntegrityException.class, () -> entities.transaction(
                    () -> entities.get(User.class).create(Map.of("email", "taken@example.com"))));
            entities.get(User.class).create(Map.of("email", "after@example.com"));
        });

        assertEquals(2, countRows("users"));
    }

    @Test
    void aCaughtFailureWithoutASavepointAbortsThePostgresqlTransactionWithAHint() {
        entities.get(User.class).create(Map.of("email", "taken@example.com"));

        Runnable carryOnAfterCatching = () -> entities.transaction(() -> {
            assertThrows(DataIntegrityException.class,
                    () -> entities.get(User.class).create(Map.of("email", "taken@example.com")));
            entities.get(User.class).create(Map.of("email", "after@example.com"));
        });

        if (TestDatabases.postgres()) {
            StatementFailedException e = assertThrows(StatementFailedException.class, carryOnAfterCatching::run);
            assertTrue(e.getMessage().contains("run the work that may fail in a nested entities.transaction(...)"),
                    e.getMessage());
            assertEquals(1, countRows("users"), "the whole transaction rolled back");
        } else {
            carryOnAfterCatching.run();
            assertEquals(2, countRows("users"), "HSQLDB carries on after a failed statement");
        }
    }

    @Test
    void firstOrCreateInsideAnOuterTransactionThatFailsLeavesNothingBehind() {
        assertThrows(IllegalStateException.class, () -> entities.transaction(() -> {
            User created = entities.get(User.class).firstOrCreate(Map.of("email", "ada@example.com"), Map.of("name", "Ada"));
            assertTrue(created.isLoaded());
            throw new IllegalStateException("outer boom");
        }));
        assertEquals(0, countRows("users"));
    }

    @Test
    void updateOrCreateInsideAnOuterTransactionThatFailsLeavesNothingBehind() {
        newUser("ada@example.com").setName("Ada").save();
        List<Map<String, Object>> before = rows("users", "id");
        assertThrows(IllegalStateException.class, () -> entities.transaction(() -> {
            entities.get(User.class).updateOrCreate(Map.of("email", "ada@example.com"), Map.of("name", "Ada Changed"));
            entities.get(User.class).updateOrCreate(Map.of("email", "bob@example.com"), Map.of("name", "Bob"));
            throw new IllegalStateException("outer boom");
        }));
        assertEquals(before, rows("users", "id"));
    }

    @Test
    void firstOrCreateInsideAnOuterTransactionCommitsWithIt() {
        List<Long> outsideMeanwhile = new ArrayList<>();
        entities.transaction(() -> {
            entities.get(User.class).firstOrCreate(Map.of("email", "ada@example.com"));
            outsideMeanwhile.add(countRows("users"));
        });
        assertEquals(List.of(0L), outsideMeanwhile, "firstOrCreate must join the outer transaction, not commit its own");
        assertEquals(List.of("ada@example.com"), emailsFromAnotherConnection());
    }

    // ---- isInTransaction and threads -----------------------------------------------------------

    @Test
    void isInTransactionIsTrueInsideAndFalseOutside() {
        List<Boolean> seen = new ArrayList<>();
        assertFalse(database.isInTransaction());
        entities.transaction(() -> {
            seen.add(database.isInTransaction());
            entities.transaction(() -> {
                seen.add(database.isInTransaction());
            });
            seen.add(database.isInTransaction());
        });
        assertEquals(List.of(true, true, true), seen);
        assertFalse(database.isInTransaction());
    }

    @Test
    void isInTransactionIsFalseAgainAfterAFailure() {
        assertThrows(IllegalStateException.class, () -> entities.transaction(() -> {
            throw new IllegalStateException("boom");
        }));
        assertFalse(database.isInTransaction());
    }

    @Test
    void aTransactionIsBoundToTheThreadThatOpenedIt() throws Exception {
        List<Boolean> otherThreadInTransaction = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> entities.transaction(() -> {
            newUser("mine@example.com").save();
            Future<Boolean> other = otherThread.submit(() -> {
                boolean inside = database.isInTransaction();
                newUser("other@example.com").save();
                return inside;
            });
            try {
                otherThreadInTransaction.add(other.get(10, TimeUnit.SECONDS));
            } catch (Exception e) {
                throw new IllegalStateException("the other thread failed", e);
            }
            throw new IllegalStateException("boom");
        }));
        assertEquals(List.of(false), otherThreadInTransaction);
        // The other thread's write did not join this thread's transaction, so it survived the rollback.
        assertEquals(List.of("other@example.com"), emailsFromAnotherConnection());
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Throws {@code failure} without declaring it, as Kotlin or Lombok's @SneakyThrows do. */
    @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
    private static <E extends Throwable> RuntimeException sneaky(Throwable failure) throws E {
        throw (E) failure;
    }

    private User newUser(String email) {
        return entities.get(User.class).setEmail(email);
    }

    private dev.quarry.query.Query<User> users() {
        return entities.get(User.class).query();
    }

    /** The emails in the users table, as a connection of its own (not Quarry's) sees them. */
    private List<String> emailsFromAnotherConnection() {
        return jdbi.withHandle(h -> h.createQuery("SELECT \"email\" FROM \"users\" ORDER BY \"email\"").mapTo(String.class).list());
    }
}
