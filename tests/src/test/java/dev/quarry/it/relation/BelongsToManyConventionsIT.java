package dev.quarry.it.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.quarry.Entities;
import dev.quarry.entity.Attribute;
import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.entity.UnknownEntityException;
import dev.quarry.inject.QuarryModule;
import dev.quarry.it.model.BlogUser;
import dev.quarry.it.model.Course;
import dev.quarry.it.model.Developer;
import dev.quarry.it.model.Permission;
import dev.quarry.it.model.Post;
import dev.quarry.it.model.Project;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.Student;
import dev.quarry.it.model.Tag;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.naming.NamingStrategy;
import dev.quarry.relation.BelongsToMany;
import dev.quarry.relation.InvalidRelationException;
import dev.quarry.relation.PivotTable;
import dev.quarry.sql.InvalidIdentifierException;
import dev.quarry.testing.StatementRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How belongsToMany derives and overrides its pivot table and keys: Quick's conventions by
 * default, Laravel's with the snake_case strategy, Quick's positional overrides and the fluent ones,
 * related entities by class, by name and by namespaced name, and what a bad declaration gives.
 */
class BelongsToManyConventionsIT extends DatabaseTest {

    /**
     * A second view of the users table, named Member, declaring relations in each of Quick's forms.
     * Relations are resolved only when called, so the invalid ones below harm nobody else.
     */
    @Entity(value = "Member", module = "BelongsToManyConventionsIT", table = "users")
    static class Member extends BaseEntity<Member> {
        private Long id;
        private String email;

        public BelongsToMany<Member, Permission> conventional() {
            return belongsToMany("Permission");
        }

        public BelongsToMany<Member, Permission> mapped() {
            return belongsToMany("Permission", "user_permission_map");
        }

        public BelongsToMany<Member, Permission> mappedWithKeys() {
            return belongsToMany("Permission", "user_permission_map", "FK_UserId", "FK_PermissionID");
        }

        public BelongsToMany<Member, Permission> nullsKeepTheConvention() {
            return belongsToMany("Permission", null, null, "permId", null, null);
        }

        public BelongsToMany<Member, BlogUser> blogUsers() {
            return belongsToMany("User@blog");
        }

        public BelongsToMany<Member, Permission> authPermissions() {
            return belongsToMany("Permission@auth");
        }

        public BelongsToMany<Member, Permission> misspelled() {
            return belongsToMany("Permision");
        }

        public BelongsToMany<Member, Permission> badTable() {
            return belongsToMany("Permission", "user permission map");
        }

        public BelongsToMany<Member, Permission> badForeignKey() {
            return belongsToMany("Permission", null, "FK_UserId\" OR 1=1 --", null);
        }

        public BelongsToMany<Member, Permission> unknownParentKey() {
            return belongsToMany("Permission", null, null, null, "nickname", null);
        }

        public BelongsToMany<Member, Permission> unknownRelatedKey() {
            return belongsToMany("Permission", null, null, null, null, "slug");
        }

        public BelongsToMany<Member, Permission> twoForeignKeysForOneKey() {
            return belongsToMany(Permission.class).foreignPivotKey("userId", "memberId");
        }

        public Long getId() {
            return id;
        }

        public String getEmail() {
            return email;
        }
    }

    /** The inverse of Member.mappedWithKeys, as Quick's page declares it: the two keys swapped. */
    @Entity(value = "Grant", module = "BelongsToManyConventionsIT", table = "permissions")
    static class Grant extends BaseEntity<Grant> {
        private Long id;
        private String name;

        public BelongsToMany<Grant, Member> members() {
            return belongsToMany("Member@BelongsToManyConventionsIT", "user_permission_map", "FK_PermissionID", "FK_UserId");
        }

        public Long getId() {
            return id;
        }

        public String getName() {
            return name;
        }
    }

    /** A two-word entity, to tell the strategies' pivot names apart. */
    @Entity(module = "BelongsToManyConventionsIT")
    static class BlogArticle extends BaseEntity<BlogArticle> {
        private Long id;

        public BelongsToMany<BlogArticle, Tag> tags() {
            return belongsToMany(Tag.class);
        }

        public Long getId() {
            return id;
        }
    }

