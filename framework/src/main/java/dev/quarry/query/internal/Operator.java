package dev.quarry.query.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The comparison operators a query accepts; anything else is refused before SQL is built. */
public enum Operator {
    EQUAL("="), NOT_EQUAL("<>"), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">="),
    LIKE("LIKE"), NOT_LIKE("NOT LIKE");

    private static final Map<String, Operator> BY_TEXT = Map.of(
            "=", EQUAL, "<>", NOT_EQUAL, "!=", NOT_EQUAL, "<", LESS, "<=", LESS_OR_EQUAL,
            ">", GREATER, ">=", GREATER_OR_EQUAL, "like", LIKE, "not like", NOT_LIKE);

    /** The operators as a user writes them, for error messages. */
    public static final List<String> ACCEPTED = List.of("=", "<>", "!=", "<", "<=", ">", ">=", "like", "not like");

    private final String sql;

    Operator(String sql) {
        this.sql = sql;
    }

    /** The SQL text. */
    public String sql() {
        return sql;
    }

    /** The operator for {@code text} (case and surrounding blanks ignored), or null if it is not accepted. */
    public static Operator parse(String text) {
        if (text == null) {
            return null;
        }
        Operator exact = BY_TEXT.get(text);   // the usual case ("=", "like"): no copying, no regex
        return exact != null ? exact : BY_TEXT.get(String.join(" ", text.strip().split("\\s+")).toLowerCase(Locale.ROOT));
    }
}
