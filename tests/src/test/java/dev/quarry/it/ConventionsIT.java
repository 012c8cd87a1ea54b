package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.quarry.Entities;
import dev.quarry.entity.Attribute;
import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Column;
import dev.quarry.entity.Entity;
import dev.quarry.entity.EntityMetadata;
import dev.quarry.entity.EntityRegistry;
import dev.quarry.inject.QuarryModule;
import dev.quarry.it.model.Account;
import dev.quarry.it.model.BlogPost;
import dev.quarry.it.model.Category;
import dev.quarry.it.model.Country;
import dev.quarry.it.model.Membership;
import dev.quarry.it.model.Person;
import dev.quarry.it.model.Post;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.naming.NamingStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Naming conventions: Quick's by default, Laravel's snake_case in one line, overrides by annotation. */
class ConventionsIT extends DatabaseTest {

    /**
     * An entity with a two-word name and a two-word attribute, to tell the strategies apart. The
     * annotation processor indexes it for every test; its module keeps its name from clashing.
     */
    @Entity(module = "conventions")
    static class AuditEntry extends BaseEntity<AuditEntry> {
        private Long id;
        private String createdBy;

        public Long getId() {
            return id;
        }

        public String getCreatedBy() {
            return createdBy;
        }

        public AuditEntry setCreatedBy(String createdBy) {
            this.createdBy = createdBy;
            return this;
        }
    }

    /** An entity whose table is named by the annotation, and a column named by {@code @Column}. */
    @Entity(module = "conventions", table = "tbl_customer")
    static class LegacyCustomer extends BaseEntity<LegacyCustomer> {
        private Long id;
        @Column("cust_name") private String fullName;

        public Long getId() {
            return id;
        }

        public String getFullName() {
            return fullName;
        }

        public LegacyCustomer setFullName(String fullName) {
            this.fullName = fullName;
            return this;
        }
    }

    private final List<Injector> extraInjectors = new ArrayList<>();

    @AfterEach
    void shutDownExtraDatabases() {
        for (Injector extra : extraInjectors) {
            extra.getInstance(Jdbi.class).useHandle(h -> h.execute("SHUTDOWN"));
        }
    }

    /** An injector of its own, on its own in-memory database, registering only {@code types}. */
    private Entities isolated(NamingStrategy naming, Class<?>... types) {
        QuarryModule.Builder builder = QuarryModule.builder()
                .url("jdbc:hsqldb:mem:ConventionsIT-" + UUID.randomUUID())
                .withoutIndex();
        if (naming != null) {
            builder.naming(naming);
        }
        for (Class<?> type : types) {
            builder.entity(type);
        }
        Injector extra = Guice.createInjector(builder.build());
        extraInjectors.add(extra);
        return extra.getInstance(Entities.class);
    }

    private static void sql(Entities entities, String statement) {
        entities.database().jdbi().useHandle(h -> h.execute(statement));
    }

    private static List<Map<String, Object>> select(Entities entities, String statement) {
        return entities.database().jdbi().withHandle(h -> h.createQuery(statement).mapToMap().list());
    }

    // ---- Quick's default tables ------------------------------------------------------------------

    @Test
    void quickNamingIsTheDefault() {
        assertSame(NamingStrategy.quick(), entities.registry().naming());
    }

    @Test
    void userIsStoredInUsers() {
        assertEquals("users", entities.get(User.class).metadata().table());
    }

    @Test
    void postIsStoredInPosts() {
        assertEquals("posts", entities.get(Post.class).metadata().table());
    }

    @Test
    void categoryIsStoredInCategories() {
        assertEquals("categories", entities.get(Category.class).metadata().table());
    }

    @Test
    void personIsStoredInPeople() {
        assertEquals("people", entities.get(Person.class).metadata().table());
    }

    @Test
    void blogPostIsStoredInBlogPosts() {
        assertEquals("blog_posts", entities.get(BlogPost.class).metadata().table());
    }

    @Test
    void accountIsStoredInAccounts() {
        assertEquals("accounts", entities.get(Account.class).metadata().table());
    }

    @Test
    void countryIsStoredInCountries() {
        assertEquals("countries", entities.get(Country.class).metadata().table());
    }

    @Test
    void membershipIsStoredInMemberships() {
        assertEquals("memberships", entities.get(Membership.class).metadata().table());
    }

    @Test
    void aTwoWordEntityIsStoredInTheSnakeCasePluralOfItsName() {
        assertEquals("audit_entries", entities.get(AuditEntry.class).metadata().table());
    }

    @Test
    void quickColumnsAreNamedExactlyAsTheirAttributes() {
        EntityMetadata<Post> post = entities.get(Post.class).metadata();
        assertEquals("userId", post.attribute("userId").column());
        assertEquals("createdAt", post.attribute("createdAt").column());
    }