    /** An entity whose table name starts with a capital letter. */
    @Entity(value = "Zone", module = "BelongsToManyConventionsIT", table = "Zones")
    static class Zone extends BaseEntity<Zone> {
        private Long id;

        public BelongsToMany<Zone, Tag> tags() {
            return belongsToMany(Tag.class);
        }

        public Long getId() {
            return id;
        }
    }

    private final List<Injector> extraInjectors = new ArrayList<>();

    @AfterEach
    void shutDownExtraDatabases() {
        for (Injector extra : extraInjectors) {
            extra.getInstance(Jdbi.class).useHandle(h -> h.execute("SHUTDOWN"));
        }
    }

    // ---- Quick's conventions ---------------------------------------------------------------------------

    @Test
    void thePivotTableJoinsTheTwoTableNamesInAlphabeticalOrder() {
        assertEquals("permissions_users", entities.get(User.class).permissions().pivotTable().table());
        assertEquals("roles_users", entities.get(User.class).roles().pivotTable().table());
        assertEquals("permissions_roles", entities.get(Role.class).permissions().pivotTable().table());
    }

    @Test
    void theAlphabeticalOrderOfTheTableNamesIgnoresCase() {
        assertEquals("tags_zones", entities.get(Zone.class).tags().pivotTable().table().toLowerCase(Locale.ROOT));
    }

    @Test
    void thePivotKeysAreTheEntityNamesInCamelCaseWithTheKeyColumn() {
        PivotTable pivot = entities.get(User.class).permissions().pivotTable();
        assertEquals(List.of("userId"), pivot.foreignPivotKeys());
        assertEquals(List.of("permissionId"), pivot.relatedPivotKeys());
    }

    @Test
    void theParentAndRelatedKeysAreThePrimaryKeys() {
        PivotTable pivot = entities.get(User.class).permissions().pivotTable();
        assertEquals(List.of("id"), pivot.parentKeys().stream().map(Attribute::name).toList());
        assertEquals(List.of("id"), pivot.relatedKeys().stream().map(Attribute::name).toList());
    }

    @Test
    void theInverseUsesTheSamePivotTableWithTheKeysSwapped() {
        PivotTable forward = entities.get(Post.class).tags().pivotTable();
        PivotTable inverse = entities.get(Tag.class).posts().pivotTable();
        assertEquals("posts_tags", forward.table());
        assertEquals(forward.table(), inverse.table());
        assertEquals(forward.foreignPivotKeys(), inverse.relatedPivotKeys());
        assertEquals(forward.relatedPivotKeys(), inverse.foreignPivotKeys());
    }

    @Test
    void aCompositeRelatedKeyGivesOneRelatedPivotKeyPerKeyPart() {
        PivotTable pivot = entities.get(Developer.class).projects().pivotTable();
        assertEquals("developers_projects", pivot.table());
        assertEquals(List.of("developerId"), pivot.foreignPivotKeys());
        assertEquals(List.of("projectOrgId", "projectCode"), pivot.relatedPivotKeys());
    }

    @Test
    void aCompositeParentKeyGivesOneForeignPivotKeyPerKeyPart() {
        PivotTable pivot = entities.get(Project.class).developers().pivotTable();
        assertEquals(List.of("projectOrgId", "projectCode"), pivot.foreignPivotKeys());
        assertEquals(List.of("developerId"), pivot.relatedPivotKeys());
    }

    @Test
    void aTwoWordEntityJoinsItsTableNameAndCamelCasesItsKey() {
        PivotTable pivot = entities.get(BlogArticle.class).tags().pivotTable();
        assertEquals("blog_articles_tags", pivot.table());
        assertEquals(List.of("blogArticleId"), pivot.foreignPivotKeys());
    }

    @Test
    void theKeysComeFromTheEntityNameWhileThePivotTableComesFromTheTableNames() {
        PivotTable pivot = entities.get(Member.class).conventional().pivotTable();
        assertEquals("permissions_users", pivot.table());
        assertEquals(List.of("memberId"), pivot.foreignPivotKeys());
    }

