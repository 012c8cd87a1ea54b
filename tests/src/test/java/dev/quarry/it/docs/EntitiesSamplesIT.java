package dev.quarry.it.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.OptionalBinder;
import dev.quarry.Entities;
import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.DetachedEntityException;
import dev.quarry.entity.EntityMetadata;
import dev.quarry.entity.EntityRegistry;
import dev.quarry.entity.InvalidEntityException;
import dev.quarry.entity.KeyGeneration;
import dev.quarry.entity.UnknownEntityException;
import dev.quarry.inject.InvalidConfigurationException;
import dev.quarry.inject.QuarryConfig;
import dev.quarry.inject.QuarryModule;
import dev.quarry.it.model.Account;
import dev.quarry.it.model.BlogPost;
import dev.quarry.it.model.BlogUser;
import dev.quarry.it.model.Country;
import dev.quarry.it.model.Greeter;
import dev.quarry.it.model.Membership;
import dev.quarry.it.model.Person;
import dev.quarry.it.model.Post;
import dev.quarry.it.model.User;
import dev.quarry.it.model.Visitor;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.naming.NamingStrategy;
import dev.quarry.testing.StatementRecorder;
import dev.quarry.validation.EntityValidationException;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The samples of docs/entities.md. */
class EntitiesSamplesIT extends DatabaseTest {

    /** The broken entity of "Start-up checks": no key, and a final attribute. Not @Entity, so it compiles. */
    static class Draft extends BaseEntity<Draft> {
        private final String title;

        Draft() {
            this.title = "untitled";
        }

        String title() {
            return title;
        }
    }

    @Test
    void attributesAreTheFieldsButNotInjectedOnes() {
        assertEquals(List.of("id", "name"), entities.get(Visitor.class).metadata().attributeNames());
        assertEquals(List.of("id", "name"),
                entities.get(dev.quarry.it.docs.entities.Visitor.class).metadata().attributeNames());
        assertEquals(List.of("id", "userId", "title", "body", "published", "createdAt", "updatedAt"),
                entities.get(Post.class).metadata().attributeNames());
    }

    @Test
    void thePagesFirstEntity() {
        dev.quarry.it.docs.entities.User ada = entities.get(dev.quarry.it.docs.entities.User.class)
                .setEmail("ada@example.com").setName("Ada").save();

        assertEquals(List.of("id", "email", "name"), ada.metadata().attributeNames());
        assertEquals("Ada", entities.get(User.class).findOrFail(ada.getId()).getName());
        assertThrows(EntityValidationException.class,
                () -> entities.get(dev.quarry.it.docs.entities.User.class).setEmail("not an email").save());
    }

    @Test
    void eachGetIsANewUnsavedInstance() {
        // snippet:start entities-get
        User byName = entities.get("User");          // as Quick's getInstance("User")
        User byClass = entities.get(User.class);     // the checked variant
        // snippet:end

        assertNotSame(byName, byClass);
        assertNotSame(byClass, entities.get(User.class));
        assertFalse(byName.isLoaded());
        assertEquals("User", byClass.mappingName());
    }

    @Test
    void aProviderOfAnEntity() {
        SignUp signUp = injector.getInstance(SignUp.class);
        User ada = signUp.register("ada@example.com");
        User grace = signUp.register("grace@example.com");

        assertNotSame(ada, grace);
        assertNotNull(ada.getId());
        assertEquals(2, countRows("users"));
    }

    @Test
    void anEntityMadeWithNewIsDetached() {
        DetachedEntityException e = assertThrows(DetachedEntityException.class,
                () -> new User().setEmail("ada@example.com").save());
        assertEquals("DetachedEntity", e.errorId());
        assertThrows(DetachedEntityException.class, () -> new User().query());
        assertEquals(0, statements.count());
    }

    @Test
    void anUnknownNameListsTheNearestOnes() {
        UnknownEntityException e = assertThrows(UnknownEntityException.class, () -> entities.get("Usr"));
        assertTrue(e.getMessage().startsWith("[Quarry/UnknownEntity] No entity is registered as 'Usr'.\n"
                + "  Did you mean User, User@blog?"), e.getMessage());
    }

