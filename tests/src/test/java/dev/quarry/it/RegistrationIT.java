package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.inject.Binder;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import com.google.inject.util.Modules;
import dev.quarry.Entities;
import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Column;
import dev.quarry.entity.EntityRegistry;
import dev.quarry.entity.Id;
import dev.quarry.entity.InvalidEntityException;
import dev.quarry.entity.KeyGeneration;
import dev.quarry.entity.Scope;
import dev.quarry.entity.Timestamps;
import dev.quarry.entity.UnknownEntityException;
import dev.quarry.inject.InvalidConfigurationException;
import dev.quarry.inject.QuarryConfig;
import dev.quarry.inject.QuarryModule;
import dev.quarry.it.model.BlogUser;
import dev.quarry.it.model.Category;
import dev.quarry.it.model.Greeter;
import dev.quarry.it.model.Person;
import dev.quarry.it.model.Post;
import dev.quarry.it.model.User;
import dev.quarry.naming.NamingStrategy;
import dev.quarry.query.Query;
import dev.quarry.sql.dialect.UnsupportedDatabaseException;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Registering entities by hand and from the index, refusing invalid ones at start-up, and
 * configuring Quarry.
 *
 * <p>The invalid classes below are deliberately NOT annotated {@code @Entity}: the annotation
 * processor would refuse them at compile time, or index them and break every other test.
 * Hand registration does not need the annotation.
 */
class RegistrationIT {

    // ---- hand-registered classes (no @Entity, so not in the index) -------------------------------

    /** A valid entity registered only by hand. */
    static class Ticket extends BaseEntity<Ticket> {
        private Long id;
        private String subject;

        public Long getId() {
            return id;
        }

        public String getSubject() {
            return subject;
        }

        public Ticket setSubject(String subject) {
            this.subject = subject;
            return this;
        }
    }

    /** Not an entity at all. */
    static class NotAnEntity {
        Long id;
    }

    /** Abstract. */
    abstract static class AbstractThing extends BaseEntity<AbstractThing> {
        Long id;
    }

    /** No {@code id} field and no {@code @Id}. */
    static class NoKey extends BaseEntity<NoKey> {
        String name;
    }

    /** A final attribute. */
    static class FinalField extends BaseEntity<FinalField> {
        Long id;
        final String code = "x";
    }

    /** A column name with a space. */
    static class BadColumn extends BaseEntity<BadColumn> {
        Long id;
        @Column("bad name") String name;
    }

    /** Names another class as its self type. */
    static class WrongSelf extends BaseEntity<Ticket> {
        Long id;
    }

    /** A scope whose first parameter is not the query. */
    static class BadScope extends BaseEntity<BadScope> {
        Long id;

        @Scope
        void active(String flag) {
            // never called: registration refuses the class
        }
    }

    /** Two classes registered under the same mapping name. */
    static class FirstTwin extends BaseEntity<FirstTwin> {
        Long id;
    }

    /** The other twin. */
    static class SecondTwin extends BaseEntity<SecondTwin> {
        Long id;
    }

    /** An inner (non-static) class. */
    @SuppressWarnings("ClassCanBeStatic")
    class InnerThing extends BaseEntity<InnerThing> {
        Long id;
    }

    /** Only a private constructor and no {@code @Inject} one. */
    static final class PrivateConstructor extends BaseEntity<PrivateConstructor> {
        Long id;

        private PrivateConstructor() {}
    }

    /** A scope that declares a checked exception. */
    static class CheckedScope extends BaseEntity<CheckedScope> {
        Long id;

        @Scope
        void recent(Query<CheckedScope> query) throws IOException {
            throw new IOException("never called");
        }
    }

    /** {@code @Timestamps} without the attributes. */
    @Timestamps
    static class MissingTimestamps extends BaseEntity<MissingTimestamps> {
        Long id;
    }