    @Test
    void derivingThePivotRunsNoStatement() {
        entities.get(User.class).roles().pivotTable();
        entities.get(Developer.class).projects().getPivotColumns();
        assertEquals(0, statements.count());
    }

    @Test
    void theRelationIsNamedByTheMethodThatDeclaresIt() {
        assertEquals("roles", entities.get(User.class).roles().name());
        assertEquals("courses", entities.get(Student.class).courses().name());
        assertEquals("mappedWithKeys", entities.get(Member.class).mappedWithKeys().name());
    }

    // ---- both sides read the same pivot rows -------------------------------------------------------

    @Test
    void bothSidesReadTheSamePivotRows() {
        User ada = entities.get(User.class).create(Map.of("email", "ada@example.com"));
        User grace = entities.get(User.class).create(Map.of("email", "grace@example.com"));
        Permission read = entities.get(Permission.class).create(Map.of("name", "read"));
        Permission write = entities.get(Permission.class).create(Map.of("name", "write"));
        execute("INSERT INTO \"permissions_users\" VALUES (?, ?), (?, ?), (?, ?)",
                ada.getId(), read.getId(), ada.getId(), write.getId(), grace.getId(), read.getId());
        assertEquals(List.of("read", "write"), ada.permissions().orderBy("name").get().stream().map(Permission::getName).toList());
        assertEquals(List.of("ada@example.com", "grace@example.com"),
                read.users().orderBy("email").get().stream().map(User::getEmail).toList());
        assertEquals(List.of("ada@example.com"), write.users().get().stream().map(User::getEmail).toList());
    }

    @Test
    void theStringAndClassFormsResolveToTheSameEntityAndPivot() {
        BelongsToMany<User, Permission> byName = entities.get(User.class).permissions();
        BelongsToMany<Permission, User> byClass = entities.get(Permission.class).users();
        assertSame(Permission.class, byName.related().type());
        assertSame(User.class, byClass.related().type());
        assertEquals(byName.pivotTable().table(), byClass.pivotTable().table());
    }

    // ---- overrides ---------------------------------------------------------------------------------------

    @Test
    void quicksSixArgumentFormOverridesTableKeysAndKeyAttributes() {
        PivotTable pivot = entities.get(Student.class).courses().pivotTable();
        assertEquals("enrolments", pivot.table());
        assertEquals(List.of("studentCode"), pivot.foreignPivotKeys());
        assertEquals(List.of("courseRef"), pivot.relatedPivotKeys());
        assertEquals(List.of("code"), pivot.parentKeys().stream().map(Attribute::name).toList());
        assertEquals(List.of("ref"), pivot.relatedKeys().stream().map(Attribute::name).toList());
    }

    @Test
    void theFluentOverridesGiveTheSwappedInverse() {
        PivotTable forward = entities.get(Student.class).courses().pivotTable();
        PivotTable inverse = entities.get(Course.class).students().pivotTable();
        assertEquals(forward.table(), inverse.table());
        assertEquals(forward.foreignPivotKeys(), inverse.relatedPivotKeys());
        assertEquals(forward.parentKeys(), inverse.relatedKeys());
        assertEquals(forward.relatedKeys(), inverse.parentKeys());
    }

    @Test
    void thePositionalAndFluentSidesReadTheSameRowsByTheirCustomKeys() {
        Student ada = entities.get(Student.class).setCode("S1").setName("Ada").save();
        entities.get(Student.class).setCode("S2").setName("Grace").save();
        Course algebra = entities.get(Course.class).setRef("C1").setTitle("Algebra").save();
        entities.get(Course.class).setRef("C2").setTitle("Biology").save();
        execute("INSERT INTO \"enrolments\" VALUES ('S1', 'C1', 5), ('S2', 'C2', 4)");
        assertEquals(List.of("Algebra"), ada.courses().get().stream().map(Course::getTitle).toList());
        assertEquals(List.of("Ada"), algebra.students().get().stream().map(Student::getName).toList());
    }

    @Test
    void theTwoArgumentFormNamesOnlyThePivotTable() {
        PivotTable pivot = entities.get(Member.class).mapped().pivotTable();
        assertEquals("user_permission_map", pivot.table());
        assertEquals(List.of("memberId"), pivot.foreignPivotKeys());
        assertEquals(List.of("permissionId"), pivot.relatedPivotKeys());
    }

