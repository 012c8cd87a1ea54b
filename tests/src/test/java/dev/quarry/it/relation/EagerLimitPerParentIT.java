package dev.quarry.it.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.it.model.Course;
import dev.quarry.it.model.Developer;
import dev.quarry.it.model.Permission;
import dev.quarry.it.model.Post;
import dev.quarry.it.model.Project;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.Student;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.it.support.TestDatabases;
import dev.quarry.query.InvalidQueryException;
import dev.quarry.relation.UnknownRelationException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A limit (and offset) in an eager-load constraint applies to each parent's rows, in one statement
 * for all parents: {@code with("posts", q -> q.orderBy("title", "desc").limit(3))} gives every user
 * at most its own three last posts, not three posts among all users.
 */
class EagerLimitPerParentIT extends DatabaseTest {

    private User user(String email) {
        return entities.get(User.class).create(Map.of("email", email));
    }

    private void posts(User user, String... titles) {
        for (String title : titles) {
            user.posts().create(Map.of("title", title));
        }
    }

    private static <E> List<String> names(List<E> entities, Function<E, String> name) {
        return entities.stream().map(name).toList();
    }

    private List<User> usersWithLastThreePosts() {
        List<User> users = entities.get(User.class).query().orderBy("id")
                .with("posts", q -> q.orderBy("title", "desc").limit(3)).get();
        return users;
    }

    @Test
    void eachParentGetsAtMostTheLimitOfItsOwnRowsInTheAskedOrder() {
        posts(user("ada@example.com"), "a1", "a2", "a3", "a4", "a5");
        posts(user("bob@example.com"), "b1", "b2", "b3", "b4");

        List<User> users = usersWithLastThreePosts();

        assertEquals(List.of("a5", "a4", "a3"), names(users.get(0).posts().getResults(), Post::getTitle));
        assertEquals(List.of("b4", "b3", "b2"), names(users.get(1).posts().getResults(), Post::getTitle));
    }

    @Test
    void aParentWithFewerRowsThanTheLimitGetsAllOfThem() {
        posts(user("ada@example.com"), "a1", "a2", "a3", "a4");
        posts(user("bob@example.com"), "b1");
        user("cyd@example.com");

        List<User> users = usersWithLastThreePosts();

        assertEquals(List.of("b1"), names(users.get(1).posts().getResults(), Post::getTitle));
        assertEquals(List.of(), users.get(2).posts().getResults());
    }

    @Test
    void anOffsetSkipsTheFirstRowsOfEachParent() {
        posts(user("ada@example.com"), "a1", "a2", "a3", "a4", "a5");
        posts(user("bob@example.com"), "b1", "b2");

        List<User> users = entities.get(User.class).query().orderBy("id")
                .with("posts", q -> q.orderBy("title").offset(1).limit(2)).get();

        assertEquals(List.of("a2", "a3"), names(users.get(0).posts().getResults(), Post::getTitle));
        assertEquals(List.of("b2"), names(users.get(1).posts().getResults(), Post::getTitle));
    }

    @Test
    void anOffsetWithoutALimitSkipsTheFirstRowsOfEachParentAndKeepsTheRest() {
        posts(user("ada@example.com"), "a1", "a2", "a3");
        posts(user("bob@example.com"), "b1", "b2");

        List<User> users = entities.get(User.class).query().orderBy("id")
                .with("posts", q -> q.orderBy("title").offset(1)).get();

        assertEquals(List.of("a2", "a3"), names(users.get(0).posts().getResults(), Post::getTitle));
        assertEquals(List.of("b2"), names(users.get(1).posts().getResults(), Post::getTitle));
    }

    @Test
    void withoutAnOrderTheLimitKeepsTheRowsWithTheLowestKeys() {
        posts(user("ada@example.com"), "a1", "a2", "a3");
        posts(user("bob@example.com"), "b1", "b2", "b3");

        List<User> users = entities.get(User.class).query().orderBy("id").with("posts", q -> q.limit(2)).get();

        assertEquals(List.of("a1", "a2"), names(users.get(0).posts().getResults(), Post::getTitle));
        assertEquals(List.of("b1", "b2"), names(users.get(1).posts().getResults(), Post::getTitle));
    }

