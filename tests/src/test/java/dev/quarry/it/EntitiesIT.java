package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Provider;
import dev.quarry.Entities;
import dev.quarry.entity.Attribute;
import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.DetachedEntityException;
import dev.quarry.entity.EntityMetadata;
import dev.quarry.entity.EntityRegistry;
import dev.quarry.entity.KeyGeneration;
import dev.quarry.entity.UnknownAttributeException;
import dev.quarry.entity.UnknownEntityException;
import dev.quarry.inject.QuarryModule;
import dev.quarry.it.model.Account;
import dev.quarry.it.model.BlogPost;
import dev.quarry.it.model.BlogUser;
import dev.quarry.it.model.Category;
import dev.quarry.it.model.Country;
import dev.quarry.it.model.Membership;
import dev.quarry.it.model.Person;
import dev.quarry.it.model.Post;
import dev.quarry.it.model.User;
import dev.quarry.it.model.Visitor;
import dev.quarry.it.support.DatabaseTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Getting entities from the container: by name, by class, by provider; modules; errors; metadata. */
class EntitiesIT extends DatabaseTest {

    private static final Set<String> MODEL_ENTITIES = Set.of(
            "Account", "BlogPost", "User@blog", "Category", "Country", "Membership", "Person", "Post", "User", "Visitor");

    private static final Set<Class<?>> MODEL_CLASSES = Set.of(
            Account.class, BlogPost.class, BlogUser.class, Category.class, Country.class, Membership.class,
            Person.class, Post.class, User.class, Visitor.class);

    /** A service that asks for entities the way an application would: through an injected provider. */
    static final class SignUp {
        private final jakarta.inject.Provider<User> users;

        @Inject
        SignUp(jakarta.inject.Provider<User> users) {
            this.users = users;
        }

        User register(String email) {
            return users.get().setEmail(email).save();
        }
    }

    // ---- get(name) / get(Class) ------------------------------------------------------------------

    @Test
    void getByNameReturnsAnInstanceOfTheMappedClass() {
        Object user = entities.get("User");
        assertInstanceOf(User.class, user);
    }

    @Test
    void getByNameReturnsANewInstanceEachTime() {
        User first = entities.get("User");
        User second = entities.get("User");
        assertNotSame(first, second);
    }

    @Test
    void getByNameReturnsAnUnsavedInstance() {
        User user = entities.get("User");
        assertAll(
                () -> assertFalse(user.isLoaded(), "a new entity has no row yet"),
                () -> assertNull(user.getId()),
                () -> assertFalse(user.isDirty(), "a new entity has no changes yet"));
    }

    @Test
    void getByClassReturnsANewInstanceEachTime() {
        User first = entities.get(User.class);
        User second = entities.get(User.class);
        assertNotSame(first, second);
    }

    @Test
    void getByClassReturnsAnUnsavedInstance() {
        User user = entities.get(User.class);
        assertFalse(user.isLoaded());
        assertNull(user.getId());
    }

    @Test
    void changingOneInstanceDoesNotChangeTheNextOne() {
        User first = entities.get(User.class);
        first.setEmail("ada@example.com");
        User second = entities.get(User.class);
        assertNull(second.getEmail());
        assertFalse(second.isDirty());
    }

    @Test
    void anInstanceFromGetCanBeSaved() {
        User user = entities.get("User");
        user.setEmail("ada@example.com").save();
        assertTrue(user.isLoaded());
        assertNotNull(user.getId());
        assertEquals(1, countRows("users"));
    }

    @Test
    void getByNameAndGetByClassGiveTheSameKindOfEntity() {
        User byName = entities.get("User");
        User byClass = entities.get(User.class);
        assertSame(byName.metadata(), byClass.metadata());
        assertEquals("User", byClass.mappingName());
    }

    @Test
    void anInstanceFromGetStartsQueriesAgainstItsTable() {
        execute("INSERT INTO \"users\" (\"email\", \"name\") VALUES ('ada@example.com', 'Ada')");
        List<User> all = entities.get(User.class).all();
        assertEquals(1, all.size());
        assertEquals("Ada", all.get(0).getName());
        assertTrue(all.get(0).isLoaded());
    }

    // ---- providers -------------------------------------------------------------------------------

