package dev.quarry.sql;

import dev.quarry.QuarryException;
import dev.quarry.sql.dialect.Dialect;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.UnableToCreateStatementException;

/**
 * Quarry's one way to the database: every statement runs through {@link #withHandle}, and every
 * multi-statement write through {@link #inTransaction}.
 *
 * <p>A transaction is bound to the thread that opened it: every Quarry call on that thread,
 * however deep, joins it. A nested {@code inTransaction} runs under a savepoint, so when it fails
 * only its own writes are undone and the error propagates; if the error leaves the outermost
 * transaction, everything is rolled back.
 *
 * <pre>{@code
 * database.inTransaction(() -> {
 *     order.save();
 *     invoice.save();   // fails: the order is not saved either
 *     return null;
 * });
 * }</pre>
 */
public final class Database implements AutoCloseable {
    private final Jdbi jdbi;
    private final Dialect dialect;
    private final List<StatementListener> listeners;
    private final AutoCloseable pool;
    // Per instance, not static: each injector has its own database, and a thread may use two.
    @SuppressWarnings("ThreadLocalUsage")
    private final ThreadLocal<Transaction> current = new ThreadLocal<>();

    public Database(Jdbi jdbi, Dialect dialect) {
        this(jdbi, dialect, List.of(), () -> { });
    }

    /**
     * A database whose {@code listeners} also hear of statements the database refuses while
     * preparing them (a missing table, a syntax error), which JDBI's own logger never sees.
     */
    public Database(Jdbi jdbi, Dialect dialect, List<StatementListener> listeners) {
        this(jdbi, dialect, listeners, () -> { });
    }

