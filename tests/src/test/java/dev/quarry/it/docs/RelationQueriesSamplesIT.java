package dev.quarry.it.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.it.model.Permission;
import dev.quarry.it.model.Post;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.Tag;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
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
        List<User> writers = entities.get(User.class).query().has("posts").get();
        List<User> prolific = entities.get(User.class).query().has("posts", ">=", 3).get();
        List<User> silent = entities.get(User.class).query().doesntHave("posts").get();
        List<User> admins = entities.get(User.class).query().has("roles").orHas("posts").get();

        assertEquals(List.of("Ada", "Grace"), names(writers));
        assertEquals(List.of("Ada"), names(prolific));
        assertEquals(List.of("Bob"), names(silent));
        assertEquals(List.of("Ada", "Grace"), names(admins));
    }

    @Test
    void constrainedSamples() {
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

        assertEquals(List.of("Ada"), names(published));
        assertEquals(List.of("Bob"), names(noDrafts));
        assertEquals(List.of("Ada", "Bob"), names(either));
    }

    @Test
    void nestedSample() {
        List<User> newsWriters = entities.get(User.class).query()
                .whereHas("posts.tags", t -> t.where("name", "news"))
                .get();

        assertEquals(List.of("Ada"), names(newsWriters));
    }

    @Test
    void countingSample() {
        List<User> users = entities.get(User.class).query()
                .withCount("posts", "roles")
                .withCount("posts as published", p -> p.where("published", true))
                .orderBy("id")
                .get();

        long posts = users.get(0).relationCount("posts");
        long published = users.get(0).relationCount("published");

        assertEquals(3, posts);
        assertEquals(1, published);
        assertEquals(1, users.get(1).relationCount("roles"));
    }

    @Test
    void hasManyThroughSamples() {
        User user = grace;

        List<Permission> all = user.permissionsThroughRoles().get();
        List<Permission> some = user.permissionsThroughRoles().where("name", "like", "post.%").get();
        long count = user.permissionsThroughRoles().count();
        List<Permission> cached = user.getPermissionsThroughRoles();
        List<User> users = entities.get(User.class).query().with("permissionsThroughRoles").orderBy("id").get();

        assertEquals(1, all.size());
        assertEquals(1, some.size());
        assertEquals(1, count);
        assertEquals(all.get(0).getId(), cached.get(0).getId());
        assertEquals(List.of(0, 1, 0), users.stream().map(u -> u.getPermissionsThroughRoles().size()).toList());
        assertEquals(List.of("admin"), grace.rolesThroughPivot().get().stream().map(Role::getName).toList());
    }
}