    @Test
    void aProviderFromTheInjectorGivesWorkingEntities() {
        User user = injector.getProvider(User.class).get();
        user.setEmail("ada@example.com").save();
        assertNotNull(user.getId());
        assertEquals("ada@example.com", rows("users", "id").get(0).get("email"));
    }

    @Test
    void aProviderFromTheInjectorGivesANewInstanceEachTime() {
        Provider<User> users = injector.getProvider(User.class);
        assertNotSame(users.get(), users.get());
    }

    @Test
    void aProviderFromTheInjectorGivesUnsavedInstances() {
        User user = injector.getProvider(User.class).get();
        assertFalse(user.isLoaded());
        assertEquals("User", user.mappingName());
    }

    @Test
    void anInjectedProviderInAServiceGivesWorkingEntities() {
        SignUp signUp = injector.getInstance(SignUp.class);
        User ada = signUp.register("ada@example.com");
        User grace = signUp.register("grace@example.com");
        assertNotSame(ada, grace);
        assertEquals(2, countRows("users"));
        assertEquals(2, entities.get(User.class).count());
    }

    @Test
    void injectorGetInstanceGivesAWorkingEntityToo() {
        Category category = injector.getInstance(Category.class);
        category.setName("Books").save();
        assertEquals(1, countRows("categories"));
    }

    @Test
    void entitiesOfTwoInjectorsUseTheirOwnDatabases() {
        String otherUrl = "jdbc:hsqldb:mem:EntitiesIT-other-" + UUID.randomUUID();
        Injector other = Guice.createInjector(
                QuarryModule.builder().url(otherUrl).build());
        Jdbi otherJdbi = other.getInstance(Jdbi.class);
        try {
            otherJdbi.useHandle(h -> h.execute("CREATE TABLE \"users\" (\"id\" BIGINT GENERATED BY DEFAULT AS IDENTITY"
                    + " PRIMARY KEY, \"email\" VARCHAR(255), \"name\" VARCHAR(100), \"active\" BOOLEAN,"
                    + " \"role\" VARCHAR(20), \"age\" INTEGER, \"admin\" BOOLEAN)"));
            other.getInstance(Entities.class).get(User.class).setEmail("grace@example.com").save();
            entities.get(User.class).setEmail("ada@example.com").save();
            entities.get(User.class).setEmail("alan@example.com").save();
            assertEquals(2, entities.get(User.class).count());
            assertEquals(1, other.getInstance(Entities.class).get(User.class).count());
        } finally {
            otherJdbi.useHandle(h -> h.execute("SHUTDOWN"));
        }
    }

    // ---- entities with injected services ---------------------------------------------------------

    @Test
    void anEntityMadeByTheContainerGetsItsServicesInjected() {
        Visitor visitor = entities.get(Visitor.class);
        visitor.setName("Ada");
        assertEquals("Hello, Ada!", visitor.greeting());
    }

    @Test
    void anEntityMadeByNameGetsItsServicesInjected() {
        Visitor visitor = entities.get("Visitor");
        visitor.setName("Ada");
        assertEquals("Hello, Ada!", visitor.greeting());
    }

    @Test
    void anEntityFromAProviderGetsItsServicesInjected() {
        Visitor visitor = injector.getProvider(Visitor.class).get();
        visitor.setName("Ada");
        assertEquals("Hello, Ada!", visitor.greeting());
    }

    @Test
    void anEntityWithInjectedServicesCanBeSaved() {
        Visitor visitor = entities.get(Visitor.class);
        visitor.setName("Ada").save();
        assertNotNull(visitor.getId());
        assertEquals("Ada", rows("visitors", "id").get(0).get("name"));
    }

    @Test
    void rowsReadByAQueryGetTheirServicesInjected() {
        execute("INSERT INTO \"visitors\" (\"name\") VALUES ('Ada')");
        execute("INSERT INTO \"visitors\" (\"name\") VALUES ('Grace')");
        List<Visitor> visitors = entities.get(Visitor.class).orderBy("name").get();
        assertEquals(List.of("Hello, Ada!", "Hello, Grace!"), visitors.stream().map(Visitor::greeting).toList());
    }

    @Test
    void aRowFoundByKeyGetsItsServicesInjected() {
        Visitor saved = entities.get(Visitor.class).setName("Ada").save();
        Visitor found = entities.get(Visitor.class).findOrFail(saved.getId());
        assertNotSame(saved, found);
        assertEquals("Hello, Ada!", found.greeting());
    }

