package dev.quarry.sql;


/**
 * The one gate every SQL identifier passes before it reaches a statement.
 *
 * <p>A name from a convention, an annotation, an override or a query call ({@code where},
 * {@code orderBy}) is accepted only if each dot-separated part starts with a letter or
 * {@code _}, continues with letters, digits or {@code _}, and is at most 63 characters long
 * (PostgreSQL's limit). Accepted names are then always quoted by the {@link dev.quarry.sql.dialect.Dialect},
 * so they keep their exact case and may be reserved words. Anything else is refused before
 * any SQL is built.
 *
 * <pre>{@code
 * Identifiers.require("users.email", "column", "where() on User");  // fine
 * Identifiers.require("email\"; drop table users", "column", "where() on User");  // InvalidIdentifierException
 * }</pre>
 */
public final class Identifiers {
    /** PostgreSQL truncates identifiers longer than this; we refuse them instead. */
    public static final int MAX_PART_LENGTH = 63;

    private static final int MAX_PARTS = 3;

    private Identifiers() {}

    /** True if {@code name} is a plain or dot-qualified identifier Quarry accepts. */
    public static boolean isValid(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        // A hand-written scan of [A-Za-z_][A-Za-z0-9_]* parts joined by dots: every name Quarry writes
        // into SQL passes here, so it must not compile or run a regex.
        int parts = 1;
        int partLength = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.') {
                if (partLength == 0 || ++parts > MAX_PARTS) {
                    return false;
                }
                partLength = 0;
            } else if (isLetter(c) || c == '_' || (partLength > 0 && c >= '0' && c <= '9')) {
                if (++partLength > MAX_PART_LENGTH) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return partLength > 0;
    }

    private static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** True if {@code name} is a single, unqualified identifier Quarry accepts. */
    public static boolean isValidPart(String name) {
        return isValid(name) && name.indexOf('.') < 0;
    }

    /**
     * Returns {@code name} if it is a valid identifier, otherwise throws an error that says which
     * kind of name ({@code what}) was refused and where it came from ({@code where}).
     */
    public static String require(String name, String what, String where) {
        if (!isValid(name)) {
            throw new InvalidIdentifierException(name, what, where);
        }
        return name;
    }

    /** Like {@link #require} but refuses qualified ({@code a.b}) names too. */
    public static String requirePart(String name, String what, String where) {
        if (!isValidPart(name)) {
            throw new InvalidIdentifierException(name, what, where);
        }
        return name;
    }

    /** Renders any string so that control characters and quotes are visible in an error message. */
    public static String printable(Object value) {
        if (value == null) {
            return "null";
        }
        String s = String.valueOf(value);
        StringBuilder out = new StringBuilder(Math.min(s.length(), 120) + 2).append('\'');
        int shown = 0;
        for (int i = 0; i < s.length(); i++) {
            if (shown++ == 100) {
                out.append("... (").append(s.length()).append(" characters)");
                break;
            }
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && !Character.isLetterOrDigit(c))) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('\'').toString();
    }
}