    /** An identity key that is not a number. */
    static class TextIdentity extends BaseEntity<TextIdentity> {
        @Id(generation = KeyGeneration.IDENTITY) String code;
    }

    /** A valid entity that gets a service through its constructor, and so has no no-argument constructor. */
    static class Greeting extends BaseEntity<Greeting> {
        private final transient Greeter greeter;
        private Long id;
        private String name;

        @Inject
        Greeting(Greeter greeter) {
            this.greeter = greeter;
        }

        public Long getId() {
            return id;
        }

        public Greeting setName(String name) {
            this.name = name;
            return this;
        }

        public String text() {
            return greeter.greet(name);
        }
    }

    private final List<Injector> injectors = new ArrayList<>();

    @AfterEach
    void shutDownDatabases() {
        for (Injector injector : injectors) {
            try {
                injector.getInstance(Jdbi.class).useHandle(h -> h.execute("SHUTDOWN"));
            } catch (RuntimeException ignored) {
                // an injector whose database could not start has nothing to shut down
            }
        }
    }

    private static String memoryUrl() {
        return "jdbc:hsqldb:mem:RegistrationIT-" + UUID.randomUUID();
    }

    private Injector injector(Module module) {
        Injector injector = Guice.createInjector(module);
        injectors.add(injector);
        return injector;
    }

    private Entities entities(QuarryModule.Builder builder) {
        return injector(builder.url(memoryUrl()).build()).getInstance(Entities.class);
    }

    /** The first throwable of {@code type} in the cause chain of {@code thrown}, including Guice's error messages. */
    private static <E extends Throwable> E findCause(Throwable thrown, Class<E> type) {
        List<Throwable> seen = new ArrayList<>();
        List<Throwable> queue = new ArrayList<>(List.of(thrown));
        while (!queue.isEmpty()) {
            Throwable t = queue.remove(0);
            if (t == null || seen.contains(t)) {
                continue;
            }
            seen.add(t);
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            queue.add(t.getCause());
            for (Message message : guiceMessages(t)) {
                queue.add(message.getCause());
            }
        }
        fail("No " + type.getSimpleName() + " in the cause chain of " + thrown);
        return null;
    }

    private static Collection<Message> guiceMessages(Throwable t) {
        if (t instanceof CreationException e) {
            return e.getErrorMessages();
        }
        if (t instanceof ProvisionException e) {
            return e.getErrorMessages();
        }
        return List.of();
    }

    /** Builds an injector from {@code module} and starts Quarry, expecting it to fail. */
    private RuntimeException startFails(Module module) {
        return assertThrows(RuntimeException.class, () -> injector(module).getInstance(Entities.class));
    }

    private static QuarryModule.Builder withInvalidClasses() {
        return QuarryModule.builder().url(memoryUrl()).withoutIndex()
                .entity(Ticket.class)
                .entity(NotAnEntity.class)
                .entity(AbstractThing.class)
                .entity(NoKey.class)
                .entity(FinalField.class)
                .entity(BadColumn.class)
                .entity(WrongSelf.class)
                .entity(BadScope.class)
                .entity(FirstTwin.class, "Twin")
                .entity(SecondTwin.class, "Twin");
    }

    private List<String> problemsOfInvalidClasses() {
        return findCause(startFails(withInvalidClasses().build()), InvalidEntityException.class).problems();
    }

    private List<String> problemsOfMoreInvalidClasses() {
        return findCause(startFails(QuarryModule.builder().url(memoryUrl()).withoutIndex()
                .entity(InnerThing.class)
                .entity(PrivateConstructor.class)
                .entity(CheckedScope.class)
                .entity(MissingTimestamps.class)
                .entity(TextIdentity.class)
                .build()), InvalidEntityException.class).problems();
    }

    private static String problemAbout(List<String> problems, Class<?> type) {
        return problems.stream().filter(p -> p.contains(type.getName())).findFirst()
                .orElseGet(() -> fail("no problem names " + type.getName() + " in " + problems));
    }

