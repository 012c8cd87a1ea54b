package dev.quarry.sql;

/**
 * Told about every statement Quarry runs, after it ran. Bind one with Guice's multibinder to
 * log, count or trace statements:
 *
 * <pre>{@code
 * Multibinder.newSetBinder(binder(), StatementListener.class).addBinding().toInstance(myListener);
 * }</pre>
 *
 * <p>Quarry's own SLF4J log is one such listener: set the logger {@code dev.quarry.sql} to
 * DEBUG to see each statement with its parameters and time.
 */
@FunctionalInterface
public interface StatementListener {

    /** Called on the thread that ran the statement, right after it completed or failed. */
    void onStatement(ExecutedStatement statement);
}
