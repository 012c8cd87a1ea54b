package dev.quarry.sql;

import java.time.Duration;

/**
 * One statement Quarry sent to the database, as seen by a {@link StatementListener}.
 * A JDBC batch is one statement.
 *
 * @param sql the SQL text with {@code ?} placeholders
 * @param bindings the bound parameters, rendered for logs
 * @param elapsed how long the database took
 * @param succeeded false if the statement failed
 */
public record ExecutedStatement(String sql, String bindings, Duration elapsed, boolean succeeded) {

    /** True if the statement is a SELECT (or a WITH ... SELECT). */
    public boolean isSelect() {
        String head = sql.stripLeading();
        return head.regionMatches(true, 0, "select", 0, 6) || head.regionMatches(true, 0, "with", 0, 4);
    }
}