    // ---- hand registration -----------------------------------------------------------------------

    @Test
    void handRegistrationWithoutTheIndexRegistersOnlyTheNamedClasses() {
        Entities entities = entities(QuarryModule.builder().withoutIndex().entity(User.class).entity(Post.class));
        assertEquals(Set.of("User", "Post"), entities.registry().names());
    }

    @Test
    void handRegistrationUnderAnExplicitNameUsesThatName() {
        Entities entities = entities(QuarryModule.builder().withoutIndex().entity(Ticket.class, "Issue@support"));
        assertEquals(Set.of("Issue@support"), entities.registry().names());
        assertInstanceOf(Ticket.class, entities.get("Issue@support"));
    }

    @Test
    void anExplicitNameReplacesTheAnnotationsName() {
        Entities entities = entities(QuarryModule.builder().withoutIndex().entity(BlogUser.class, "Author@cms"));
        assertEquals(Set.of("Author@cms"), entities.registry().names());
        assertThrows(UnknownEntityException.class, () -> entities.get("User@blog"));
    }

    @Test
    void anExplicitNameKeepsTheAnnotationsTable() {
        Entities entities = entities(QuarryModule.builder().withoutIndex().entity(BlogUser.class, "Author@cms"));
        assertEquals("blog_users", entities.registry().metadata("Author@cms").table());
    }

    @Test
    void anUnannotatedClassIsRegisteredUnderItsSimpleName() {
        Entities entities = entities(QuarryModule.builder().withoutIndex().entity(Ticket.class));
        assertEquals(Set.of("Ticket"), entities.registry().names());
        assertEquals("tickets", entities.registry().metadata("Ticket").table());
    }

    @Test
    void aHandRegisteredEntityWorksAgainstItsTable() {
        Entities entities = entities(QuarryModule.builder().withoutIndex().entity(Ticket.class));
        entities.database().jdbi().useHandle(h -> h.execute("CREATE TABLE \"tickets\" (\"id\" BIGINT GENERATED BY DEFAULT"
                + " AS IDENTITY PRIMARY KEY, \"subject\" VARCHAR(100))"));
        Ticket ticket = entities.get(Ticket.class).setSubject("Printer on fire").save();
        assertNotNull(ticket.getId());
        assertEquals("Printer on fire", entities.get(Ticket.class).findOrFail(ticket.getId()).getSubject());
    }

    @Test
    void handRegistrationAddsToTheIndexedEntities() {
        Entities entities = entities(QuarryModule.builder().entity(Ticket.class));
        assertTrue(entities.registry().names().contains("Ticket"));
        assertTrue(entities.registry().names().contains("User"));
        assertTrue(entities.registry().names().contains("User@blog"));
    }

    @Test
    void withoutIndexAndNoEntitiesRegistersNothing() {
        Entities entities = entities(QuarryModule.builder().withoutIndex());
        assertTrue(entities.registry().names().isEmpty());
    }

    @Test
    void theBuilderConfigRecordsHandRegisteredEntities() {
        QuarryConfig config = QuarryModule.builder().withoutIndex().entity(User.class).entity(Ticket.class, "Issue")
                .config();
        assertFalse(config.useIndex());
        assertEquals(List.of(User.class, Ticket.class), List.copyOf(config.entities().keySet()));
        assertNull(config.entities().get(User.class));
        assertEquals("Issue", config.entities().get(Ticket.class));
    }

    // ---- unregistered classes --------------------------------------------------------------------

    @Test
    void anUnregisteredClassCannotBeObtainedByClass() {
        Entities entities = entities(QuarryModule.builder().withoutIndex().entity(User.class));
        assertThrows(UnknownEntityException.class, () -> entities.get(Post.class));
    }