    @Test
    void theFourArgumentFormNamesThePivotTableAndBothKeys() {
        PivotTable pivot = entities.get(Member.class).mappedWithKeys().pivotTable();
        assertEquals("user_permission_map", pivot.table());
        assertEquals(List.of("FK_UserId"), pivot.foreignPivotKeys());
        assertEquals(List.of("FK_PermissionID"), pivot.relatedPivotKeys());
    }

    @Test
    void nullArgumentsKeepTheConvention() {
        PivotTable pivot = entities.get(Member.class).nullsKeepTheConvention().pivotTable();
        assertEquals("permissions_users", pivot.table());
        assertEquals(List.of("memberId"), pivot.foreignPivotKeys());
        assertEquals(List.of("permId"), pivot.relatedPivotKeys());
        assertEquals(List.of("id"), pivot.parentKeys().stream().map(Attribute::name).toList());
    }

    @Test
    void quicksMappedTableAndItsSwappedInverseReadTheSameRows() {
        execute("CREATE TABLE \"user_permission_map\" (\"FK_UserId\" BIGINT NOT NULL, \"FK_PermissionID\" BIGINT NOT NULL)");
        User ada = entities.get(User.class).create(Map.of("email", "ada@example.com"));
        User grace = entities.get(User.class).create(Map.of("email", "grace@example.com"));
        Permission read = entities.get(Permission.class).create(Map.of("name", "read"));
        Permission write = entities.get(Permission.class).create(Map.of("name", "write"));
        execute("INSERT INTO \"user_permission_map\" VALUES (?, ?), (?, ?)", ada.getId(), read.getId(), grace.getId(), write.getId());
        Member member = entities.get(Member.class).findOrFail(ada.getId());
        Grant grant = entities.get(Grant.class).findOrFail(write.getId());
        assertEquals(List.of("read"), member.mappedWithKeys().get().stream().map(Permission::getName).toList());
        assertEquals(List.of("grace@example.com"), grant.members().get().stream().map(Member::getEmail).toList());
    }

    @Test
    void theFluentOverridesReplaceAConventionOnAnExistingRelation() {
        PivotTable pivot = entities.get(User.class).permissions().table("grants").foreignPivotKey("ownerId").pivotTable();
        assertEquals("grants", pivot.table());
        assertEquals(List.of("ownerId"), pivot.foreignPivotKeys());
        assertEquals(List.of("permissionId"), pivot.relatedPivotKeys());
    }

    // ---- related names ---------------------------------------------------------------------------------

    @Test
    void aNamespacedRelatedNameResolvesToThatModulesEntity() {
        BelongsToMany<Member, BlogUser> relation = entities.get(Member.class).blogUsers();
        assertSame(BlogUser.class, relation.related().type());
        assertEquals("blog_users", relation.getRelatedTable());
    }

    @Test
    void aNamespacedRelatedEntityIsKeyedByItsNameWithoutTheModule() {
        PivotTable pivot = entities.get(Member.class).blogUsers().pivotTable();
        assertEquals("blog_users_users", pivot.table());
        assertEquals(List.of("userId"), pivot.relatedPivotKeys());
    }

    @Test
    void aHandRegisteredNamespacedEntityIsFoundByItsNamespacedName() {
        Entities isolated = isolated(NamingStrategy.quick(), null, Map.of(Member.class, "Member", Permission.class, "Permission@auth"));
        BelongsToMany<Member, Permission> relation = isolated.get(Member.class).authPermissions();
        assertSame(Permission.class, relation.related().type());
        assertEquals("Permission@auth", relation.related().name());
        assertEquals(List.of("permissionId"), relation.pivotTable().relatedPivotKeys());
    }

    @Test
    void aMisspelledRelatedNameIsAnUnknownEntityNamingTheNearest() {
        UnknownEntityException e = assertThrows(UnknownEntityException.class, () -> entities.get(Member.class).misspelled());
        assertTrue(e.getMessage().contains("Permission"), e.getMessage());
    }

    // ---- Laravel's conventions ------------------------------------------------------------------------