    @Test
    void quickColumnsOfATwoWordAttributeKeepItsCamelCase() {
        assertEquals("createdBy", entities.get(AuditEntry.class).metadata().attribute("createdBy").column());
    }

    @Test
    void anIrregularPluralTableWorksForSavingAndReading() {
        Person person = entities.get(Person.class).setName("Ada").save();
        assertEquals(1, countRows("people"));
        assertEquals("Ada", entities.get(Person.class).findOrFail(person.getId()).getName());
    }

    @Test
    void anIesPluralTableWorksForSavingAndReading() {
        Category category = entities.get(Category.class).setName("Books").save();
        assertEquals(1, countRows("categories"));
        assertEquals("Books", entities.get(Category.class).findOrFail(category.getId()).getName());
    }

    // ---- @Column ---------------------------------------------------------------------------------

    @Test
    void aColumnAnnotationNamesTheColumnOfAnAttribute() {
        assertEquals("headline", entities.get(BlogPost.class).metadata().attribute("title").column());
    }

    @Test
    void aColumnAnnotationIsUsedWhenSaving() {
        entities.get(BlogPost.class).setTitle("Hello").save();
        assertEquals("Hello", rows("blog_posts", "id").get(0).get("headline"));
    }

    @Test
    void aColumnAnnotationIsUsedWhenReading() {
        execute("INSERT INTO \"blog_posts\" (\"headline\") VALUES ('Hello')");
        assertEquals("Hello", entities.get(BlogPost.class).firstOrFail().getTitle());
    }

    @Test
    void aQueryMayNameTheAttributeOfARenamedColumn() {
        execute("INSERT INTO \"blog_posts\" (\"headline\") VALUES ('Hello')");
        execute("INSERT INTO \"blog_posts\" (\"headline\") VALUES ('Bye')");
        assertEquals(1, entities.get(BlogPost.class).where("title", "Hello").count());
    }

    @Test
    void aQueryMayNameARenamedColumnItself() {
        execute("INSERT INTO \"blog_posts\" (\"headline\") VALUES ('Hello')");
        execute("INSERT INTO \"blog_posts\" (\"headline\") VALUES ('Bye')");
        assertEquals(1, entities.get(BlogPost.class).where("headline", "Hello").count());
    }

    @Test
    void aColumnAnnotationWinsOverTheSnakeCaseStrategy() {
        Entities snake = isolated(NamingStrategy.snakeCase(), BlogPost.class);
        assertEquals("headline", snake.get(BlogPost.class).metadata().attribute("title").column());
    }

    // ---- @Entity(table = ...) --------------------------------------------------------------------

    @Test
    void anEntityTableOverrideNamesTheTable() {
        assertEquals("tbl_customer", entities.get(LegacyCustomer.class).metadata().table());
    }

    @Test
    void aModuleDoesNotChangeTheTableDerivedFromTheName() {
        assertEquals("AuditEntry@conventions", entities.get(AuditEntry.class).mappingName());
        assertEquals("audit_entries", entities.get(AuditEntry.class).metadata().table());
    }

    @Test
    void anEntityTableOverrideWinsOverTheNamingStrategy() {
        Entities snake = isolated(NamingStrategy.snakeCase(), LegacyCustomer.class);
        assertEquals("tbl_customer", snake.get(LegacyCustomer.class).metadata().table());
    }

    @Test
    void anEntityTableOverrideIsUsedWhenSaving() {
        execute("CREATE TABLE \"tbl_customer\" (\"id\" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                + " \"cust_name\" VARCHAR(100))");
        LegacyCustomer customer = entities.get(LegacyCustomer.class).setFullName("Ada Lovelace").save();
        assertNotNull(customer.getId());
        assertEquals("Ada Lovelace", rows("tbl_customer", "id").get(0).get("cust_name"));
    }

    @Test
    void anEntityTableOverrideIsUsedWhenReading() {
        execute("CREATE TABLE \"tbl_customer\" (\"id\" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                + " \"cust_name\" VARCHAR(100))");
        execute("INSERT INTO \"tbl_customer\" (\"cust_name\") VALUES ('Ada Lovelace')");
        assertEquals("Ada Lovelace", entities.get(LegacyCustomer.class).firstOrFail().getFullName());
    }

    @Test
    void aModuleEntityWithATableOverrideUsesThatTable() {
        assertEquals("blog_users", entities.registry().metadata("User@blog").table());
    }

    // ---- switching to snake_case in one line ------------------------------------------------------

    @Test
    void snakeCaseNamingIsUsedByTheRegistryWhenConfigured() {
        Entities snake = isolated(NamingStrategy.snakeCase(), AuditEntry.class);
        assertSame(NamingStrategy.snakeCase(), snake.registry().naming());
    }

