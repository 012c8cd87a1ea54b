package dev.quarry.sql;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One statement Quarry sent to the database, as seen by a {@link StatementListener}.
 * A JDBC batch is one statement.
 *
 * <pre>{@code
 * StatementListener slow = statement -> {
 *     if (statement.elapsed().toMillis() > 100) {
 *         log.warn("{} ms: {} {}", statement.elapsed().toMillis(), statement.sql(), statement.bindings());
 *     }
 * };
 * }</pre>
 */
public final class ExecutedStatement {
    private final String sql;
    private final Supplier<String> renderBindings;
    private final Duration elapsed;
    private final boolean succeeded;
    private String bindings;

    /** A statement whose bindings are already rendered. */
    public ExecutedStatement(String sql, String bindings, Duration elapsed, boolean succeeded) {
        this(sql, () -> bindings, elapsed, succeeded);
    }

    /**
     * A statement whose bindings are rendered on first use: most statements are never logged, and
     * rendering a batch's values costs more than running a small query.
     */
    public ExecutedStatement(String sql, Supplier<String> bindings, Duration elapsed, boolean succeeded) {
        this.sql = sql;
        this.renderBindings = Objects.requireNonNull(bindings, "bindings");
        this.elapsed = elapsed;
        this.succeeded = succeeded;
    }

    /** The SQL text with {@code ?} placeholders. */
    public String sql() {
        return sql;
    }

    /** The bound parameters, rendered for logs. */
    public synchronized String bindings() {
        if (bindings == null) {
            bindings = renderBindings.get();
        }
        return bindings;
    }

    /** How long the database took. */
    public Duration elapsed() {
        return elapsed;
    }

    /** False if the statement failed. */
    public boolean succeeded() {
        return succeeded;
    }

    /** True if the statement is a SELECT (or a WITH ... SELECT). */
    public boolean isSelect() {
        String head = sql.stripLeading();
        return head.regionMatches(true, 0, "select", 0, 6) || head.regionMatches(true, 0, "with", 0, 4);
    }

    @Override
    public String toString() {
        return "ExecutedStatement[sql=" + sql + ", bindings=" + bindings() + ", elapsed=" + elapsed + ", succeeded="
                + succeeded + "]";
    }
}