    @Test
    void theUnknownClassErrorNamesTheClassAndHowToRegisterIt() {
        Entities entities = entities(QuarryModule.builder().withoutIndex().entity(User.class));
        UnknownEntityException e = assertThrows(UnknownEntityException.class, () -> entities.get(Post.class));
        assertEquals(Post.class.getName(), e.requested());
        assertTrue(e.getMessage().contains(Post.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains("QuarryModule.builder().entity("), e.getMessage());
    }

    @Test
    void anUnregisteredClassCannotBeObtainedByItsName() {
        Entities entities = entities(QuarryModule.builder().withoutIndex().entity(User.class));
        assertThrows(UnknownEntityException.class, () -> entities.get("Post"));
    }

    @Test
    void anUnregisteredClassCannotBeObtainedFromAProvider() {
        Injector injector = injector(QuarryModule.builder().url(memoryUrl()).withoutIndex().entity(User.class).build());
        RuntimeException e = assertThrows(RuntimeException.class, () -> injector.getProvider(Post.class).get());
        assertNotNull(findCause(e, UnknownEntityException.class));
    }

    @Test
    void anUnannotatedClassThatIsNotRegisteredIsNotInTheIndex() {
        Entities entities = entities(QuarryModule.builder());
        assertThrows(UnknownEntityException.class, () -> entities.get(Ticket.class));
        assertFalse(EntityRegistry.indexedClasses(getClass().getClassLoader()).contains(Ticket.class));
    }

    // ---- invalid classes -------------------------------------------------------------------------

    @Test
    void invalidEntityClassesFailStartUpWithInvalidEntityException() {
        assertNotNull(findCause(startFails(withInvalidClasses().build()), InvalidEntityException.class));
    }

    @Test
    void invalidEntityClassesFailInjectorCreationItself() {
        // A misdeclared entity is a start-up error: Guice.createInjector must refuse, not the first use.
        CreationException e = assertThrows(CreationException.class, () -> injector(withInvalidClasses().build()));
        assertNotNull(findCause(e, InvalidEntityException.class));
    }

    @Test
    void invalidEntityClassesAreReportedAsOneGuiceError() {
        RuntimeException e = startFails(withInvalidClasses().build());
        assertEquals(1, guiceMessages(e).size(), () -> "Guice errors: " + guiceMessages(e));
    }

    @Test
    void oneInvalidEntityExceptionReportsEveryBadClass() {
        List<String> problems = problemsOfInvalidClasses();
        for (Class<?> bad : List.of(NotAnEntity.class, AbstractThing.class, NoKey.class, FinalField.class, BadColumn.class,
                WrongSelf.class, BadScope.class, FirstTwin.class, SecondTwin.class)) {
            assertTrue(problems.stream().anyMatch(p -> p.contains(bad.getName())), bad.getName() + " in " + problems);
        }
    }

    @Test
    void aValidClassRegisteredWithInvalidOnesIsNotReported() {
        List<String> problems = problemsOfInvalidClasses();
        assertFalse(problems.stream().anyMatch(p -> p.contains(Ticket.class.getName() + " ")), problems::toString);
    }

    @Test
    void theMessageOfInvalidEntityExceptionListsEveryProblem() {
        InvalidEntityException e = findCause(startFails(withInvalidClasses().build()), InvalidEntityException.class);
        assertTrue(e.getMessage().contains(e.problems().size() + " entity declarations are invalid"), e.getMessage());
        for (String problem : e.problems()) {
            assertTrue(e.getMessage().contains(problem), problem);
        }
    }

    @Test
    void aClassNotExtendingBaseEntityIsReportedWithItsFix() {
        String problem = problemAbout(problemsOfInvalidClasses(), NotAnEntity.class);
        assertTrue(problem.contains("does not extend dev.quarry.entity.BaseEntity"), problem);
        assertTrue(problem.contains("extends BaseEntity<NotAnEntity>"), problem);
    }

    @Test
    void anAbstractClassIsReportedWithItsFix() {
        String problem = problemAbout(problemsOfInvalidClasses(), AbstractThing.class);
        assertTrue(problem.contains("is abstract"), problem);
        assertTrue(problem.contains("concrete"), problem);
    }

    @Test
    void aClassWithoutAKeyIsReportedWithItsFix() {
        String problem = problemAbout(problemsOfInvalidClasses(), NoKey.class);
        assertTrue(problem.contains("has no key attribute"), problem);
        assertTrue(problem.contains("@Id"), problem);
    }

    @Test
    void aFinalAttributeIsReportedWithItsFix() {
        String problem = problemAbout(problemsOfInvalidClasses(), FinalField.class);
        assertTrue(problem.contains("final attribute field code"), problem);
        assertTrue(problem.contains("remove `final`"), problem);
    }

    @Test
    void anInvalidColumnNameIsReportedWithItsFix() {
        String problem = problemAbout(problemsOfInvalidClasses(), BadColumn.class);
        assertTrue(problem.contains("'bad name'"), problem);
        assertTrue(problem.contains("only letters, digits and _"), problem);
    }

    @Test
    void aWrongSelfTypeIsReportedWithItsFix() {
        String problem = problemAbout(problemsOfInvalidClasses(), WrongSelf.class);
        assertTrue(problem.contains("extends BaseEntity<" + Ticket.class.getName() + ">"), problem);
        assertTrue(problem.contains("extends BaseEntity<WrongSelf>"), problem);
    }

    @Test
    void aScopeWithoutTheQueryFirstIsReportedWithItsFix() {
        String problem = problemAbout(problemsOfInvalidClasses(), BadScope.class);
        assertTrue(problem.contains("scope active"), problem);
        assertTrue(problem.contains("Query<BadScope> query"), problem);
    }

    @Test
    void twoClassesWithTheSameNameAreReportedTogetherWithTheFix() {
        String problem = problemAbout(problemsOfInvalidClasses(), SecondTwin.class);
        assertTrue(problem.contains(FirstTwin.class.getName()), problem);
        assertTrue(problem.contains("both mapped as Twin"), problem);
        assertTrue(problem.contains("module"), problem);
    }

    @Test
    void eachProblemIsOneSentenceWithAFix() {
        for (String problem : problemsOfInvalidClasses()) {
            assertTrue(problem.contains(": ") && problem.endsWith("."), problem);
        }
    }

    @Test
    void aSingleInvalidClassIsReportedInTheSingular() {
        InvalidEntityException e = findCause(
                startFails(QuarryModule.builder().url(memoryUrl()).withoutIndex().entity(NoKey.class).build()),
                InvalidEntityException.class);
        assertEquals(1, e.problems().size(), e.problems()::toString);
        assertTrue(e.getMessage().contains("An entity declaration is invalid"), e.getMessage());
    }

    @Test
    void anInvalidClassNextToTheIndexAlsoFailsStartUp() {
        InvalidEntityException e = findCause(
                startFails(QuarryModule.builder().url(memoryUrl()).entity(NoKey.class).build()),
                InvalidEntityException.class);
        assertEquals(1, e.problems().size(), e.problems()::toString);
    }

    @Test
    void aHandRegisteredNameClashingWithAnIndexedEntityIsReported() {
        InvalidEntityException e = findCause(
                startFails(QuarryModule.builder().url(memoryUrl()).entity(Ticket.class, "User").build()),
                InvalidEntityException.class);
        String problem = problemAbout(e.problems(), Ticket.class);
        assertTrue(problem.contains(User.class.getName()), problem);
    }

    @Test
    void anInvalidMappingNameIsReported() {
        InvalidEntityException e = findCause(
                startFails(QuarryModule.builder().url(memoryUrl()).withoutIndex().entity(Ticket.class, "Bad Name").build()),
                InvalidEntityException.class);
        assertTrue(problemAbout(e.problems(), Ticket.class).contains("'Bad Name'"), e.problems()::toString);
    }

    @Test
    void invalidEntityClassesFailInjectorCreationInTheProductionStage() {
        CreationException e = assertThrows(CreationException.class,
                () -> Guice.createInjector(Stage.PRODUCTION, withInvalidClasses().build()));
        assertEquals(8, findCause(e, InvalidEntityException.class).problems().size(), "one problem a bad class or clash");
    }

    @Test
    void anInnerClassIsReportedWithItsFix() {
        String problem = problemAbout(problemsOfMoreInvalidClasses(), InnerThing.class);
        assertTrue(problem.contains("is an inner class"), problem);
        assertTrue(problem.contains("static nested class"), problem);
    }

    @Test
    void anInnerClassIsReportedOnlyAsAnInnerClass() {
        // Its constructor takes the enclosing instance; "add a no-argument constructor" would mislead.
        List<String> problems = problemsOfMoreInvalidClasses().stream()
                .filter(p -> p.contains(InnerThing.class.getName())).toList();
        assertEquals(1, problems.size(), problems::toString);
    }

    @Test
    void aClassWithoutAUsableConstructorIsReportedWithItsFix() {
        String problem = problemAbout(problemsOfMoreInvalidClasses(), PrivateConstructor.class);
        assertTrue(problem.contains("has no constructor Quarry can call"), problem);
        assertTrue(problem.contains("@Inject constructor"), problem);
    }

    @Test
    void aScopeDeclaringACheckedExceptionIsReportedWithItsFix() {
        String problem = problemAbout(problemsOfMoreInvalidClasses(), CheckedScope.class);
        assertTrue(problem.contains("scope recent that declares checked exceptions"), problem);
        assertTrue(problem.contains("remove the throws clause"), problem);
    }

    @Test
    void timestampsWithoutTheirAttributesAreReportedWithTheFix() {
        List<String> problems = problemsOfMoreInvalidClasses().stream()
                .filter(p -> p.contains(MissingTimestamps.class.getName())).toList();
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("no attribute createdAt"), problems::toString);
        assertTrue(problems.get(1).contains("no attribute updatedAt"), problems::toString);
    }