    @Test
    void servicesAreInjectedIntoEveryInstanceIncludingRowsRead() {
        // snippet:start entities-visitor-using
        Visitor ada = entities.get(Visitor.class).setName("Ada").save();
        entities.get(Visitor.class).findOrFail(ada.getId()).greeting();   // "Hello, Ada!"
        // snippet:end
        assertEquals("Hello, Ada!", entities.get(Visitor.class).findOrFail(ada.getId()).greeting());
        assertEquals("Hello, Ada!", entities.get(Visitor.class).query().get().get(0).greeting());
    }

    @Test
    void constructorInjection() {
        EntityMetadata<dev.quarry.it.docs.entities.injected.Visitor> metadata =
                entities.get(dev.quarry.it.docs.entities.injected.Visitor.class).metadata();
        assertEquals(List.of("id", "name"), metadata.attributeNames());
        assertEquals("visitors", metadata.table());
        dev.quarry.it.docs.entities.injected.Visitor ada =
                entities.get(dev.quarry.it.docs.entities.injected.Visitor.class).setName("Ada").save();
        assertEquals("Hello, Ada!",
                entities.get(dev.quarry.it.docs.entities.injected.Visitor.class).findOrFail(ada.getId()).greeting());
    }

    @Test
    void mappingNamesAndModules() {
        // snippet:start entities-module-get
        BlogUser author = entities.get("User@blog");
        // snippet:end

        assertEquals("User@blog", author.mappingName());
        assertEquals("User", author.metadata().baseName());
        assertEquals("blog_users", author.metadata().table());
        assertEquals("users", entities.get(User.class).metadata().table());
        author.setHandle("ada").save();
        assertEquals(1, countRows("blog_users"));
        assertEquals(0, countRows("users"));
    }

    @Test
    void registrationByHand() {
        // snippet:start entities-by-hand
        Injector injector = Guice.createInjector(QuarryModule.builder()
                .entity(User.class)                  // under its @Entity or class name
                .entity(Person.class, "Human")       // under an explicit mapping name
                .withoutIndex()                      // only these two: ignore the index
                .build());
        // snippet:end

        assertEquals(Set.of("User", "Human"), injector.getInstance(EntityRegistry.class).names());
        assertEquals("humans", injector.getInstance(EntityRegistry.class).metadata("Human").table());
    }

    @Test
    void byHandAndIndexedTogether() {
        Injector both = Guice.createInjector(QuarryModule.builder().url(url).entity(Person.class, "Human").build());
        Set<String> names = both.getInstance(EntityRegistry.class).names();
        assertTrue(names.contains("Human") && names.contains("User@blog"), names.toString());
    }

    @Test
    void theNamingTable() {
        String[][] tables = {
            {"User", "users"}, {"Category", "categories"}, {"Person", "people"}, {"BlogPost", "blog_posts"},
            {"Status", "statuses"}, {"News", "news"}, {"HTTPLog", "http_logs"},
        };
        for (String[] row : tables) {
            assertEquals(row[1], NamingStrategy.quick().tableName(row[0]), row[0]);
            assertEquals(row[1], NamingStrategy.snakeCase().tableName(row[0]), row[0]);
        }
        assertEquals("createdAt", NamingStrategy.quick().columnName("createdAt"));
        assertEquals("created_at", NamingStrategy.snakeCase().columnName("createdAt"));
        assertEquals("userId", NamingStrategy.quick().columnName("userId"));
        assertEquals("user_id", NamingStrategy.snakeCase().columnName("userId"));
    }

    @Test
    void snakeCaseForTheWholeApplication() {
        // snippet:start entities-snake-case
        Injector injector = Guice.createInjector(QuarryModule.builder().naming(NamingStrategy.snakeCase()).build());
        // snippet:end

        EntityMetadata<?> post = injector.getInstance(EntityRegistry.class).metadata("Post");
        assertEquals("created_at", post.findAttribute("createdAt").orElseThrow().column());
        assertEquals("posts", post.table());
    }

