package dev.quarry.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.sql.dialect.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"users", "userId", "_private", "permissions_users", "users.email", "app.users.email", "a1"})
    void acceptsPlainAndQualifiedNames(String name) {
        assertTrue(Identifiers.isValid(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1users", "user id", "email\"", "email\"; DROP TABLE users; --", "email--", "a.b.c.d",
        "users.", ".users", "na\u0000me", "us\u0435rs", "email OR 1=1", "[users]", "`users`", "tab\tle", "semi;colon"})
    void refusesAnythingThatIsNotAPlainIdentifier(String name) {
        assertFalse(Identifiers.isValid(name));
    }

    @Test
    void refusesNull() {
        assertFalse(Identifiers.isValid(null));
    }

    @Test
    void refusesPartsLongerThanPostgresKeeps() {
        assertTrue(Identifiers.isValid("a".repeat(63)));
        assertFalse(Identifiers.isValid("a".repeat(64)));
    }

    @Test
    void requirePartRefusesQualifiedNames() {
        assertThrows(InvalidIdentifierException.class, () -> Identifiers.requirePart("users.email", "column", "a test"));
    }

    @Test
    void theErrorNamesWhatWasRefusedWhereAndShowsControlCharacters() {
        InvalidIdentifierException e = assertThrows(InvalidIdentifierException.class,
                () -> Identifiers.require("em\u0000ail\"", "column", "where() on User"));

        assertEquals("InvalidIdentifier", e.errorId());
        assertTrue(e.getMessage().contains("'em\\u0000ail\"'"), e.getMessage());
        assertTrue(e.getMessage().contains("column name"), e.getMessage());
        assertTrue(e.getMessage().contains("where() on User"), e.getMessage());
    }

    @Test
    void dialectsQuoteEachPartOfAName() {
        Dialect hsqldb = Dialect.forUrl("jdbc:hsqldb:mem:x");
        assertEquals("\"users\".\"userId\"", hsqldb.quote("users.userId"));
        assertEquals("\"order\"", Dialect.forUrl("jdbc:postgresql://localhost/db").quote("order"));
    }

    @Test
    void dialectsRefuseToQuoteAnInvalidName() {
        Dialect hsqldb = Dialect.forUrl("jdbc:hsqldb:mem:x");
        assertThrows(InvalidIdentifierException.class, () -> hsqldb.quote("x\"y"));
    }

    @Test
    void printableCutsVeryLongValues() {
        String shown = Identifiers.printable("x".repeat(5000));
        assertTrue(shown.length() < 200, shown);
        assertTrue(shown.contains("5000 characters"), shown);
    }
}