    @Test
    void theSnakeCaseStrategyJoinsTheSingularNamesAndSnakeCasesTheKeys() {
        Entities laravel = laravel(null);
        PivotTable pivot = laravel.get(User.class).permissions().pivotTable();
        assertEquals("permission_user", pivot.table());
        assertEquals(List.of("user_id"), pivot.foreignPivotKeys());
        assertEquals(List.of("permission_id"), pivot.relatedPivotKeys());
    }

    @Test
    void theSnakeCaseInverseSwapsTheKeys() {
        PivotTable pivot = laravel(null).get(Permission.class).users().pivotTable();
        assertEquals("permission_user", pivot.table());
        assertEquals(List.of("permission_id"), pivot.foreignPivotKeys());
        assertEquals(List.of("user_id"), pivot.relatedPivotKeys());
    }

    @Test
    void theSnakeCaseStrategyNamesPivotTimestampsInSnakeCase() {
        assertEquals(List.of("user_id", "role_id", "assignedBy", "created_at", "updated_at"),
                laravel(null).get(User.class).roles().getPivotColumns());
    }

    @Test
    void theSnakeCaseStrategySnakeCasesATwoWordEntity() {
        Entities laravel = isolated(NamingStrategy.snakeCase(), null, Map.of(BlogArticle.class, "BlogArticle", Tag.class, "Tag"));
        PivotTable pivot = laravel.get(BlogArticle.class).tags().pivotTable();
        assertEquals("blog_article_tag", pivot.table());
        assertEquals(List.of("blog_article_id"), pivot.foreignPivotKeys());
        assertEquals(List.of("tag_id"), pivot.relatedPivotKeys());
    }

    @Test
    void theSnakeCaseStrategyReadsAndEagerLoadsThroughPermissionUser() {
        StatementRecorder recorder = new StatementRecorder();
        Entities laravel = laravel(recorder);
        sql(laravel, "CREATE TABLE \"users\" (\"id\" BIGINT GENERATED BY DEFAULT AS IDENTITY (START WITH 1) PRIMARY KEY, \"email\" VARCHAR(100),"
                + " \"name\" VARCHAR(100), \"active\" BOOLEAN, \"role\" VARCHAR(20), \"age\" INTEGER, \"admin\" BOOLEAN)");
        sql(laravel, "CREATE TABLE \"permissions\" (\"id\" BIGINT GENERATED BY DEFAULT AS IDENTITY (START WITH 1) PRIMARY KEY, \"name\" VARCHAR(100))");
        sql(laravel, "CREATE TABLE \"permission_user\" (\"user_id\" BIGINT NOT NULL, \"permission_id\" BIGINT NOT NULL)");
        sql(laravel, "INSERT INTO \"users\" (\"email\") VALUES ('ada@example.com'), ('grace@example.com')");
        sql(laravel, "INSERT INTO \"permissions\" (\"name\") VALUES ('read'), ('write')");
        sql(laravel, "INSERT INTO \"permission_user\" VALUES (1, 1), (1, 2), (2, 2)");
        User ada = laravel.get(User.class).findOrFail(1L);
        assertEquals(List.of("read", "write"), ada.permissions().orderBy("name").get().stream().map(Permission::getName).toList());
        recorder.reset();
        List<User> users = laravel.get(User.class).query().with("permissions").orderBy("id").get();
        assertEquals(2, recorder.count(), recorder.sql().toString());
        assertEquals(List.of("write"), users.get(1).permissions().getResults().stream().map(Permission::getName).toList());
    }

    // ---- bad declarations ---------------------------------------------------------------------------

    @Test
    void anInvalidPivotTableIsRefusedBeforeAnySql() {
        Member member = entities.get(Member.class).findOrFail(entities.get(User.class).create(Map.of("email", "a@example.com")).getId());
        statements.reset();
        assertThrows(InvalidIdentifierException.class, () -> member.badTable().get());
        assertEquals(0, statements.count());
    }

    @Test
    void anInvalidPivotKeyIsRefusedBeforeAnySql() {
        Member member = entities.get(Member.class).findOrFail(entities.get(User.class).create(Map.of("email", "a@example.com")).getId());
        statements.reset();
        assertThrows(InvalidIdentifierException.class, () -> member.badForeignKey().count());
        assertEquals(0, statements.count());
    }