    @Test
    void anIdentityKeyThatIsNotANumberIsReportedWithItsFix() {
        String problem = problemAbout(problemsOfMoreInvalidClasses(), TextIdentity.class);
        assertTrue(problem.contains("IDENTITY keys on the String key code"), problem);
        assertTrue(problem.contains("KeyGeneration.UUID or ASSIGNED"), problem);
    }

    @Test
    void anEntityWithAnInjectConstructorIsValid() {
        Entities entities = entities(QuarryModule.builder().withoutIndex().entity(Greeting.class));
        assertTrue(entities.registry().metadata(Greeting.class).needsInjection());
    }

    @Test
    void anEntityWithAnInjectConstructorIsMadeWithItsService() {
        Entities entities = entities(QuarryModule.builder().withoutIndex().entity(Greeting.class));
        assertEquals("Hello, Ada!", entities.get(Greeting.class).setName("Ada").text());
    }

    @Test
    void rowsOfAnEntityWithAnInjectConstructorAreReadWithTheirService() {
        Entities entities = entities(QuarryModule.builder().withoutIndex().entity(Greeting.class));
        entities.database().jdbi().useHandle(h -> h.execute("CREATE TABLE \"greetings\" (\"id\" BIGINT GENERATED BY"
                + " DEFAULT AS IDENTITY PRIMARY KEY, \"name\" VARCHAR(100))"));
        Greeting saved = entities.get(Greeting.class).setName("Ada").save();
        Greeting found = entities.get(Greeting.class).findOrFail(saved.getId());
        assertEquals("Hello, Ada!", found.text());
        assertTrue(found.isLoaded());
    }