    @Test
    void rowsReadWithInjectedServicesAreLoadedAndClean() {
        execute("INSERT INTO \"visitors\" (\"name\") VALUES ('Ada')");
        Visitor visitor = entities.get(Visitor.class).firstOrFail();
        assertTrue(visitor.isLoaded(), "a row read from the table is loaded");
        assertFalse(visitor.isDirty(), "a row just read has no changes");
        assertEquals("Ada", visitor.originalValue("name"));
    }

    @Test
    void aRowReadWithInjectedServicesIsUpdatedNotInsertedAgain() {
        execute("INSERT INTO \"visitors\" (\"name\") VALUES ('Ada')");
        Visitor visitor = entities.get(Visitor.class).firstOrFail();
        visitor.setName("Ada L").save();
        assertEquals(1, countRows("visitors"));
        assertEquals("Ada L", rows("visitors", "id").get(0).get("name"));
    }

    // ---- unknown names ---------------------------------------------------------------------------

    @Test
    void anUnknownNameThrowsUnknownEntityException() {
        assertThrows(UnknownEntityException.class, () -> entities.get("Usr"));
    }

    @Test
    void anUnknownNameIsNamedInTheMessage() {
        UnknownEntityException e = assertThrows(UnknownEntityException.class, () -> entities.get("Usr"));
        assertTrue(e.getMessage().contains("'Usr'"), e.getMessage());
    }

    @Test
    void anUnknownNameIsReportedAsRequested() {
        UnknownEntityException e = assertThrows(UnknownEntityException.class, () -> entities.get("Usr"));
        assertEquals("Usr", e.requested());
        assertEquals("UnknownEntity", e.errorId());
    }

    @Test
    void aMisspelledNameSuggestsTheNearestName() {
        UnknownEntityException e = assertThrows(UnknownEntityException.class, () -> entities.get("Usr"));
        assertTrue(e.getMessage().contains("Did you mean User"), e.getMessage());
    }

    @Test
    void aNameInTheWrongCaseIsNotFound() {
        assertThrows(UnknownEntityException.class, () -> entities.get("user"));
    }

    @Test
    void aNameInTheWrongCaseSuggestsTheRightCase() {
        UnknownEntityException e = assertThrows(UnknownEntityException.class, () -> entities.get("user"));
        assertTrue(e.getMessage().contains("Did you mean User"), e.getMessage());
        assertTrue(e.getMessage().contains("'user'"), e.getMessage());
    }

    @Test
    void aModuleNameInTheWrongCaseSuggestsTheRightOne() {
        UnknownEntityException e = assertThrows(UnknownEntityException.class, () -> entities.get("User@Blog"));
        assertTrue(e.getMessage().contains("User@blog"), e.getMessage());
    }

    @Test
    void aNameFarFromEveryKnownNameGetsNoSuggestions() {
        UnknownEntityException e = assertThrows(UnknownEntityException.class, () -> entities.get("Admin"));
        assertFalse(e.getMessage().contains("Did you mean"), e.getMessage());
    }

    @Test
    void aNameFarFromEveryKnownNameIsStillNamedInTheMessage() {
        UnknownEntityException e = assertThrows(UnknownEntityException.class, () -> entities.get("Admin"));
        assertTrue(e.getMessage().contains("'Admin'"), e.getMessage());
        assertEquals("Admin", e.requested());
    }

    @Test
    void theUnknownEntityMessageTellsHowToRegisterAnEntity() {
        UnknownEntityException e = assertThrows(UnknownEntityException.class, () -> entities.get("Admin"));
        assertTrue(e.getMessage().contains("QuarryModule.builder().entity("), e.getMessage());
        assertTrue(e.getMessage().contains("@Entity"), e.getMessage());
    }

    @Test
    void aNullNameThrowsUnknownEntityException() {
        assertThrows(UnknownEntityException.class, () -> entities.get((String) null));
    }

    // ---- module namespaces -----------------------------------------------------------------------

    @Test
    void aModuleNameGetsTheModulesEntity() {
        Object user = entities.get("User@blog");
        assertInstanceOf(BlogUser.class, user);
    }

