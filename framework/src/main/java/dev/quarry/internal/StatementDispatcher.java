package dev.quarry.internal;

import dev.quarry.sql.ExecutedStatement;
import dev.quarry.sql.StatementListener;
import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/** Tells every {@link StatementListener} about each statement JDBI ran. */
public final class StatementDispatcher implements SqlLogger {
    private final List<StatementListener> listeners;

    public StatementDispatcher(List<StatementListener> listeners) {
        this.listeners = listeners;
    }

    @Override
    public void logAfterExecution(StatementContext context) {
        dispatch(context, true);
    }

    @Override
    public void logException(StatementContext context, SQLException ex) {
        dispatch(context, false);
    }

    private void dispatch(StatementContext context, boolean succeeded) {
        if (listeners.isEmpty()) {
            return;
        }
        Duration elapsed = context.getCompletionMoment() != null || context.getExceptionMoment() != null
                ? Duration.of(context.getElapsedTime(ChronoUnit.MICROS), ChronoUnit.MICROS) : Duration.ZERO;
        // Rendered now, while the binding is still the statement's, but only if a listener asks for it.
        String sql = context.getRenderedSql();
        Object binding = context.getBinding();
        ExecutedStatement statement = new ExecutedStatement(sql, () -> String.valueOf(binding), elapsed, succeeded);
        dev.quarry.sql.StatementListeners.tellAll(listeners, statement);
    }
}