    @Test
    void quarryWorksInAnInjectorThatRequiresExplicitBindings() {
        // Strict Guice set-ups forbid just-in-time bindings; the module should bind what it offers.
        Injector injector = injector(Modules.combine(
                QuarryModule.builder().url(memoryUrl()).withoutIndex().entity(Person.class).build(),
                Binder::requireExplicitBindings));
        Entities entities = injector.getInstance(Entities.class);
        assertEquals("people", entities.get(Person.class).metadata().table());
    }

    // ---- configuration from properties -----------------------------------------------------------

    @Test
    void propertiesSetTheUrl() {
        Properties properties = new Properties();
        properties.setProperty("quarry.url", "jdbc:hsqldb:mem:from-properties");
        assertEquals("jdbc:hsqldb:mem:from-properties", QuarryConfig.fromProperties(properties).url());
    }

    @Test
    void propertiesSetTheCredentials() {
        Properties properties = new Properties();
        properties.setProperty("quarry.username", "app");
        properties.setProperty("quarry.password", "secret");
        QuarryConfig config = QuarryConfig.fromProperties(properties);
        assertEquals("app", config.username());
        assertEquals("secret", config.password());
    }

    @Test
    void snakeCaseNamingIsSelectedByProperty() {
        Properties properties = new Properties();
        properties.setProperty("quarry.naming", "snake_case");
        assertSame(NamingStrategy.snakeCase(), QuarryConfig.fromProperties(properties).naming());
    }

