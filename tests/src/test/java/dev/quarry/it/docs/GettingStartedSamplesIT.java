package dev.quarry.it.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import dev.quarry.Entities;
import dev.quarry.entity.EntityRegistry;
import dev.quarry.entity.UnknownEntityException;
import dev.quarry.inject.QuarryConfig;
import dev.quarry.inject.QuarryModule;
import dev.quarry.it.model.Person;
import dev.quarry.it.model.Post;
import dev.quarry.it.model.Tag;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.it.support.TestDatabases;
import dev.quarry.relation.pivot.SyncResult;
import dev.quarry.sql.StatementFailedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

/**
 * The samples of docs/getting-started.md. The page walks through an app generated from the
 * archetype in app-template/, whose own tests run in the archetype's integration test: the samples
 * that quote the app must quote it exactly, and the migration the page has the reader add must run
 * on both databases and behave as the page says.
 */
class GettingStartedSamplesIT extends DatabaseTest {
    /**
     * {@code <!-- from-file: path -->} before a fenced block: the block is a part of that file of the
     * archetype (DocSnippetsTest checks the Java blocks the same way, dedented; this test checks every language).
     */
    private static final Pattern FROM_FILE = Pattern.compile(
            "<!-- from-file: app-template/src/main/resources/archetype-resources/(\\S+) -->\\n```[a-z]*\\n(.*?)```", Pattern.DOTALL);

    private static String page() {
        return DocPage.read("getting-started.md");
    }

    /** A file of the app the archetype generates, with the package the page uses. */
    private static String archetypeFile(String path) {
        Path file = Path.of("..", "app-template", "src", "main", "resources", "archetype-resources", path);
        if (!Files.exists(file)) {
            file = Path.of("app-template", "src", "main", "resources", "archetype-resources", path);   // run from the repository root
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replace("${package}", "com.example.myapp");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the archetype's file " + file.toAbsolutePath(), e);
        }
    }

    @Test
    void theSamplesThatQuoteTheGeneratedAppQuoteItExactly() {
        Matcher m = FROM_FILE.matcher(page());
        List<String> checked = new ArrayList<>();
        while (m.find()) {
            String path = m.group(1);
            String sample = m.group(2);
            assertTrue(archetypeFile(path).contains(sample),
                    "getting-started.md quotes " + path + " of the archetype, but that file no longer contains:\n" + sample);
            checked.add(path);
        }
        assertEquals(List.of("src/main/java/model/Post.java", "src/main/resources/db/migration/V1__create_tables.sql",
                "src/main/java/service/PostService.java"), checked);
    }

    /**
     * The Java the reader adds in step 6 (not-run blocks: it compiles only inside the generated app) calls
     * these members of the app, which must therefore exist as the page uses them.
     */
    @Test
    void theCodeTheReaderAddsUsesWhatTheGeneratedAppHas() {
        String[][] expected = {
            {"src/main/java/model/User.java", "import dev.quarry.relation.BelongsToMany;"},
            {"src/main/java/model/User.java", "public class User extends User_Relations"},
            {"src/main/java/model/Tag.java", "public class Tag "},
            {"src/main/java/service/UserService.java", "public User find(long id)"},
            {"src/main/java/service/TagService.java", "public void requireAll(Collection<Long> ids)"},
            {"src/main/java/web/UserController.java", "private final UserService users;"},
            {"src/main/java/web/Requests.java", "static long id(Context ctx)"},
            {"src/main/java/web/Requests.java", "static List<Long> ids(Context ctx)"},
            {"src/main/java/web/TagView.java", "public static TagView of(Tag tag)"},
            {"src/main/java/web/ApiServer.java", "routes.put(\"/posts/{id}/tags\", posts::setTags);"},
        };
        for (String[] e : expected) {
            assertTrue(archetypeFile(e[0]).contains(e[1]), e[0] + " of the archetype no longer has: " + e[1]);
        }
        assertTrue(page().contains("routes.put(\"/users/{id}/tags\", users::followTags);"));
    }

    @Test
    void theMigrationTheReaderAddsKeysEachUserAndTagPairOnceAndCascades() {
        List<String> sql = DocPage.codeBlocks(page(), "sql");
        assertEquals(2, sql.size(), "getting-started.md has two sql blocks: posts_tags from V1, then the reader's V3");
        long ada = insertUserRow("ada@example.com", "Ada", null);
        long java = entities.get(Tag.class).setName("java").save().getId();

        jdbi.useHandle(handle -> handle.createScript(sql.get(1)).execute());

        String follow = "INSERT INTO \"tags_users\" (\"userId\", \"tagId\") VALUES (?, ?)";
        execute(follow, ada, java);
        assertThrows(UnableToExecuteStatementException.class, () -> execute(follow, ada, java), "the pair is the primary key");
        assertThrows(UnableToExecuteStatementException.class, () -> execute(follow, ada, 999_999L), "tagId is a foreign key");
        execute("DELETE FROM \"tags\" WHERE \"id\" = ?", java);
        assertEquals(0, countRows("tags_users"), "deleting the tag deletes its pivot rows");
    }

    @Test
    void replacingAPostsTagsDetachesAttachesAndKeepsAsThePageSays() {
        long ada = insertUserRow("ada@example.com", "Ada", null);
        Post post = entities.get(Post.class).setUserId(ada).setTitle("Hello, Quarry").save();
        long java = entities.get(Tag.class).setName("java").save().getId();
        long orm = entities.get(Tag.class).setName("orm").save().getId();
        long guice = entities.get(Tag.class).setName("guice").save().getId();

        post.setTags(List.of(java, orm));
        SyncResult replaced = post.setTags(List.of(orm, guice));

        assertEquals(List.of(guice), replaced.attached());
        assertEquals(List.of(java), replaced.detached());
        assertEquals(List.of("guice", "orm"), post.getTags().stream().map(Tag::getName).sorted().toList());
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
        try {
            UnknownEntityException e = assertThrows(UnknownEntityException.class,
                    () -> bare.get("Post"));
            assertEquals("UnknownEntity", e.errorId());
            assertFalse(bare.registry().names().contains("Post"));
        } finally {
            bare.database().close();
        }
    }

    @Test
    void theGeneratedAppsDefaultDatabaseIsOneUrl() {
        QuarryConfig config = QuarryModule.builder().url("jdbc:hsqldb:file:data/app;shutdown=true").config();
        assertEquals("jdbc:hsqldb:file:data/app;shutdown=true", config.url());
        assertTrue(page().contains("jdbc:hsqldb:file:data/app;shutdown=true"), "the page names the app's default URL");
        assertTrue(archetypeFile("src/main/java/AppConfig.java").contains("\"jdbc:hsqldb:file:data/app;shutdown=true\""),
                "the app's default URL is the one the page names");
    }
}
