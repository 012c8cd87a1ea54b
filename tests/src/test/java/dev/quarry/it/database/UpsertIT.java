package dev.quarry.it.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.entity.UnknownAttributeException;
import dev.quarry.it.model.Country;
import dev.quarry.it.model.Post;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.it.support.TestDatabases;
import dev.quarry.query.InvalidQueryException;
import dev.quarry.sql.DataIntegrityException;
import dev.quarry.sql.StatementFailedException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** upsert: insert new rows, update existing ones, in one batched statement, on both databases. */
class UpsertIT extends DatabaseTest {

    private String countryName(String code) {
        return entities.get(Country.class).findOrFail(code).getName();
    }

    @Test
    void upsertInsertsRowsThatAreNew() {
        int written = entities.get(Country.class).upsert(List.of(Map.of("code", "NL", "name", "Netherlands"),
                Map.of("code", "BE", "name", "Belgium")), List.of("code"), List.of("name"));

        assertEquals(2, written);
        assertEquals("Netherlands", countryName("NL"));
        assertEquals("Belgium", countryName("BE"));
    }

    @Test
    void upsertUpdatesTheGivenAttributesOfRowsThatExist() {
        entities.get(Country.class).create(Map.of("code", "NL", "name", "Holland"));

        entities.get(Country.class).upsert(List.of(Map.of("code", "NL", "name", "Netherlands")), List.of("code"),
                List.of("name"));

        assertEquals("Netherlands", countryName("NL"));
        assertEquals(1, countRows("countries"));
    }

    @Test
    void upsertLeavesAttributesNotInUpdateAsTheyWere() {
        User ada = entities.get(User.class).create(Map.of("email", "ada@example.com", "name", "Ada", "age", 36));

        entities.get(User.class).upsert(List.of(Map.of("email", "ada@example.com", "name", "Ada L.", "age", 99)),
                List.of("email"), List.of("name"));

        User read = entities.get(User.class).findOrFail(ada.getId());
        assertEquals("Ada L.", read.getName());
        assertEquals(36, read.getAge());
    }

    @Test
    void upsertWithoutUpdateAttributesInsertsOnlyTheMissingRows() {
        entities.get(Country.class).create(Map.of("code", "NL", "name", "Holland"));

        int written = entities.get(Country.class).upsert(List.of(Map.of("code", "NL", "name", "Netherlands"),
                Map.of("code", "BE", "name", "Belgium")), List.of("code"), List.of());

        assertEquals(1, written);
        assertEquals("Holland", countryName("NL"));
        assertEquals("Belgium", countryName("BE"));
    }

    @Test
    void upsertWithoutAnUpdateListUpdatesEveryAttributeNotInUniqueBy() {
        entities.get(User.class).create(Map.of("email", "ada@example.com", "name", "Ada", "age", 36));

        entities.get(User.class).upsert(List.of(Map.of("email", "ada@example.com", "name", "Ada L.", "age", 37)),
                List.of("email"));

        User read = entities.get(User.class).where("email", "ada@example.com").firstOrFail();
        assertEquals("Ada L.", read.getName());
        assertEquals(37, read.getAge());
    }

    @Test
    void upsertOfManyRowsIsOneBatchedStatement() {
        List<Map<String, Object>> rows = List.of(Map.of("code", "NL", "name", "Netherlands"),
                Map.of("code", "BE", "name", "Belgium"), Map.of("code", "LU", "name", "Luxembourg"));

        entities.get(Country.class).upsert(rows, List.of("code"), List.of("name"));

        assertEquals(1, statements.count(), statements.sql().toString());
        assertEquals(3, countRows("countries"));
    }

    @Test
    void upsertOfNoRowsRunsNoStatement() {
        assertEquals(0, entities.get(Country.class).upsert(List.of(), List.of("code"), List.of("name")));

        assertEquals(0, statements.count());
    }

    @Test
    void upsertConvertsValuesToTheAttributesTypes() {
        entities.get(User.class).upsert(List.of(Map.of("email", "ada@example.com", "age", "42")), List.of("email"));

        assertEquals(42, entities.get(User.class).where("email", "ada@example.com").firstOrFail().getAge());
    }

