package dev.quarry.sql;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every statement to SLF4J under the logger {@code dev.quarry.sql}: DEBUG for each statement
 * with its parameters and time, WARN for a failed one. Off unless that logger is at DEBUG:
 *
 * <pre>{@code
 * <logger name="dev.quarry.sql" level="DEBUG"/>   <!-- logback.xml -->
 * }</pre>
 */
public final class Slf4jStatementLogger implements StatementListener {
    private static final Logger LOG = LoggerFactory.getLogger("dev.quarry.sql");

    @Override
    public void onStatement(ExecutedStatement statement) {
        if (!statement.succeeded()) {
            LOG.warn("failed after {} ms: {} | {}", millis(statement), statement.sql(), statement.bindings());
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("{} ms: {} | {}", millis(statement), statement.sql(), statement.bindings());
        }
    }

    private static String millis(ExecutedStatement statement) {
        return String.format(java.util.Locale.ROOT, "%.3f", statement.elapsed().toNanos() / 1_000_000.0);
    }
}