    @Test
    void aModuleEntityIsMappedToItsOwnTable() {
        BlogUser user = entities.get("User@blog");
        assertEquals("blog_users", user.metadata().table());
        assertEquals("User@blog", user.mappingName());
        assertEquals("User", user.metadata().baseName());
    }

    @Test
    void theNameWithoutAModuleGetsTheApplicationsEntity() {
        Object user = entities.get("User");
        assertEquals(User.class, user.getClass());
        assertEquals("dev.quarry.it.model.User", user.getClass().getName());
    }

    @Test
    void aModuleEntityAndAnApplicationEntityOfTheSameNameCoexist() {
        User user = entities.get("User");
        BlogUser blogUser = entities.get("User@blog");
        user.setEmail("ada@example.com").save();
        blogUser.setHandle("ada").save();
        assertEquals(1, countRows("users"));
        assertEquals(1, countRows("blog_users"));
        assertEquals("ada", rows("blog_users", "id").get(0).get("handle"));
    }

    @Test
    void aModuleEntityQueriesOnlyItsOwnTable() {
        execute("INSERT INTO \"blog_users\" (\"handle\") VALUES ('ada')");
        execute("INSERT INTO \"blog_users\" (\"handle\") VALUES ('grace')");
        BlogUser blogUser = entities.get("User@blog");
        User user = entities.get("User");
        assertEquals(2, blogUser.count());
        assertEquals(0, user.count());
    }

    @Test
    void getByModuleClassReturnsTheModuleEntity() {
        BlogUser user = entities.get(BlogUser.class);
        assertEquals("User@blog", user.mappingName());
    }

    // ---- the registry ----------------------------------------------------------------------------

    @Test
    void theRegistryListsEveryModelEntityName() {
        Set<String> names = entities.registry().names();
        assertTrue(names.containsAll(MODEL_ENTITIES), () -> "missing: " + MODEL_ENTITIES.stream()
                .filter(n -> !names.contains(n)).toList() + " in " + names);
    }

    @Test
    void theRegistryHoldsExactlyTheIndexedClasses() {
        Set<Class<?>> indexed = Set.copyOf(EntityRegistry.indexedClasses(Thread.currentThread().getContextClassLoader()));
        Set<Class<?>> registered = entities.registry().all().stream().map(EntityMetadata::type)
                .collect(Collectors.toSet());
        assertEquals(indexed, registered);
    }

    @Test
    void theIndexListsEveryModelEntityClass() {
        List<Class<?>> indexed = EntityRegistry.indexedClasses(Thread.currentThread().getContextClassLoader());
        assertTrue(indexed.containsAll(MODEL_CLASSES), () -> "index: " + indexed);
    }

    @Test
    void theIndexListsEachClassOnce() {
        List<Class<?>> indexed = EntityRegistry.indexedClasses(Thread.currentThread().getContextClassLoader());
        assertEquals(Set.copyOf(indexed).size(), indexed.size(), () -> "index: " + indexed);
    }

    @Test
    void theIndexListsNoClassThatIsNotAnEntity() {
        List<Class<?>> indexed = EntityRegistry.indexedClasses(Thread.currentThread().getContextClassLoader());
        assertTrue(indexed.stream().allMatch(BaseEntity.class::isAssignableFrom), () -> "index: " + indexed);
    }

    @Test
    void theRegistryHasOneMetadataPerName() {
        assertEquals(entities.registry().names().size(), entities.registry().all().size());
    }

    @Test
    void theRegistryFindsAnEntityByName() {
        assertEquals(BlogUser.class, entities.registry().find("User@blog").orElseThrow().type());
    }

    @Test
    void theRegistryFindsNothingForAnUnknownName() {
        assertTrue(entities.registry().find("Usr").isEmpty());
    }

    @Test
    void theRegistryNamesAreACopy() {
        Set<String> names = entities.registry().names();
        names.clear();
        assertTrue(entities.registry().names().contains("User"));
    }

    @Test
    void theInjectedRegistryIsTheOneEntitiesUses() {
        assertSame(entities.registry(), injector.getInstance(EntityRegistry.class));
    }

    // ---- detached entities -----------------------------------------------------------------------

    @Test
    void anEntityMadeWithNewCannotBeSaved() {
        User user = new User().setEmail("ada@example.com");
        assertThrows(DetachedEntityException.class, user::save);
    }