    @Test
    void aThousandParentsLoadTheirLimitedRowsInOneStatement() {
        if (TestDatabases.postgres()) {
            execute("INSERT INTO \"users\" (\"email\") SELECT 'u' || g || '@example.com' FROM generate_series(1, 1000) AS g");
            execute("INSERT INTO \"posts\" (\"userId\", \"title\") SELECT u.\"id\", 'p' || g FROM \"users\" u,"
                    + " generate_series(1, 5) AS g");
        } else {
            execute("INSERT INTO \"users\" (\"email\") SELECT 'u' || CAST(n AS VARCHAR(10)) || '@example.com'"
                    + " FROM UNNEST(SEQUENCE_ARRAY(1, 1000, 1)) AS t(n)");
            execute("INSERT INTO \"posts\" (\"userId\", \"title\", \"published\") SELECT u.\"id\", 'p' || CAST(n AS VARCHAR(10)), FALSE"
                    + " FROM \"users\" u, UNNEST(SEQUENCE_ARRAY(1, 5, 1)) AS t(n)");
        }
        statements.reset();

        List<User> users = entities.get(User.class).query().with("posts", q -> q.orderBy("title", "desc").limit(3)).get();

        assertEquals(1000, users.size());
        assertEquals(List.of("SELECT", "SELECT"), statementKinds(), "the users, then the posts of all of them");
        String posts = statements.sql().get(1);
        assertTrue(posts.contains(TestDatabases.postgres() ? "ROW_NUMBER() OVER (PARTITION BY" : "LATERAL ("), posts);
        assertTrue(users.stream().allMatch(u -> names(u.posts().getResults(), Post::getTitle).equals(List.of("p5", "p4", "p3"))));
    }

    @Test
    void aLimitOnALazyRelationQueryIsAPlainLimit() {
        User ada = user("ada@example.com");
        posts(ada, "a1", "a2", "a3");
        posts(user("bob@example.com"), "b1");
        statements.reset();

        List<Post> two = ada.posts().orderBy("title", "desc").limit(2).get();

        assertEquals(List.of("a3", "a2"), names(two, Post::getTitle));
        String sql = statements.sql().get(0);
        assertFalse(sql.contains("quarry_row") || sql.contains("LATERAL"), sql);
    }

    @Test
    void theRowNumberDoesNotBecomeAnAttributeOrExtraColumnOfTheEntities() {
        posts(user("ada@example.com"), "a1", "a2");

        Post post = usersWithLastThreePosts().get(0).posts().getResults().get(0);

        assertEquals(List.of("id", "userId", "title", "body", "published", "createdAt", "updatedAt"),
                List.copyOf(post.toMap().keySet()));
        assertThrows(UnknownRelationException.class, () -> post.relationCount("quarry_row"));
    }

    @Test
    void belongsToManyLimitsEachParentsRelatedRowsAndKeepsTheirPivotData() {
        User ada = user("ada@example.com");
        User bob = user("bob@example.com");
        List<Role> roles = List.of("admin", "editor", "guest", "owner").stream()
                .map(n -> entities.get(Role.class).create(Map.of("name", n))).toList();
        roles.forEach(r -> ada.roles().attach(r, Map.of("assignedBy", "root")));
        bob.roles().attach(roles.get(2), Map.of("assignedBy", "ada"));
        statements.reset();

        List<User> users = entities.get(User.class).query().orderBy("id")
                .with("roles", q -> q.orderBy("name", "desc").limit(2)).get();

        assertEquals(2, statements.sql().size());
        assertEquals(List.of("owner", "guest"), names(users.get(0).roles().getResults(), Role::getName));
        assertEquals(List.of("guest"), names(users.get(1).roles().getResults(), Role::getName));
        assertEquals("ada", users.get(1).roles().getResults().get(0).pivot().get("assignedBy"));
        assertThrows(UnknownRelationException.class, () -> users.get(0).roles().getResults().get(0).relationCount("quarry_row"));
    }

    @Test
    void belongsToManyOrderedByAPivotColumnLimitsByThatOrder() {
        User ada = user("ada@example.com");
        List<Role> roles = List.of("admin", "editor", "guest").stream()
                .map(n -> entities.get(Role.class).create(Map.of("name", n))).toList();
        ada.roles().attach(roles.get(0), Map.of("assignedBy", "b"));
        ada.roles().attach(roles.get(1), Map.of("assignedBy", "c"));
        ada.roles().attach(roles.get(2), Map.of("assignedBy", "a"));

        User loaded = entities.get(User.class).query()
                .with("roles", q -> ((dev.quarry.relation.BelongsToMany<?, ?>) q).orderByPivot("assignedBy").limit(2))
                .first().orElseThrow();

        assertEquals(List.of("guest", "admin"), names(loaded.roles().getResults(), Role::getName));
    }

    @Test
    void hasManyThroughLimitsEachParentsRowsAndCountsARowReachedTwiceOnce() {
        User ada = user("ada@example.com");
        User bob = user("bob@example.com");
        Role admin = entities.get(Role.class).create(Map.of("name", "admin"));
        Role editor = entities.get(Role.class).create(Map.of("name", "editor"));
        List<Permission> permissions = List.of("p1", "p2", "p3").stream()
                .map(n -> entities.get(Permission.class).create(Map.of("name", n))).toList();
        admin.permissions().attach(permissions.get(0), permissions.get(1), permissions.get(2));
        editor.permissions().attach(permissions.get(0));
        ada.roles().attach(admin, editor);
        bob.roles().attach(editor);
        statements.reset();

        List<User> users = entities.get(User.class).query().orderBy("id")
                .with("permissionsThroughRoles", q -> q.orderBy("name").limit(2)).get();

        assertEquals(2, statements.sql().size());
        assertEquals(List.of("p1", "p2"), names(users.get(0).permissionsThroughRoles().getResults(), Permission::getName));
        assertEquals(List.of("p1"), names(users.get(1).permissionsThroughRoles().getResults(), Permission::getName));
    }

