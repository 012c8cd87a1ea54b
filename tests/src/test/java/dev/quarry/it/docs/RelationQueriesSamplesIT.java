package dev.quarry.it.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.it.model.Permission;
import dev.quarry.it.model.Post;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.Tag;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.relation.BelongsToMany;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the samples of docs/relationship-queries.md and docs/has-many-through.md. */
class RelationQueriesSamplesIT extends DatabaseTest {
    private User ada;
    private User grace;

    @BeforeEach
    void seed() {
        ada = entities.get(User.class).create(Map.of("email", "ada@example.com", "name", "Ada"));
        grace = entities.get(User.class).create(Map.of("email", "grace@example.com", "name", "Grace"));
        entities.get(User.class).create(Map.of("email", "bob@example.com", "name", "Bob"));
        Post a1 = ada.posts().create(Map.of("title", "Quarry 1.0", "published", true));
        ada.posts().create(Map.of("title", "a2"));
        ada.posts().create(Map.of("title", "a3"));
        grace.posts().create(Map.of("title", "g1"));
        a1.tags().attach(entities.get(Tag.class).create(Map.of("name", "news")));
        Role admin = entities.get(Role.class).create(Map.of("name", "admin"));
        admin.permissions().attach(entities.get(Permission.class).create(Map.of("name", "post.edit")));
        grace.roles().attach(admin);
    }

    private static List<String> names(List<User> users) {
        return users.stream().map(User::getName).sorted().toList();
    }

    @Test
    void existenceSamples() {
        // snippet:start relationship-queries-existence
        List<User> writers = entities.get(User.class).query().has("posts").get();                 // at least one post
        List<User> prolific = entities.get(User.class).query().has("posts", ">=", 3).get();       // at least three
        List<User> silent = entities.get(User.class).query().doesntHave("posts").get();           // none
        List<User> admins = entities.get(User.class).query().has("roles").orHas("posts").get();   // either
        // snippet:end

        assertEquals(List.of("Ada", "Grace"), names(writers));
        assertEquals(List.of("Ada"), names(prolific));
        assertEquals(List.of("Bob"), names(silent));
        assertEquals(List.of("Ada", "Grace"), names(admins));
    }

    @Test
    void constrainedSamples() {
        // snippet:start relationship-queries-constrained
        List<User> published = entities.get(User.class).query()
                .whereHas("posts", p -> p.where("published", true))
                .get();
        List<User> noDrafts = entities.get(User.class).query()
                .whereDoesntHave("posts", p -> p.where("published", false))
                .get();
        List<User> either = entities.get(User.class).query()
                .where("name", "Bob")
                .orWhereHas("posts", p -> p.where("title", "like", "Quarry%"))
                .get();
        // snippet:end

        assertEquals(List.of("Ada"), names(published));
        assertEquals(List.of("Bob"), names(noDrafts));
        assertEquals(List.of("Ada", "Bob"), names(either));
    }

    @Test
    void nestedSample() {
        // snippet:start relationship-queries-nested
        List<User> newsWriters = entities.get(User.class).query()
                .whereHas("posts.tags", t -> t.where("name", "news"))
                .get();
        // snippet:end

        assertEquals(List.of("Ada"), names(newsWriters));
    }

    @Test
    void countingSample() {
        // snippet:start relationship-queries-counting
        List<User> users = entities.get(User.class).query()
                .withCount("posts", "roles")
                .withCount("posts as published", p -> p.where("published", true))
                .orderBy("id")
                .get();

        long posts = users.get(0).relationCount("posts");          // the postsCount column
        long published = users.get(0).relationCount("published");
        // snippet:end

        assertEquals(3, posts);
        assertEquals(1, published);
        assertEquals(1, users.get(1).relationCount("roles"));
    }

    /** A user as a member who follows and is followed by other members, through the follows table. */
    @Entity(value = "Member", module = "RelationQueriesSamplesIT", table = "users")
    static class Member extends BaseEntity<Member> {
        private Long id;
        private String name;

        public BelongsToMany<Member, Member> followers() {
            return belongsToMany(Member.class).table("follows").foreignPivotKey("followedId").relatedPivotKey("followerId");
        }

        public Long getId() {
            return id;
        }

        public String getName() {
            return name;
        }
    }

    @Test
    void relationsOfAnEntityWithItself() {
        execute("CREATE TABLE \"follows\" (\"followerId\" BIGINT NOT NULL, \"followedId\" BIGINT NOT NULL)");
        entities.get(Member.class).findOrFail(grace.getId()).followers().attach(ada.getId());
        entities.get(Member.class).findOrFail(ada.getId()).followers().attach(grace.getId());

        // snippet:start relationship-queries-self
        List<Member> followedByAda = entities.get(Member.class).query()
                .whereHas("followers", f -> f.where("name", "Ada"))
                .get();
        // snippet:end

        assertEquals(List.of("Grace"), followedByAda.stream().map(Member::getName).toList());
    }

    @Test
    void hasManyThroughSamples() {
        User user = grace;

        // snippet:start has-many-through-reading
        List<Permission> all = user.permissionsThroughRoles().get();                   // one SELECT
        List<Permission> some = user.permissionsThroughRoles().where("name", "like", "post.%").get();
        long count = user.permissionsThroughRoles().count();
        List<Permission> cached = user.getPermissionsThroughRoles();                    // loaded once, then cached
        // snippet:hide
        statements.reset();
        // snippet:show
        List<User> users = entities.get(User.class).query().with("permissionsThroughRoles").orderBy("id").get();   // 2 statements
        // snippet:end
        assertEquals(2, statements.count());

        assertEquals(1, all.size());
        assertEquals(1, some.size());
        assertEquals(1, count);
        assertEquals(all.get(0).getId(), cached.get(0).getId());
        assertEquals(List.of(0, 1, 0), users.stream().map(u -> u.getPermissionsThroughRoles().size()).toList());
        assertEquals(List.of("admin"), grace.rolesThroughPivot().get().stream().map(Role::getName).toList());
    }
}