    @Test
    void snakeCaseNamingMapsATwoWordAttributeToASnakeCaseColumn() {
        Entities snake = isolated(NamingStrategy.snakeCase(), AuditEntry.class);
        assertEquals("created_by", snake.get(AuditEntry.class).metadata().attribute("createdBy").column());
    }

    @Test
    void snakeCaseNamingKeepsTheSnakeCasePluralTable() {
        Entities snake = isolated(NamingStrategy.snakeCase(), AuditEntry.class);
        assertEquals("audit_entries", snake.get(AuditEntry.class).metadata().table());
    }

    @Test
    void snakeCaseNamingRenamesEveryTwoWordColumnOfAModelEntity() {
        Entities snake = isolated(NamingStrategy.snakeCase(), Post.class);
        EntityMetadata<Post> post = snake.get(Post.class).metadata();
        assertEquals(List.of("id", "user_id", "title", "body", "published", "created_at", "updated_at"),
                post.attributes().stream().map(Attribute::column).toList());
    }

    @Test
    void snakeCaseNamingLeavesAttributeNamesAlone() {
        Entities snake = isolated(NamingStrategy.snakeCase(), AuditEntry.class);
        assertEquals(List.of("id", "createdBy"), snake.get(AuditEntry.class).metadata().attributeNames());
    }

    @Test
    void snakeCaseNamingSavesIntoTheSnakeCaseColumn() {
        Entities snake = isolated(NamingStrategy.snakeCase(), AuditEntry.class);
        sql(snake, "CREATE TABLE \"audit_entries\" (\"id\" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                + " \"created_by\" VARCHAR(100))");
        AuditEntry entry = snake.get(AuditEntry.class).setCreatedBy("ada").save();
        assertNotNull(entry.getId());
        List<Map<String, Object>> rows = select(snake, "SELECT \"id\", \"created_by\" FROM \"audit_entries\"");
        assertEquals(1, rows.size());
        assertEquals("ada", rows.get(0).get("created_by"));
        assertEquals(entry.getId(), ((Number) rows.get(0).get("id")).longValue());
    }

    @Test
    void snakeCaseNamingFindsARowByKey() {
        Entities snake = isolated(NamingStrategy.snakeCase(), AuditEntry.class);
        sql(snake, "CREATE TABLE \"audit_entries\" (\"id\" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                + " \"created_by\" VARCHAR(100))");
        sql(snake, "INSERT INTO \"audit_entries\" (\"created_by\") VALUES ('grace')");
        long id = select(snake, "SELECT \"id\" FROM \"audit_entries\"").stream()
                .map(r -> ((Number) r.get("id")).longValue()).findFirst().orElseThrow();
        AuditEntry found = snake.get(AuditEntry.class).findOrFail(id);
        assertEquals("grace", found.getCreatedBy());
    }

    @Test
    void snakeCaseNamingQueriesByAttributeName() {
        Entities snake = isolated(NamingStrategy.snakeCase(), AuditEntry.class);
        sql(snake, "CREATE TABLE \"audit_entries\" (\"id\" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                + " \"created_by\" VARCHAR(100))");
        snake.get(AuditEntry.class).setCreatedBy("ada").save();
        snake.get(AuditEntry.class).setCreatedBy("grace").save();
        assertEquals("grace", snake.get(AuditEntry.class).firstWhere("createdBy", "grace").orElseThrow().getCreatedBy());
    }

    @Test
    void snakeCaseNamingUpdatesTheSnakeCaseColumn() {
        Entities snake = isolated(NamingStrategy.snakeCase(), AuditEntry.class);
        sql(snake, "CREATE TABLE \"audit_entries\" (\"id\" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                + " \"created_by\" VARCHAR(100))");
        AuditEntry entry = snake.get(AuditEntry.class).setCreatedBy("ada").save();
        entry.setCreatedBy("grace").save();
        assertEquals("grace", select(snake, "SELECT \"created_by\" FROM \"audit_entries\"").get(0).get("created_by"));
    }

    @Test
    void snakeCaseNamingWorksWhenRegisteredThroughTheIndexToo() {
        Injector extra = Guice.createInjector(QuarryModule.builder()
                .url("jdbc:hsqldb:mem:ConventionsIT-" + UUID.randomUUID())
                .naming(NamingStrategy.snakeCase())
                .build());
        extraInjectors.add(extra);
        EntityRegistry registry = extra.getInstance(EntityRegistry.class);
        assertEquals("user_id", registry.metadata(Post.class).attribute("userId").column());
        assertEquals("created_by", registry.metadata(AuditEntry.class).attribute("createdBy").column());
    }

    // ---- the strategies through the public API ---------------------------------------------------

    @Nested
    class QuickStrategy {
        private final NamingStrategy quick = NamingStrategy.quick();

        @Test
        void foreignKeyIsTheCamelCaseEntityNameAndKey() {
            assertEquals("userId", quick.foreignKey("User", "id"));
        }