    @Test
    void tableAndColumnOverrides() {
        assertEquals("blog_users", entities.get(BlogUser.class).metadata().table());
        assertEquals("headline", entities.get(BlogPost.class).metadata().attribute("title").column());
        BlogPost post = entities.get(BlogPost.class).setTitle("Hello").save();
        assertEquals("Hello", rows("blog_posts", "id").get(0).get("headline"));
        assertEquals("Hello", entities.get(BlogPost.class).findOrFail(post.getId()).getTitle());
    }

    @Test
    void keys() {
        // snippet:start entities-keys-using
        Account acme = entities.get(Account.class).setName("Acme").save();
        acme.getId();                                        // a random UUID

        entities.get(Country.class).setCode("NZ").setName("New Zealand").save();
        Optional<Country> nz = entities.get(Country.class).find("NZ");

        entities.get(Membership.class).setUserId(1L).setTeamId(2L).setLevel("owner").save();
        Membership owner = entities.get(Membership.class)
                .findOrFail(Map.of("userId", 1L, "teamId", 2L));   // a composite key is a Map
        owner.keyValue();                                    // {userId=1, teamId=2}
        // snippet:end

        assertInstanceOf(UUID.class, acme.getId());
        assertEquals("New Zealand", nz.orElseThrow().getName());
        assertEquals(Map.of("userId", 1L, "teamId", 2L), owner.keyValue());
        assertEquals("owner", owner.getLevel());
    }

    @Test
    void keyGenerationFromTheKeyType() {
        assertEquals(KeyGeneration.IDENTITY, entities.get(User.class).metadata().keyGeneration());
        assertEquals(KeyGeneration.UUID, entities.get(Account.class).metadata().keyGeneration());
        assertEquals(KeyGeneration.ASSIGNED, entities.get(Country.class).metadata().keyGeneration());
        assertEquals(KeyGeneration.ASSIGNED, entities.get(Membership.class).metadata().keyGeneration());
        assertTrue(entities.get(Account.class).metadata().attribute("id").isGuarded());
        assertTrue(entities.get(User.class).metadata().attribute("id").isGuarded());
        assertFalse(entities.get(Country.class).metadata().attribute("code").isGuarded());
    }

    @Test
    void timestamps() {
        Post post = entities.get(Post.class).setTitle("Hello").save();
        Instant created = clock.instant();
        assertEquals(created, post.getCreatedAt());
        assertEquals(created, post.getUpdatedAt());

        clock.advance(Duration.ofMinutes(5));
        statements.reset();
        post.save();                                     // nothing to write: updatedAt untouched
        assertEquals(0, statements.count());
        assertEquals(created, post.getUpdatedAt());

        post.setBody("More").save();
        assertEquals(created, post.getCreatedAt());
        assertEquals(created.plus(Duration.ofMinutes(5)), post.getUpdatedAt());

        clock.advance(Duration.ofMinutes(5));
        entities.get(Post.class).query().where("id", post.getId()).update(Map.of("published", true));
        assertEquals(created.plus(Duration.ofMinutes(10)), post.fresh().orElseThrow().getUpdatedAt());

        dev.quarry.it.docs.entities.Post pagePost = entities.get(dev.quarry.it.docs.entities.Post.class).setTitle("Page").save();
        assertEquals(clock.instant(), pagePost.getCreatedAt());
        assertEquals(clock.instant(), pagePost.getUpdatedAt());
    }

    @Test
    void aClockOfYourOwn() {
        // snippet:start entities-clock
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
        Injector injector = Guice.createInjector(new QuarryModule(),
                binder -> OptionalBinder.newOptionalBinder(binder, Clock.class).setBinding().toInstance(clock));
        // snippet:end
        assertEquals(clock, injector.getInstance(Clock.class));

        Injector onTheTestDatabase = Guice.createInjector(QuarryModule.builder().url(url).build(),
                binder -> OptionalBinder.newOptionalBinder(binder, Clock.class).setBinding().toInstance(clock));
        Post post = onTheTestDatabase.getInstance(Entities.class).get(Post.class).setTitle("Hello").save();
        assertEquals(Instant.parse("2026-03-01T12:00:00Z"), post.getCreatedAt());
    }

