package dev.quarry.it.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.it.model.Permission;
import dev.quarry.it.model.Post;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.Tag;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.relation.BelongsToMany;
import dev.quarry.relation.HasManyThrough;
import dev.quarry.relation.UnknownRelationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** hasManyThrough: chains of relations of every type, read, eager-loaded and queried in one statement each. */
class HasManyThroughIT extends DatabaseTest {
    private User ada;
    private User grace;
    private Role admin;
    private Role editor;
    private Permission edit;
    private Permission delete;
    private Permission publish;

    @BeforeEach
    void seed() {
        ada = entities.get(User.class).create(Map.of("email", "ada@example.com", "name", "Ada"));
        grace = entities.get(User.class).create(Map.of("email", "grace@example.com", "name", "Grace"));
        admin = entities.get(Role.class).create(Map.of("name", "admin"));
        editor = entities.get(Role.class).create(Map.of("name", "editor"));
        edit = entities.get(Permission.class).create(Map.of("name", "edit"));
        delete = entities.get(Permission.class).create(Map.of("name", "delete"));
        publish = entities.get(Permission.class).create(Map.of("name", "publish"));
        admin.permissions().attach(edit, delete);
        editor.permissions().attach(edit, publish);
        ada.roles().attach(admin, editor);
        grace.roles().attach(editor);
        statements.reset();
    }

    private static List<String> names(List<Permission> permissions) {
        return permissions.stream().map(Permission::getName).sorted().toList();
    }

    @Test
    void aChainThroughTwoManyToManyRelationsReadsInOneStatementWithoutDuplicates() {
        List<Permission> permissions = ada.permissionsThroughRoles().get();

        assertEquals(1, statements.count());
        assertEquals(List.of("delete", "edit", "publish"), names(permissions));
    }

    @Test
    void theChainIsConstrainedToItsParentAndTakesConditions() {
        assertEquals(List.of("edit", "publish"), names(grace.permissionsThroughRoles().get()));
        assertEquals(List.of("publish"), names(grace.permissionsThroughRoles().where("name", "like", "pub%").get()));
        assertEquals(2, grace.permissionsThroughRoles().count());
        assertEquals(3, ada.permissionsThroughRoles().count());
    }

    @Test
    void quicksPivotEntityChainWorksWithItsCapitalisedNames() {
        List<Role> roles = ada.rolesThroughPivot().orderBy("name").get();

        assertEquals(List.of("admin", "editor"), roles.stream().map(Role::getName).toList());
    }

    @Test
    void aChainMixingBelongsToManyAndBelongsToReachesTheAuthors() {
        Tag news = entities.get(Tag.class).create(Map.of("name", "news"));
        Post p1 = ada.posts().create(Map.of("title", "p1"));
        Post p2 = ada.posts().create(Map.of("title", "p2"));
        Post p3 = grace.posts().create(Map.of("title", "p3"));
        p1.tags().attach(news);
        p2.tags().attach(news);
        p3.tags().attach(news);

        List<User> authors = news.authors().orderBy("name").get();

        assertEquals(List.of("Ada", "Grace"), authors.stream().map(User::getName).toList());
        assertEquals(2, news.authors().count());
    }

    @Test
    void eagerLoadingAChainForManyParentsIsOneStatementMore() {
        List<User> users = entities.get(User.class).query().with("permissionsThroughRoles").orderBy("id").get();

        assertEquals(2, statements.count());
        assertEquals(List.of("delete", "edit", "publish"), names(users.get(0).getPermissionsThroughRoles()));
        assertEquals(List.of("edit", "publish"), names(users.get(1).getPermissionsThroughRoles()));
        assertEquals(2, statements.count());
    }

    @Test
    void relationQueriesAndCountsFollowTheChain() {
        entities.get(User.class).create(Map.of("email", "bob@example.com", "name", "Bob"));

        List<User> deleters = entities.get(User.class).query()
                .whereHas("permissionsThroughRoles", p -> p.where("name", "delete")).get();
        List<User> counted = entities.get(User.class).query().withCount("permissionsThroughRoles").orderBy("id").get();

        assertEquals(List.of("Ada"), deleters.stream().map(User::getName).toList());
        assertEquals(List.of(3L, 2L, 0L), counted.stream().map(u -> u.relationCount("permissionsThroughRoles")).toList());
    }

    @Test
    void getResultsIsCached() {
        ada.getPermissionsThroughRoles();
        statements.reset();

        ada.getPermissionsThroughRoles();

        assertEquals(0, statements.count());
    }

    @Test
    void hasOneThroughReachesTheOneEntityAtTheEndOfTheChain() {
        grace.profile().create(Map.of("bio", "admiral"));
        Post byGrace = grace.posts().create(Map.of("title", "g"));
        Post byAda = ada.posts().create(Map.of("title", "a"));
        Post orphan = entities.get(Post.class).create(Map.of("title", "orphan"));

        assertEquals("admiral", byGrace.authorProfile().getResults().getBio());
        assertEquals("admiral", byGrace.getAuthorProfile().getBio());
        assertEquals(null, byAda.authorProfile().getResults());
        assertEquals(null, orphan.getAuthorProfile());
        statements.reset();
        List<Post> posts = entities.get(Post.class).query().with("authorProfile").orderBy("id").get();
        assertEquals(2, statements.count());
        assertEquals("admiral", posts.get(0).getAuthorProfile().getBio());
        assertEquals(null, posts.get(1).getAuthorProfile());
    }

    /** A user whose chain misspells its second link. */
    @Entity(value = "Misspelled", module = "HasManyThroughIT", table = "users")
    static class Misspelled extends BaseEntity<Misspelled> {
        Long id;

        public BelongsToMany<Misspelled, Role> roles() {
            return belongsToMany(Role.class).table("roles_users").foreignPivotKey("userId");
        }

        public HasManyThrough<Misspelled, Permission> permissions() {
            return hasManyThrough("roles", "permisions");
        }
    }

    @Test
    void anUnknownLinkIsNamedWithItsChainAndTheNearestName() {
        Misspelled user = entities.get(Misspelled.class);

        UnknownRelationException error = assertThrows(UnknownRelationException.class, user::permissions);

        assertTrue(error.getMessage().contains("permisions (in the chain of"), error.getMessage());
        assertTrue(error.getMessage().contains("Did you mean permissions"), error.getMessage());
    }
}
