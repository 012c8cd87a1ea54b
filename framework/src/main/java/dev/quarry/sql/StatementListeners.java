package dev.quarry.sql;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells listeners about a statement, so that a failing listener can never change what the statement did. */
public final class StatementListeners {
    private static final Logger LOG = LoggerFactory.getLogger(StatementListeners.class);

    private StatementListeners() {}

    /**
     * Tells each listener; one that throws is logged and skipped (a committed INSERT must still mark
     * its entity saved, and a refused statement must still report the database's error).
     */
    public static void tellAll(List<StatementListener> listeners, ExecutedStatement statement) {
        for (StatementListener listener : listeners) {
            try {
                listener.onStatement(statement);
            } catch (RuntimeException failure) {
                LOG.warn("StatementListener {} failed on {}; the statement itself is unaffected", listener, statement.sql(), failure);
            }
        }
    }
}