    @Test
    void upsertStampsCreatedOnInsertAndOnlyUpdatedOnUpdate() {
        User ada = entities.get(User.class).create(Map.of("email", "ada@example.com"));
        Instant inserted = clock.instant();
        entities.get(Post.class).upsert(List.of(Map.of("id", 500L, "title", "First", "userId", ada.getId())),
                List.of("id"));
        clock.advance(Duration.ofMinutes(5));

        entities.get(Post.class).upsert(List.of(Map.of("id", 500L, "title", "Second", "userId", ada.getId())),
                List.of("id"));

        Post post = entities.get(Post.class).findOrFail(500L);
        assertEquals("Second", post.getTitle());
        assertEquals(inserted, post.getCreatedAt());
        assertEquals(clock.instant(), post.getUpdatedAt());
    }

    @Test
    void aFailingRowWritesNoRowAtAll() {
        List<Map<String, Object>> rows = List.of(Map.of("code", "NL", "name", "Netherlands"),
                Map.of("code", "BEL", "name", "Belgium"));   // the column holds two characters

        assertThrows(StatementFailedException.class,
                () -> entities.get(Country.class).upsert(rows, List.of("code"), List.of("name")));

        assertEquals(0, countRows("countries"));
    }

    @Test
    void rowsWithDifferentAttributesAreRefusedBeforeAnySql() {
        List<Map<String, Object>> rows = List.of(Map.of("code", "NL", "name", "Netherlands"), Map.of("code", "BE"));

        InvalidQueryException e = assertThrows(InvalidQueryException.class,
                () -> entities.get(Country.class).upsert(rows, List.of("code"), List.of("name")));

        assertTrue(e.getMessage().contains("upsert() on Country row 1 has the attributes [code]"), e.getMessage());
        assertEquals(0, statements.count());
    }

    @Test
    void anUnknownAttributeIsRefusedWithTheNearestNames() {
        UnknownAttributeException e = assertThrows(UnknownAttributeException.class, () -> entities.get(Country.class)
                .upsert(List.of(Map.of("code", "NL", "nmae", "Netherlands")), List.of("code")));

        assertTrue(e.getMessage().contains("'nmae'"), e.getMessage());
        assertEquals(0, countRows("countries"));
    }

    @Test
    void uniqueByMustBeGiven() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> entities.get(Country.class)
                .upsert(List.of(Map.of("code", "NL")), List.of(), List.of()));

        assertTrue(e.getMessage().contains("needs at least one uniqueBy attribute"), e.getMessage());
    }

    @Test
    void uniqueByMustBeInTheRows() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> entities.get(Country.class)
                .upsert(List.of(Map.of("name", "Netherlands")), List.of("code"), List.of("name")));

        assertTrue(e.getMessage().contains("uniqueBy attribute 'code' is not in the rows [name]"), e.getMessage());
    }

    @Test
    void anUpdateAttributeCannotAlsoBeUniqueBy() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> entities.get(Country.class)
                .upsert(List.of(Map.of("code", "NL", "name", "N")), List.of("code"), List.of("code", "name")));

        assertTrue(e.getMessage().contains("update attribute 'code' is also a uniqueBy attribute"), e.getMessage());
    }

    @Test
    void upsertOnAFilteredQueryIsRefused() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> entities.get(Country.class)
                .where("name", "x").upsert(List.of(Map.of("code", "NL", "name", "N")), List.of("code")));

        assertTrue(e.getMessage().contains("cannot honour where(), limit() or offset()"), e.getMessage());
    }

    @Test
    void onPostgresqlUniqueByMustMatchAUniqueIndex() {
        List<Map<String, Object>> rows = List.of(Map.of("name", "Ada", "age", 36));
        if (TestDatabases.postgres()) {
            StatementFailedException e = assertThrows(StatementFailedException.class,
                    () -> entities.get(User.class).upsert(rows, List.of("name")));
            assertTrue(e.getMessage().contains("must be exactly the columns of a unique index"), e.getMessage());
        } else {
            assertThrows(DataIntegrityException.class, () -> entities.get(User.class).upsert(rows, List.of("name")),
                    "HSQLDB matches on any columns; this row then fails NOT NULL on email");
        }
        assertEquals(0, countRows("users"));
    }
}
