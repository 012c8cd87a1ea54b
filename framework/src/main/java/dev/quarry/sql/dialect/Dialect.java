package dev.quarry.sql.dialect;

import dev.quarry.sql.ColumnValue;
import dev.quarry.sql.Identifiers;
import dev.quarry.sql.SqlBuilder;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What differs between the databases Quarry runs on. One implementation per database; nothing
 * else in Quarry asks which database it is talking to.
 *
 * <pre>{@code
 * Dialect dialect = Dialect.forUrl("jdbc:hsqldb:mem:app");
 * dialect.quote("users.email");   // "users"."email"
 * }</pre>
 */
public interface Dialect {

    /** A short name, e.g. {@code hsqldb}. */
    String name();

    /**
     * Quotes a validated identifier, part by part: {@code users.email} -> {@code "users"."email"}.
     * Callers validate with {@link Identifiers} first; this method refuses invalid names too.
     */
    default String quote(String identifier) {
        StringBuilder quoted = new StringBuilder(identifier == null ? 2 : identifier.length() + 4);
        appendQuoted(quoted, identifier);
        return quoted.toString();
    }

    /**
     * Appends {@link #quote quote(identifier)} to {@code sql}, without the intermediate strings:
     * every name of every statement goes through here.
     *
     * @throws dev.quarry.sql.InvalidIdentifierException if {@code identifier} is not a valid name
     */
    default void appendQuoted(StringBuilder sql, String identifier) {
        if (!Identifiers.isValid(identifier)) {
            Identifiers.require(identifier, "SQL", "the " + name() + " dialect"); // throws, naming it
        }
        sql.append('"');
        for (int i = 0; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            if (c == '.') {
                sql.append("\".\"");
            } else {
                sql.append(c);
            }
        }
        sql.append('"');
    }

    /** The clause that limits and offsets a SELECT; either may be {@code null}. Empty if both are. */
    default String limitClause(Integer limit, Integer offset) {
        StringBuilder sql = new StringBuilder();
        if (offset != null && offset > 0) {
            sql.append(" OFFSET ").append(offset.intValue()).append(" ROWS");
        }
        if (limit != null) {
            sql.append(" FETCH FIRST ").append(limit.intValue()).append(" ROWS ONLY");
        }
        return sql.toString();
    }

    /**
     * True if window functions take {@code PARTITION BY} ({@code ROW_NUMBER() OVER (PARTITION BY ...)}),
     * which is how a limit per parent in an eager load is rendered; without it (HSQLDB 2.7), Quarry
     * renders the same limit with a LATERAL join over the parents' keys.
     */
    default boolean supportsPartitionedWindows() {
        return true;
    }

    /**
     * Renders into {@code sql} a statement that inserts {@code row}, or, when a row with the same
     * values in the {@code uniqueBy} columns exists, updates its {@code update} columns instead
     * (nothing, when {@code update} is empty). Quarry runs it as a batch, one execution per row, so
     * every value is bound where its column types it.
     */
    void upsert(SqlBuilder sql, String table, List<ColumnValue> row, List<String> uniqueBy, Set<String> update);

    /**
     * Renders into {@code sql} an INSERT of {@code row} that does nothing, and reports 0 rows, when a
     * row with the same {@code keyColumns} values exists, even one another transaction has just
     * inserted: how pivot writes stay correct when callers race on the same parent.
     */
    void insertIfAbsent(SqlBuilder sql, String table, List<ColumnValue> row, List<String> keyColumns);

    /** The most parameters one statement may bind. */
    int maxBindParameters();

    /**
     * False if a string with an unpaired UTF-16 surrogate cannot be stored as it is (PostgreSQL's
     * driver sends text as UTF-8, which has no form for one, and silently writes {@code ?}): Quarry
     * then refuses such a value instead of storing a different one.
     */
    default boolean storesUnpairedSurrogates() {
        return true;
    }

    /**
     * How many key values Quarry puts in one {@code IN} list (eager loads, pivot reads and deletes)
     * before it starts another statement: the bind limit, less room for the statement's other values,
     * unless the database parses long lists slowly.
     */
    default int keysPerStatement() {
        return maxBindParameters() - 1_000;
    }

    /**
     * The SQL type name under which this database takes a list of {@code elementType} values as one
     * array parameter ({@link #inArray}), or empty when it does not: long key lists are then bound as
     * an {@code IN (?, ?, ...)} list.
     */
    default Optional<String> arrayElementType(Class<?> elementType) {
        return Optional.empty();
    }

    /**
     * Appends {@code column IN (the elements of one array parameter)} as this database writes it,
     * binding {@code values} as an array of {@code sqlType} (a name {@link #arrayElementType} gave).
     * One placeholder instead of thousands: the statement parses in constant time, whatever the
     * number of keys.
     */
    default void inArray(SqlBuilder sql, String column, String sqlType, List<?> values) {
        // Only called with a type arrayElementType gave; a database without arrays keeps the plain list.
        sql.identifier(column).append(" IN (");
        for (int i = 0; i < values.size(); i++) {
            sql.append(i == 0 ? "" : ", ").param(values.get(i), null);
        }
        sql.append(")");
    }

    /**
     * A hint for a user who hit {@code failure}, when the cause is a common set-up mistake on this
     * database (for example an unquoted table name); empty when there is nothing to add.
     */
    default Optional<String> hintFor(SQLException failure) {
        return Optional.empty();
    }

    /** The dialect for a JDBC URL. */
    static Dialect forUrl(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:hsqldb:")) {
            return new HsqldbDialect();
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return new PostgresDialect();
        }
        throw new UnsupportedDatabaseException(jdbcUrl);
    }
}