    @Test
    void savingAnEntityMadeWithNewWritesNothing() {
        User user = new User().setEmail("ada@example.com");
        assertThrows(DetachedEntityException.class, user::save);
        assertEquals(0, countRows("users"));
    }

    @Test
    void theDetachedEntityMessageTellsHowToGetOneFromTheContainer() {
        DetachedEntityException e = assertThrows(DetachedEntityException.class, () -> new User().save());
        assertAll(
                () -> assertTrue(e.getMessage().contains("new"), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("entities.get(User.class)"), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("entities.get(\"User\")"), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("Provider<User>"), e.getMessage()));
    }

    @Test
    void anEntityMadeWithNewCannotQuery() {
        assertThrows(DetachedEntityException.class, () -> new User().count());
    }

    @Test
    void anEntityMadeWithNewCannotBeDeleted() {
        assertThrows(DetachedEntityException.class, () -> new User().delete());
    }

    @Test
    void anEntityMadeWithNewSaysItIsDetached() {
        assertEquals("User(detached)", new User().toString());
    }

    @Test
    void anEntityFromTheContainerDescribesItselfByMappingName() {
        User user = entities.get(User.class);
        assertEquals("User(new)", user.toString());
        user.setEmail("ada@example.com").save();
        assertEquals("User(" + user.getId() + ")", user.toString());
    }

    // ---- metadata --------------------------------------------------------------------------------

    @Nested
    class Metadata {

        @Test
        void userIsMappedToUsersWithAnIdentityKey() {
            EntityMetadata<User> user = entities.get(User.class).metadata();
            assertAll(
                    () -> assertEquals("User", user.name()),
                    () -> assertEquals(User.class, user.type()),
                    () -> assertEquals("users", user.table()),
                    () -> assertEquals(List.of("id"), user.keyColumns()),
                    () -> assertFalse(user.hasCompositeKey()),
                    () -> assertEquals(KeyGeneration.IDENTITY, user.keyGeneration()));
        }

        @Test
        void userAttributesAreItsFieldsInDeclarationOrder() {
            EntityMetadata<User> user = entities.get(User.class).metadata();
            assertEquals(List.of("id", "email", "name", "active", "role", "age", "admin"), user.attributeNames());
        }

        @Test
        void userColumnsAreNamedAsItsAttributes() {
            EntityMetadata<User> user = entities.get(User.class).metadata();
            assertEquals(List.of("id", "email", "name", "active", "role", "age", "admin"), columns(user));
        }

        @Test
        void userScopesAreListed() {
            EntityMetadata<User> user = entities.get(User.class).metadata();
            assertEquals(List.of("active", "ofRole", "olderThan"), user.scopeNames());
        }

        @Test
        void userGuardedAttributeIsMarked() {
            EntityMetadata<User> user = entities.get(User.class).metadata();
            assertTrue(user.attribute("admin").isGuarded());
            assertFalse(user.attribute("email").isGuarded());
        }

        @Test
        void anInjectedFieldIsNotAnAttribute() {
            EntityMetadata<Visitor> visitor = entities.get(Visitor.class).metadata();
            assertEquals(List.of("id", "name"), visitor.attributeNames());
            assertTrue(visitor.findAttribute("greeter").isEmpty());
        }

        @Test
        void visitorIsMappedToVisitorsAndNeedsInjection() {
            EntityMetadata<Visitor> visitor = entities.get(Visitor.class).metadata();
            assertEquals("visitors", visitor.table());
            assertEquals(List.of("id"), visitor.keyColumns());
            assertTrue(visitor.needsInjection());
        }

        @Test
        void anEntityWithoutInjectedMembersDoesNotNeedInjection() {
            assertFalse(entities.get(User.class).metadata().needsInjection());
        }

        @Test
        void postIsMappedToPostsWithTimestamps() {
            EntityMetadata<Post> post = entities.get(Post.class).metadata();
            assertAll(
                    () -> assertEquals("posts", post.table()),
                    () -> assertEquals(List.of("id"), post.keyColumns()),
                    () -> assertEquals(List.of("id", "userId", "title", "body", "published", "createdAt", "updatedAt"),
                            columns(post)),
                    () -> assertEquals("createdAt", post.createdAt().orElseThrow().name()),
                    () -> assertEquals("updatedAt", post.updatedAt().orElseThrow().name()));
        }