    @Test
    void quickNamingIsSelectedByProperty() {
        Properties properties = new Properties();
        properties.setProperty("quarry.naming", "quick");
        assertSame(NamingStrategy.quick(), QuarryConfig.fromProperties(properties).naming());
    }

    @Test
    void theNamingPropertyIgnoresCaseAndSurroundingSpace() {
        Properties properties = new Properties();
        properties.setProperty("quarry.naming", "  Snake_Case ");
        assertSame(NamingStrategy.snakeCase(), QuarryConfig.fromProperties(properties).naming());
    }

    @Test
    void missingPropertiesTakeTheDefaults() {
        QuarryConfig config = QuarryConfig.fromProperties(new Properties());
        assertEquals(QuarryConfig.DEFAULT_URL, config.url());
        assertSame(NamingStrategy.quick(), config.naming());
        assertTrue(config.useIndex());
        assertNull(config.username());
        assertNull(config.password());
        assertTrue(config.entities().isEmpty());
    }

    @Test
    void theDefaultsAreAnInMemoryHsqldbDatabaseWithQuickNaming() {
        QuarryConfig config = QuarryConfig.defaults();
        assertEquals("jdbc:hsqldb:mem:quarry", config.url());
        assertSame(NamingStrategy.quick(), config.naming());
        assertTrue(config.useIndex());
    }

    @Test
    void anUnknownNamingPropertyThrowsInvalidConfigurationException() {
        Properties properties = new Properties();
        properties.setProperty("quarry.naming", "camel");
        assertThrows(InvalidConfigurationException.class, () -> QuarryConfig.fromProperties(properties));
    }