    @Test
    void anInvalidFluentTableIsRefusedBeforeAnySql() {
        User ada = entities.get(User.class).create(Map.of("email", "ada@example.com"));
        statements.reset();
        assertThrows(InvalidIdentifierException.class, () -> ada.roles().table("roles_users; DROP TABLE users").get());
        assertThrows(InvalidIdentifierException.class, () -> ada.roles().relatedPivotKey("roleId = 1 OR 1").exists());
        assertEquals(0, statements.count());
    }

    @Test
    void anUnknownParentKeyAttributeIsAnInvalidRelationNamingIt() {
        InvalidRelationException e = assertThrows(InvalidRelationException.class,
                () -> entities.get(Member.class).unknownParentKey().pivotTable());
        assertTrue(e.getMessage().contains("nickname") && e.getMessage().contains("unknownParentKey"), e.getMessage());
    }

    @Test
    void anUnknownRelatedKeyAttributeIsAnInvalidRelationNamingIt() {
        InvalidRelationException e = assertThrows(InvalidRelationException.class,
                () -> entities.get(Member.class).unknownRelatedKey().pivotTable());
        assertTrue(e.getMessage().contains("slug"), e.getMessage());
    }

    @Test
    void moreForeignPivotKeysThanParentKeysIsAnInvalidRelation() {
        InvalidRelationException e = assertThrows(InvalidRelationException.class,
                () -> entities.get(Member.class).twoForeignKeysForOneKey().pivotTable());
        assertTrue(e.getMessage().contains("userId") && e.getMessage().contains("memberId"), e.getMessage());
    }

    @Test
    void fewerRelatedPivotKeysThanACompositeKeyIsAnInvalidRelation() {
        assertThrows(InvalidRelationException.class,
                () -> entities.get(Developer.class).projects().relatedPivotKey("projectCode").pivotTable());
    }

    @Test
    void fewerForeignPivotKeysThanACompositeParentKeyIsAnInvalidRelation() {
        assertThrows(InvalidRelationException.class,
                () -> entities.get(Project.class).developers().foreignPivotKey("projectOrgId").getPivotColumns());
    }

    @Test
    void noForeignPivotKeyAtAllIsAnInvalidRelation() {
        assertThrows(InvalidRelationException.class, () -> entities.get(User.class).roles().foreignPivotKey().pivotTable());
    }

    @Test
    void compositeRelatedKeysInAnotherOrderAreAcceptedWithMatchingPivotKeys() {
        PivotTable pivot = entities.get(Developer.class).projects().relatedKey("code", "orgId")
                .relatedPivotKey("projectCode", "projectOrgId").pivotTable();
        assertEquals(List.of("code", "orgId"), pivot.relatedKeys().stream().map(Attribute::name).toList());
    }

    @Test
    void aKeyAttributeMayBeNamedByItsColumn() {
        PivotTable pivot = entities.get(Student.class).courses().parentKey("code").relatedKey("ref").pivotTable();
        assertEquals("code", pivot.parentKeys().get(0).column());
    }

    // ---- helpers -------------------------------------------------------------------------------------

    /** An injector with Laravel's naming on its own in-memory database, with the three real entities. */
    private Entities laravel(StatementRecorder recorder) {
        return isolated(NamingStrategy.snakeCase(), recorder,
                Map.of(User.class, "User", Permission.class, "Permission", Role.class, "Role"));
    }

    private Entities isolated(NamingStrategy naming, StatementRecorder recorder, Map<Class<?>, String> types) {
        QuarryModule.Builder builder = QuarryModule.builder()
                .url("jdbc:hsqldb:mem:BelongsToManyConventionsIT-" + UUID.randomUUID())
                .naming(naming)
                .withoutIndex();
        if (recorder != null) {
            builder.statementListener(recorder);
        }
        types.forEach(builder::entity);
        Injector extra = Guice.createInjector(builder.build());
        extraInjectors.add(extra);
        return extra.getInstance(Entities.class);
    }

    private static void sql(Entities entities, String statement) {
        entities.database().jdbi().useHandle(h -> h.execute(statement));
    }
}