        @Test
        void foreignKeyOfATwoWordEntityIsCamelCase() {
            assertEquals("blogPostId", quick.foreignKey("BlogPost", "id"));
        }

        @Test
        void pivotTableJoinsTheTwoTablesAlphabetically() {
            assertEquals("permissions_users", quick.pivotTable("User", "users", "Permission", "permissions"));
        }

        @Test
        void pivotTableDoesNotDependOnTheOrderOfTheEntities() {
            assertEquals("permissions_users", quick.pivotTable("Permission", "permissions", "User", "users"));
        }

        @Test
        void pivotTableOfATwoWordEntityUsesItsTable() {
            assertEquals("blog_posts_tags", quick.pivotTable("Tag", "tags", "BlogPost", "blog_posts"));
        }

        @Test
        void columnNameIsTheAttributeName() {
            assertEquals("createdAt", quick.columnName("createdAt"));
        }

        @Test
        void tableNameOfATwoWordEntityIsTheSnakeCasePlural() {
            assertEquals("user_permissions", quick.tableName("UserPermission"));
        }

        @Test
        void tableNameOfAnIrregularNoun() {
            assertEquals("people", quick.tableName("Person"));
        }

        @Test
        void tableNameOfANounEndingInConsonantY() {
            assertEquals("categories", quick.tableName("Category"));
        }

        @Test
        void tableNameOfANounEndingInUs() {
            assertEquals("statuses", quick.tableName("Status"));
        }

        @Test
        void tableNameOfANounEndingInX() {
            assertEquals("boxes", quick.tableName("Box"));
        }

        @Test
        void tableNameOfANounEndingInF() {
            assertEquals("leaves", quick.tableName("Leaf"));
        }

        @Test
        void tableNameOfAnUncountableNounIsTheNounItself() {
            assertEquals("equipment", quick.tableName("Equipment"));
        }

        @Test
        void tableNameOfARegularNoun() {
            assertEquals("users", quick.tableName("User"));
        }

        @Test
        void tableNameOfANounEndingInVowelY() {
            assertEquals("days", quick.tableName("Day"));
        }

        @Test
        void tableNameOfATwoWordEntityEndingInAnIrregularNoun() {
            assertEquals("sales_people", quick.tableName("SalesPerson"));
        }

        @Test
        void describesItself() {
            assertEquals("NamingStrategy.quick()", quick.toString());
        }
    }

    @Nested
    class SnakeCaseStrategy {
        private final NamingStrategy snake = NamingStrategy.snakeCase();

        @Test
        void foreignKeyIsTheSnakeCaseEntityNameAndKey() {
            assertEquals("user_id", snake.foreignKey("User", "id"));
        }

        @Test
        void foreignKeyOfATwoWordEntityIsSnakeCase() {
            assertEquals("blog_post_id", snake.foreignKey("BlogPost", "id"));
        }

        @Test
        void pivotTableJoinsTheTwoSingularNamesAlphabetically() {
            assertEquals("permission_user", snake.pivotTable("User", "users", "Permission", "permissions"));
        }

        @Test
        void pivotTableDoesNotDependOnTheOrderOfTheEntities() {
            assertEquals("permission_user", snake.pivotTable("Permission", "permissions", "User", "users"));
        }

        @Test
        void pivotTableOfATwoWordEntityUsesItsSnakeCaseName() {
            assertEquals("blog_post_tag", snake.pivotTable("Tag", "tags", "BlogPost", "blog_posts"));
        }

        @Test
        void columnNameIsTheSnakeCaseAttributeName() {
            assertEquals("created_at", snake.columnName("createdAt"));
        }

        @Test
        void columnNameOfAOneWordAttributeIsUnchanged() {
            assertEquals("email", snake.columnName("email"));
        }

        @Test
        void tableNameOfATwoWordEntityIsTheSnakeCasePlural() {
            assertEquals("user_permissions", snake.tableName("UserPermission"));
        }

        @Test
        void tableNameOfAnIrregularNoun() {
            assertEquals("people", snake.tableName("Person"));
        }

        @Test
        void tableNameOfANounEndingInConsonantY() {
            assertEquals("categories", snake.tableName("Category"));
        }

        @Test
        void tableNameOfANounEndingInUs() {
            assertEquals("statuses", snake.tableName("Status"));
        }

        @Test
        void tableNameOfANounEndingInX() {
            assertEquals("boxes", snake.tableName("Box"));
        }

        @Test
        void tableNameOfANounEndingInF() {
            assertEquals("leaves", snake.tableName("Leaf"));
        }

        @Test
        void tableNameOfAnUncountableNounIsTheNounItself() {
            assertEquals("equipment", snake.tableName("Equipment"));
        }

        @Test
        void describesItself() {
            assertEquals("NamingStrategy.snakeCase()", snake.toString());
        }
    }
}