    @Test
    void theInvalidConfigurationMessageNamesTheSettingTheValueAndTheChoices() {
        Properties properties = new Properties();
        properties.setProperty("quarry.naming", "camel");
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> QuarryConfig.fromProperties(properties));
        assertTrue(e.getMessage().contains("quarry.naming"), e.getMessage());
        assertTrue(e.getMessage().contains("'camel'"), e.getMessage());
        assertTrue(e.getMessage().contains("quick or snake_case"), e.getMessage());
        assertEquals("InvalidConfiguration", e.errorId());
    }

    @Test
    void aConfigFromPropertiesStartsAWorkingModule() {
        Properties properties = new Properties();
        properties.setProperty("quarry.url", memoryUrl());
        properties.setProperty("quarry.naming", "snake_case");
        Entities entities = injector(new QuarryModule(QuarryConfig.fromProperties(properties))).getInstance(Entities.class);
        assertEquals("user_id", entities.registry().metadata(Post.class).attribute("userId").column());
        assertTrue(entities.registry().names().contains("User"));
    }

    @Test
    void aConfigFromPropertiesConnectsToTheConfiguredUrl() {
        String url = memoryUrl();
        Properties properties = new Properties();
        properties.setProperty("quarry.url", url);
        Entities entities = injector(new QuarryModule(QuarryConfig.fromProperties(properties))).getInstance(Entities.class);
        entities.database().jdbi().useHandle(h -> h.execute("CREATE TABLE \"people\" (\"id\" BIGINT GENERATED BY DEFAULT"
                + " AS IDENTITY PRIMARY KEY, \"name\" VARCHAR(100))"));
        entities.get(Person.class).setName("Ada").save();
        long rows = Jdbi.create(url).withHandle(h -> h.createQuery("SELECT COUNT(*) FROM \"people\"").mapTo(Long.class).one());
        assertEquals(1, rows);
    }

    // ---- unsupported databases -------------------------------------------------------------------

    @Test
    void anUnsupportedJdbcUrlFailsWithUnsupportedDatabaseExceptionWhenTheDatabaseIsFirstUsed() {
        Supplier<Long> firstUse = () -> {
            Injector injector = Guice.createInjector(QuarryModule.builder().url("jdbc:mysql://localhost/app").build());
            return injector.getInstance(Entities.class).get(User.class).count();
        };
        RuntimeException e = assertThrows(RuntimeException.class, firstUse::get);
        assertNotNull(findCause(e, UnsupportedDatabaseException.class));
    }

    @Test
    void theUnsupportedDatabaseMessageNamesTheUrlAndTheSupportedDatabases() {
        Supplier<Long> firstUse = () -> {
            Injector injector = Guice.createInjector(QuarryModule.builder().url("jdbc:mysql://localhost/app").build());
            return injector.getInstance(Entities.class).get(User.class).count();
        };
        UnsupportedDatabaseException e = findCause(assertThrows(RuntimeException.class, firstUse::get),
                UnsupportedDatabaseException.class);
        assertTrue(e.getMessage().contains("'jdbc:mysql://localhost/app'"), e.getMessage());
        assertTrue(e.getMessage().contains("jdbc:hsqldb:"), e.getMessage());
        assertTrue(e.getMessage().contains("jdbc:postgresql:"), e.getMessage());
    }

    // ---- zero configuration ----------------------------------------------------------------------

    @Test
    void theZeroConfigurationModuleWorksOnTheDefaultInMemoryDatabase() {
        Injector injector = Guice.createInjector(new QuarryModule());
        Entities entities = injector.getInstance(Entities.class);
        Jdbi jdbi = entities.database().jdbi();
        jdbi.useHandle(h -> h.execute("CREATE TABLE \"categories\" (\"id\" BIGINT GENERATED BY DEFAULT AS IDENTITY"
                + " PRIMARY KEY, \"name\" VARCHAR(100))"));
        try {
            entities.get(Category.class).setName("Books").save();
            entities.get(Category.class).setName("Music").save();
            assertEquals(2, entities.get(Category.class).count());
            long rows = Jdbi.create(QuarryConfig.DEFAULT_URL).withHandle(
                    h -> h.createQuery("SELECT COUNT(*) FROM \"categories\"").mapTo(Long.class).one());
            assertEquals(2, rows);
        } finally {
            jdbi.useHandle(h -> h.execute("DROP TABLE \"categories\""));
        }
    }

    @Test
    void theZeroConfigurationModuleRegistersTheIndexedEntitiesWithQuickNaming() {
        Entities entities = Guice.createInjector(new QuarryModule()).getInstance(Entities.class);
        assertTrue(entities.registry().names().containsAll(Set.of("User", "User@blog", "Post", "Visitor")));
        assertSame(NamingStrategy.quick(), entities.registry().naming());
        assertEquals("userId", entities.registry().metadata(Post.class).attribute("userId").column());
    }
}