    @Test
    void polymorphicHasManyLimitsEachParentsRows() {
        User ada = user("ada@example.com");
        Post first = ada.posts().create(Map.of("title", "first"));
        Post second = ada.posts().create(Map.of("title", "second"));
        for (String body : List.of("c1", "c2", "c3")) {
            first.comments().create(Map.of("body", body));
        }
        second.comments().create(Map.of("body", "d1"));
        statements.reset();

        List<Post> posts = entities.get(Post.class).query().orderBy("id")
                .with("comments", q -> q.orderBy("body", "desc").limit(2)).get();

        assertEquals(List.of("c3", "c2"), posts.get(0).comments().getResults().stream()
                .map(c -> c.getBody()).toList());
        assertEquals(List.of("d1"), posts.get(1).comments().getResults().stream().map(c -> c.getBody()).toList());
    }

    @Test
    void aCompositeParentKeyLimitsEachParentsRows() {
        Project one = entities.get(Project.class).create(Map.of("orgId", 1L, "code", "p", "name", "one"));
        Project two = entities.get(Project.class).create(Map.of("orgId", 2L, "code", "p", "name", "two"));
        List<Developer> developers = List.of("d1", "d2", "d3").stream()
                .map(n -> entities.get(Developer.class).create(Map.of("name", n))).toList();
        developers.forEach(d -> one.developers().attach(d));
        two.developers().attach(developers.get(2));

        List<Project> projects = entities.get(Project.class).query().orderBy("orgId")
                .with("developers", q -> q.orderBy("name", "desc").limit(2)).get();

        assertEquals(List.of("d3", "d2"), names(projects.get(0).developers().getResults(), Developer::getName));
        assertEquals(List.of("d3"), names(projects.get(1).developers().getResults(), Developer::getName));
    }

    @Test
    void aTextParentKeyLimitsEachParentsRows() {
        Student ann = entities.get(Student.class).create(Map.of("code", "s1", "name", "Ann"));
        Student ben = entities.get(Student.class).create(Map.of("code", "s2", "name", "Ben"));
        for (String ref : List.of("c1", "c2", "c3")) {
            Course course = entities.get(Course.class).create(Map.of("ref", ref, "title", "T " + ref));
            ann.courses().attach(course, Map.of("grade", 5));
            if (ref.equals("c2")) {
                ben.courses().attach(course, Map.of("grade", 7));
            }
        }

        List<Student> students = entities.get(Student.class).query().orderBy("code")
                .with("courses", q -> q.orderBy("ref").limit(2)).get();

        assertEquals(List.of("c1", "c2"), names(students.get(0).courses().getResults(), Course::getRef));
        assertEquals(List.of("c2"), names(students.get(1).courses().getResults(), Course::getRef));
        assertEquals(7, ((Number) students.get(1).courses().getResults().get(0).pivot().get("grade")).intValue());
    }

    @Test
    void hasOneWithAnOrderAndALimitOfOneReadsOneRowPerParent() {
        User ada = user("ada@example.com");
        user("bob@example.com");
        execute("INSERT INTO \"profiles\" (\"userId\", \"bio\") VALUES (?, 'old'), (?, 'new')", ada.getId(), ada.getId());
        statements.reset();

        List<User> users = entities.get(User.class).query().orderBy("id")
                .with("profile", q -> q.orderBy("id", "desc").limit(1)).get();

        assertEquals(2, statements.sql().size());
        assertEquals("new", users.get(0).profile().getResults().getBio());
        assertEquals("(none yet)", users.get(1).profile().getResults().getBio());
    }

    @Test
    void aLimitOnTheEagerLoadOfABelongsToIsRefusedNamingTheRelation() {
        posts(user("ada@example.com"), "a1");

        InvalidQueryException e = assertThrows(InvalidQueryException.class,
                () -> entities.get(Post.class).query().with("author", q -> q.limit(1)).get());

        assertTrue(e.getMessage().contains("Post.author"), e.getMessage());
    }

    @Test
    void nestedEagerLoadsBelowALimitedRelationLoadOnlyForTheKeptRows() {
        User ada = user("ada@example.com");
        posts(ada, "a1", "a2", "a3");
        statements.reset();

        List<User> users = entities.get(User.class).query()
                .with("posts", q -> q.orderBy("title", "desc").limit(1)).with("posts.tags").get();

        assertEquals(3, statements.sql().size());
        assertEquals(List.of("a3"), names(users.get(0).posts().getResults(), Post::getTitle));
        String tagsSql = statements.sql().get(2);
        assertEquals(1, tagsSql.chars().filter(c -> c == '?').count(), "one post's key: " + tagsSql);
    }

}