    /** As {@link #Database(Jdbi, Dialect, List)}, closing {@code pool} (the connection pool) on {@link #close}. */
    public Database(Jdbi jdbi, Dialect dialect, List<StatementListener> listeners, AutoCloseable pool) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.listeners = List.copyOf(listeners);
        this.pool = pool;
    }

    /**
     * Closes the connection pool: call it once, when the application shuts down. Later calls do
     * nothing; statements after it fail with {@link CannotConnectException}.
     */
    @Override
    public void close() {
        try {
            pool.close();
        } catch (Exception e) {
            throw new CannotConnectException(null, e);
        }
    }

    /** The underlying JDBI instance, for SQL of your own. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** The dialect of the database this instance talks to. */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * Registers {@code undo} to run if this thread's transaction (or the savepoint it is in) rolls
     * back: how Quarry puts entities written inside it back to their state before the write. Runs
     * nothing, and registers nothing, outside a transaction.
     */
    public void onRollback(Runnable undo) {
        Transaction tx = current.get();
        if (tx != null) {
            tx.undo.add(undo);
        }
    }

    /**
     * Runs {@code action} once this thread's outermost transaction has committed, or at once outside
     * a transaction. If the transaction (or the savepoint the action was registered under) rolls
     * back, the action never runs. How Quarry fires "post" events only for writes that stayed.
     *
     * <pre>{@code
     * database.inTransaction(() -> {
     *     order.save();
     *     database.afterCommit(() -> mailer.confirm(order));   // not sent if anything below fails
     *     invoice.save();
     * });
     * }</pre>
     *
     * <p>Actions run in the order they were registered; if one throws, the others still run and the
     * first failure reaches the caller of the transaction, whose writes are committed all the same.
     */
    public void afterCommit(Runnable action) {
        Transaction tx = current.get();
        if (tx == null) {
            action.run();
        } else {
            tx.afterCommit.add(action);
        }
    }

    /** True if this thread is inside {@link #inTransaction}. */
    public boolean isInTransaction() {
        return current.get() != null;
    }

    /**
     * Runs {@code work} with a handle: this thread's transaction handle if there is one, otherwise a
     * handle opened for this call alone. Database failures come out as {@link StatementFailedException}.
     */
    public <R> R withHandle(Function<Handle, R> work) {
        Transaction tx = current.get();
        if (tx != null) {
            return translated(() -> work.apply(tx.handle));
        }
        return translated(() -> {
            try (Handle handle = jdbi.open()) {
                return work.apply(handle);
            }
        });
    }

    /** Runs {@code work} in a transaction (joining this thread's transaction under a savepoint if there is one). */
    public <R> R inTransaction(Supplier<R> work) {
        Transaction tx = current.get();
        return tx == null ? outermost(work) : tx.nested(work);
    }

    /** {@link #inTransaction(Supplier)} for work without a result. */
    public void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    private <R> R outermost(Supplier<R> work) {
        Handle handle = translated(jdbi::open);
        Transaction tx = new Transaction(handle);
        current.set(tx);
        R result;
        try {
            translated(handle::begin);
            result = work.get();
            translated(handle::commit);
        } catch (Throwable failure) { // checked exceptions too: Kotlin and @SneakyThrows code can throw them here
            rollbackQuietly(handle, failure);
            tx.undoFrom(0, failure);
            throw sneaky(translate(failure));
        } finally {
            current.remove();
            handle.close();
        }
        runAll(tx.afterCommit); // outside the transaction: what they do is not undone, and may open its own
        return result;
    }

    private static void runAll(List<Runnable> actions) {
        RuntimeException first = null;
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException failure) {
                if (first == null) {
                    first = failure;
                } else {
                    first.addSuppressed(failure);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static void rollbackQuietly(Handle handle, Throwable failure) {
        try {
            handle.rollback();
        } catch (RuntimeException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    private <R> R translated(Supplier<R> work) {
        try {
            return work.get();
        } catch (JdbiException e) {
            throw (RuntimeException) translate(e);
        }
    }

    private void tellListenersOfRefused(StatementContext context) {
        if (context.getRenderedSql() == null) {
            return;
        }
        ExecutedStatement statement = new ExecutedStatement(context.getRenderedSql(), String.valueOf(context.getBinding()),
                Duration.ZERO, false);
        StatementListeners.tellAll(listeners, statement);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable failure) throws E {
        throw (E) failure;
    }

    /** Database failures become Quarry's errors; anything else is returned as it is. */
    private Throwable translate(Throwable failure) {
        if (!(failure instanceof JdbiException jdbiFailure) || failure instanceof QuarryException) {
            return failure;
        }
        if (failure instanceof ConnectionException) {
            return new CannotConnectException(null, failure);
        }
        String sql = failure instanceof StatementException se && se.getStatementContext() != null
                ? se.getStatementContext().getRenderedSql() : null;
        if (failure instanceof UnableToCreateStatementException create && create.getStatementContext() != null) {
            tellListenersOfRefused(create.getStatementContext());
        }
        SQLException sqlFailure = findSqlException(jdbiFailure);
        String problem = sqlFailure == null ? String.valueOf(jdbiFailure.getMessage()) : sqlFailure.getMessage();
        String hint = sqlFailure == null ? "" : dialect.hintFor(sqlFailure).map(h -> "\n  Hint: " + h).orElse("");
        if (sqlFailure != null && sqlFailure.getSQLState() != null && sqlFailure.getSQLState().startsWith("23")) {
            return new DataIntegrityException(sql, "The database refused the write: " + problem + hint, failure);
        }
        return new StatementFailedException(sql, "The database failed a statement: " + problem + hint, failure);
    }

    private static SQLException findSqlException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e) {
                return e;
            }
        }
        return null;
    }

    private final class Transaction {
        final Handle handle;
        final List<Runnable> undo = new java.util.ArrayList<>();
        final List<Runnable> afterCommit = new java.util.ArrayList<>();
        int savepoints;

        /** Runs, newest first, the undo actions registered since {@code from}, and forgets them. */
        void undoFrom(int from, Throwable failure) {
            for (int i = undo.size() - 1; i >= from; i--) {
                try {
                    undo.get(i).run();
                } catch (RuntimeException undoFailure) {
                    failure.addSuppressed(undoFailure);
                }
            }
            undo.subList(from, undo.size()).clear();
        }

        Transaction(Handle handle) {
            this.handle = handle;
        }

        <R> R nested(Supplier<R> work) {
            savepoints++;
            String savepoint = "quarry_sp_" + savepoints;
            try {
                translated(() -> handle.savepoint(savepoint));
            } catch (RuntimeException failure) {
                savepoints--;
                throw failure;
            }
            int undoMark = undo.size();
            int afterCommitMark = afterCommit.size();
            try {
                R result = work.get();
                translated(() -> handle.releaseSavepoint(savepoint));
                return result;
            } catch (Throwable failure) { // checked exceptions too, see outermost()
                try {
                    handle.rollbackToSavepoint(savepoint);
                } catch (RuntimeException rollbackFailure) {
                    failure.addSuppressed(rollbackFailure);
                }
                undoFrom(undoMark, failure);
                afterCommit.subList(afterCommitMark, afterCommit.size()).clear(); // its writes are gone
                throw sneaky(translate(failure));
            } finally {
                savepoints--;
            }
        }
    }
}
