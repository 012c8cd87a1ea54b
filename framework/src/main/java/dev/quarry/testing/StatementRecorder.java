package dev.quarry.testing;

import dev.quarry.sql.ExecutedStatement;
import dev.quarry.sql.StatementListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the statements Quarry runs, so a test can assert how many a call took. Statement
 * counts are deterministic, unlike timings: assert them.
 *
 * <pre>{@code
 * StatementRecorder recorder = new StatementRecorder();
 * Injector injector = Guice.createInjector(QuarryModule.builder().statementListener(recorder).build());
 * ...
 * recorder.reset();
 * users.query().where("active", true).get();
 * assertEquals(1, recorder.count());
 * }</pre>
 */
public final class StatementRecorder implements StatementListener {
    private final List<ExecutedStatement> statements = new ArrayList<>();

    @Override
    public synchronized void onStatement(ExecutedStatement statement) {
        statements.add(statement);
    }

    /** How many statements ran since the last {@link #reset}. */
    public synchronized int count() {
        return statements.size();
    }

    /** The statements since the last {@link #reset}, oldest first. */
    public synchronized List<ExecutedStatement> statements() {
        return List.copyOf(statements);
    }

    /** The SQL of each statement since the last {@link #reset}. */
    public synchronized List<String> sql() {
        return statements.stream().map(ExecutedStatement::sql).toList();
    }

    /** Forgets what was recorded. */
    public synchronized void reset() {
        statements.clear();
    }
}