    @Test
    void theBuilderDefaults() {
        QuarryConfig defaults = QuarryModule.builder().config();
        assertEquals("jdbc:hsqldb:mem:quarry", defaults.url());
        assertEquals(null, defaults.username());
        assertEquals(NamingStrategy.quick(), defaults.naming());
        assertTrue(defaults.useIndex());
        assertFalse(QuarryModule.builder().withoutIndex().config().useIndex());
        assertEquals("SA", QuarryModule.builder().credentials("SA", "").config().username());
    }

    @Test
    void settingsFromProperties() {
        // snippet:start entities-properties
        Properties properties = new Properties();
        properties.setProperty("quarry.url", "jdbc:hsqldb:mem:app");
        properties.setProperty("quarry.naming", "snake_case");
        Injector injector = Guice.createInjector(new QuarryModule(QuarryConfig.fromProperties(properties)));
        // snippet:end

        QuarryConfig config = injector.getInstance(QuarryConfig.class);
        assertEquals("jdbc:hsqldb:mem:app", config.url());
        assertEquals(NamingStrategy.snakeCase(), config.naming());
        assertEquals(QuarryConfig.DEFAULT_URL, QuarryConfig.fromProperties(new Properties()).url());

        properties.setProperty("quarry.naming", "camel");
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> QuarryConfig.fromProperties(properties));
        assertEquals("InvalidConfiguration", e.errorId());
    }

    @Test
    void countingStatementsWithARecorder() {
        // snippet:start entities-recorder
        StatementRecorder recorder = new StatementRecorder();
        Injector injector = Guice.createInjector(QuarryModule.builder().url(url).statementListener(recorder).build());
        Entities entities = injector.getInstance(Entities.class);

        recorder.reset();
        entities.get(User.class).where("active", true).get();
        assertEquals(1, recorder.count());
        recorder.sql();   // [SELECT "users"."id", ... FROM "users" WHERE "users"."active" = ?]
        // snippet:end
        assertEquals(List.of("SELECT \"users\".\"id\", \"users\".\"email\", \"users\".\"name\", \"users\".\"active\","
                + " \"users\".\"role\", \"users\".\"age\", \"users\".\"admin\" FROM \"users\" WHERE \"users\".\"active\" = ?"),
                recorder.sql());
        assertTrue(recorder.statements().get(0).isSelect());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        CreationException wrapped = assertThrows(CreationException.class, () -> Guice.createInjector(
                QuarryModule.builder().withoutIndex().entity(Draft.class).build()));
        InvalidEntityException e = assertInstanceOf(InvalidEntityException.class, wrapped.getCause());

        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().startsWith("[Quarry/InvalidEntity] 2 entity declarations are invalid:"), e.getMessage());
        assertTrue(e.problems().get(0).endsWith("Draft has no key attribute: add a field `Long id`,"
                + " or mark the key field(s) with @Id."), e.problems().get(0));
        assertTrue(e.problems().get(1).endsWith("Draft has the final attribute field title: attribute fields are written"
                + " when rows are read: remove `final`, or mark the field transient."), e.problems().get(1));
        assertEquals("untitled", new Draft().title());
    }

    @Test
    void metadata() {
        // snippet:start entities-metadata
        EntityMetadata<User> user = entities.get(User.class).metadata();
        user.name();                 // "User"
        user.table();                // "users"
        user.keyColumns();           // [id]
        user.attributeNames();       // [id, email, name, active, role, age, admin]
        user.scopeNames();           // [active, ofRole, olderThan]

        entities.registry().names(); // every mapping name
        entities.get(BlogPost.class).metadata().attribute("title").column();   // "headline"
        // snippet:end

        assertEquals("User", user.name());
        assertEquals("users", user.table());
        assertEquals(List.of("id"), user.keyColumns());
        assertEquals(List.of("id", "email", "name", "active", "role", "age", "admin"), user.attributeNames());
        assertEquals(List.of("active", "ofRole", "olderThan"), user.scopeNames());
        assertTrue(entities.registry().names().contains("User@blog"));
        assertEquals("headline", entities.get(BlogPost.class).metadata().attribute("title").column());
    }
}