        @Test
        void anEntityWithoutTimestampsHasNoTimestampAttributes() {
            EntityMetadata<User> user = entities.get(User.class).metadata();
            assertTrue(user.createdAt().isEmpty());
            assertTrue(user.updatedAt().isEmpty());
        }

        @Test
        void aPrimitiveAttributeIsBoxedAndMarkedPrimitive() {
            Attribute published = entities.get(Post.class).metadata().attribute("published");
            assertEquals(Boolean.class, published.type());
            assertTrue(published.isPrimitive());
        }

        @Test
        void categoryIsMappedToCategories() {
            EntityMetadata<Category> category = entities.get(Category.class).metadata();
            assertEquals("categories", category.table());
            assertEquals(List.of("id"), category.keyColumns());
            assertEquals(List.of("id", "name"), columns(category));
        }

        @Test
        void personIsMappedToPeople() {
            EntityMetadata<Person> person = entities.get(Person.class).metadata();
            assertEquals("people", person.table());
            assertEquals(List.of("id"), person.keyColumns());
            assertEquals(List.of("id", "name"), columns(person));
        }

        @Test
        void blogPostMapsTitleToTheHeadlineColumn() {
            EntityMetadata<BlogPost> post = entities.get(BlogPost.class).metadata();
            assertEquals("blog_posts", post.table());
            assertEquals(List.of("id", "headline"), columns(post));
            assertEquals("headline", post.attribute("title").column());
            assertEquals("title", post.findAttributeByColumn("headline").orElseThrow().name());
        }

        @Test
        void accountHasAGeneratedUuidKey() {
            EntityMetadata<Account> account = entities.get(Account.class).metadata();
            assertEquals("accounts", account.table());
            assertEquals(List.of("id"), account.keyColumns());
            assertEquals(KeyGeneration.UUID, account.keyGeneration());
            assertEquals(UUID.class, account.attribute("id").type());
        }

        @Test
        void countryHasAnAssignedStringKey() {
            EntityMetadata<Country> country = entities.get(Country.class).metadata();
            assertEquals("countries", country.table());
            assertEquals(List.of("code"), country.keyColumns());
            assertEquals(KeyGeneration.ASSIGNED, country.keyGeneration());
            assertEquals(List.of("code", "name"), columns(country));
        }

        @Test
        void membershipHasACompositeKey() {
            EntityMetadata<Membership> membership = entities.get(Membership.class).metadata();
            assertEquals("memberships", membership.table());
            assertEquals(List.of("userId", "teamId"), membership.keyColumns());
            assertTrue(membership.hasCompositeKey());
            assertEquals(KeyGeneration.ASSIGNED, membership.keyGeneration());
            assertEquals(List.of("userId", "teamId", "level"), columns(membership));
        }

        @Test
        void blogUserIsMappedToItsExplicitTable() {
            EntityMetadata<BlogUser> user = entities.get(BlogUser.class).metadata();
            assertEquals("blog_users", user.table());
            assertEquals(List.of("id"), user.keyColumns());
            assertEquals(List.of("id", "handle"), columns(user));
        }

        @Test
        void everyModelEntityHasMetadataForItsTableAndKey() {
            Map<String, String> tables = Map.of(
                    "Account", "accounts", "BlogPost", "blog_posts", "User@blog", "blog_users", "Category", "categories",
                    "Country", "countries", "Membership", "memberships", "Person", "people", "Post", "posts",
                    "User", "users", "Visitor", "visitors");
            tables.forEach((name, table) -> assertEquals(table, entities.registry().find(name).orElseThrow().table(), name));
        }

        @Test
        void theMetadataOfAClassIsTheSameObjectEveryTime() {
            assertSame(entities.get(User.class).metadata(), entities.get("User").metadata());
            assertSame(entities.registry().metadata(User.class), entities.get(User.class).metadata());
        }

        @Test
        void anUnknownAttributeNameSuggestsTheNearestOne() {
            EntityMetadata<User> user = entities.get(User.class).metadata();
            UnknownAttributeException e = assertThrows(UnknownAttributeException.class, () -> user.attribute("emial"));
            assertTrue(e.getMessage().contains("Did you mean email"), e.getMessage());
        }
    }

    private static List<String> columns(EntityMetadata<?> metadata) {
        return metadata.attributes().stream().map(Attribute::column).toList();
    }
}
