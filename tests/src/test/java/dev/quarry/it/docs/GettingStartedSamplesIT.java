package dev.quarry.it.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.quarry.Entities;
import dev.quarry.entity.EntityRegistry;
import dev.quarry.entity.UnknownEntityException;
import dev.quarry.inject.QuarryConfig;
import dev.quarry.inject.QuarryModule;
import dev.quarry.it.model.Person;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.it.support.TestDatabases;
import dev.quarry.sql.StatementFailedException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The samples of docs/getting-started.md. */
class GettingStartedSamplesIT extends DatabaseTest {

    /** The page's CREATE TABLE, taken from the page itself. */
    private static String createUsersTable() {
        List<String> sql = DocPage.codeBlocks(DocPage.read("getting-started.md"), "sql");
        assertEquals(1, sql.size(), "getting-started.md has one sql block, the CREATE TABLE");
        return sql.get(0);
    }

    @Test
    void zeroConfigurationGetSaveAndQuery() {
        String createUsersTable = createUsersTable();

        Injector injector = Guice.createInjector(new QuarryModule());
        Entities entities = injector.getInstance(Entities.class);

        // for a tutorial, run the DDL above through Quarry's JDBI instance
        entities.database().jdbi().useHandle(handle -> handle.execute(createUsersTable));
        try {
            assertEquals(QuarryConfig.DEFAULT_URL, injector.getInstance(QuarryConfig.class).url());

            User ada = entities.get("User");
            ada.setEmail("ada@example.com").setName("Ada").save();    // INSERT; the key is read back

            assertEquals(1L, ada.getId());
            assertEquals(true, ada.getActive());
            assertEquals("member", ada.getRole());

            User grace = entities.get(User.class)
                    .create(Map.of("email", "grace@example.com", "name", "Grace"));

            List<User> found = entities.get(User.class)
                    .where("email", "like", "%@example.com")
                    .orderBy("name")
                    .get();                                             // [Ada, Grace]: one SELECT

            Optional<User> same = entities.get(User.class).find(ada.getId());

            assertEquals(List.of("Ada", "Grace"), found.stream().map(User::getName).toList());
            assertEquals(2L, grace.getId());
            assertEquals("ada@example.com", same.orElseThrow().getEmail());
        } finally {
            entities.database().jdbi().useHandle(handle -> handle.execute("DROP TABLE \"users\""));
        }
    }

    @Test
    void theIndexRegistersTheFixtureEntitiesWithoutConfiguration() {
        // the processor ran on the test sources (annotationProcessorPaths in tests/pom.xml)
        EntityRegistry registry = injector.getInstance(EntityRegistry.class);
        assertTrue(registry.names().containsAll(List.of("User", "User@blog", "Post")), registry.names().toString());
    }

    @Test
    void anUnquotedTableIsNotFoundAndTheErrorSaysWhy() {
        execute("DROP TABLE \"people\"");
        execute("CREATE TABLE people (id BIGINT PRIMARY KEY, name VARCHAR(100))");   // HSQLDB: really PEOPLE, ID, NAME
        if (TestDatabases.postgres()) {
            // PostgreSQL folds unquoted names to lower case, which matches these lower-case names.
            assertEquals(0, entities.get(Person.class).count());
            return;
        }
        StatementFailedException e = assertThrows(StatementFailedException.class,
                () -> entities.get(Person.class).count());
        assertTrue(e.getMessage().contains("create tables and columns with quoted names"), e.getMessage());
    }

    @Test
    void withoutTheProcessorTheFirstGetFailsWithUnknownEntity() {
        Entities bare = Guice.createInjector(QuarryModule.builder().url(url).withoutIndex().build())
                .getInstance(Entities.class);
        UnknownEntityException e = assertThrows(UnknownEntityException.class,
                () -> bare.get("User"));
        assertEquals("UnknownEntity", e.errorId());
        assertFalse(bare.registry().names().contains("User"));
    }

    @Test
    void aFileDatabaseIsOneUrlAway() {
        QuarryConfig config = QuarryModule.builder().url("jdbc:hsqldb:file:data/app").config();
        assertEquals("jdbc:hsqldb:file:data/app", config.url());
    }
}
