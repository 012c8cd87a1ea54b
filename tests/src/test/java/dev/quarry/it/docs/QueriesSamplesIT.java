package dev.quarry.it.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.entity.EntityNotFoundException;
import dev.quarry.entity.InvalidValueException;
import dev.quarry.entity.UnknownAttributeException;
import dev.quarry.it.model.BlogPost;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.query.InvalidQueryException;
import dev.quarry.query.Page;
import dev.quarry.query.Query;
import dev.quarry.query.UnknownScopeException;
import dev.quarry.sql.InvalidIdentifierException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The samples of docs/queries.md. */
class QueriesSamplesIT extends DatabaseTest {
    private static final String COLUMNS = "SELECT \"users\".\"id\", \"users\".\"email\", \"users\".\"name\", \"users\".\"active\","
            + " \"users\".\"role\", \"users\".\"age\", \"users\".\"admin\" FROM \"users\"";

    /** The chunk sample's mail service. */
    static final class Mailer {
        final List<String> sent = new ArrayList<>();

        void send(String email) {
            sent.add(email);
        }
    }

    private final Mailer mailer = new Mailer();
    private User users;

    @BeforeEach
    void createUsers() {
        users = entities.get(User.class);
        users.create(Map.of("email", "ada@example.com", "name", "Ada", "role", "admin", "age", 36));
        users.create(Map.of("email", "grace@example.com", "name", "Grace", "role", "owner", "age", 85));
        users.create(Map.of("email", "linus@example.com", "name", "Linus", "role", "member", "age", 30, "active", false));
        users.create(Map.of("email", "alan@example.com", "name", "Alan", "role", "guest", "age", 41));
        users.create(Map.of("email", "margaret@example.com", "name", "Margaret", "role", "admin", "age", 61, "active", false));
        statements.reset();
    }

    private static List<String> names(List<User> found) {
        return found.stream().map(User::getName).toList();
    }

    private static String where(Query<User> query) {
        String sql = query.toSql();
        return sql.substring(sql.indexOf(" WHERE ") + 7);
    }

    @Test
    void aQueryFromAnEntity() {
        // snippet:start queries-first
        User users = entities.get(User.class);

        List<User> admins = users.query()
                .where("active", true)
                .where(q -> q.where("role", "admin").orWhere("role", "owner"))
                .orderBy("name")
                .limit(10)
                .get();
        // snippet:end

        assertEquals(List.of("Ada", "Grace"), names(admins));
        assertEquals(1, statements.count());
    }

    @Test
    void copyIsIndependent() {
        Query<User> active = users.query().where("active", true);
        Query<User> admins = active.copy().where("role", "admin");
        assertEquals(3, active.count());
        assertEquals(1, admins.count());
    }

    @Test
    void theWhereTable() {
        assertEquals("\"users\".\"role\" = ?", where(users.query().where("role", "admin")));
        assertEquals("\"users\".\"age\" >= ?", where(users.query().where("age", ">=", 18)));
        assertEquals("\"users\".\"name\" IS NULL", where(users.query().where("name", null)));
        assertEquals("\"users\".\"name\" IS NOT NULL", where(users.query().where("name", "<>", null)));
        assertEquals("\"users\".\"email\" LIKE ?", where(users.query().where("email", "like", "%@example.com")));
        assertEquals(5, users.query().where("email", "like", "%@example.com").count());
    }

    @Test
    void theAcceptedOperators() {
        for (String operator : List.of("=", "<>", "!=", "<", "<=", ">", ">=", "like", "not like", "NOT  LIKE", " Like ")) {
            users.query().where("name", operator, "A%").count();
        }
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> users.where("age", "between", 3));
        assertTrue(e.getMessage().contains("Use one of [=, <>, !=, <, <=, >, >=, like, not like]"), e.getMessage());
        assertThrows(InvalidQueryException.class, () -> users.where("age", "; DROP TABLE users", 3));
        assertThrows(InvalidQueryException.class, () -> users.where("age", ">", null));
        assertEquals(3, users.query().where("name", "not like", "A%").count());
    }

    @Test
    void valuesAreConvertedToTheAttributeType() {
        assertEquals(4, users.query().where("age", ">", "30").count());
        assertEquals(3, users.query().where("active", "yes").count());
        assertThrows(InvalidValueException.class, () -> users.where("age", ">", "thirty"));
    }

    @Test
    void groups() {
        // snippet:start queries-groups
        Query<User> query = users.query()
                .where("active", true)
                .where(q -> q.where("role", "admin").orWhere("age", ">", 60));
        // WHERE "users"."active" = ? AND ("users"."role" = ? OR "users"."age" > ?)
        // snippet:end

        assertEquals("\"users\".\"active\" = ? AND (\"users\".\"role\" = ? OR \"users\".\"age\" > ?)", where(query));
        assertEquals(List.of("Ada", "Grace"), names(query.orderBy("name").get()));
    }

    @Test
    void andBindsTighterThanOr() {
        // a OR (b AND c)
        assertEquals(List.of("Ada", "Margaret"), names(users.query()
                .where("role", "admin").orWhere("role", "owner").where("active", false).orderBy("name").get()));
        // (a OR b) AND c
        assertEquals(List.of("Margaret"), names(users.query()
                .where(q -> q.where("role", "admin").orWhere("role", "owner")).where("active", false).get()));
    }

    @Test
    void theOrTable() {
        assertEquals("\"users\".\"role\" = ? OR \"users\".\"age\" > ?",
                where(users.query().where("role", "guest").orWhere("age", ">", 80)));
        assertEquals("\"users\".\"role\" = ? OR \"users\".\"age\" IN (?, ?)",
                where(users.query().where("role", "guest").orWhereIn("age", List.of(30, 36))));
        assertEquals("\"users\".\"name\" IS NULL OR \"users\".\"age\" IS NULL",
                where(users.query().whereNull("name").orWhereNull("age")));
        assertEquals("\"users\".\"name\" IS NOT NULL", where(users.query().whereNotNull("name")));
        assertEquals(List.of("Alan", "Grace"),
                names(users.query().where("role", "guest").orWhere("age", ">", 80).orderBy("name").get()));
    }

    @Test
    void whereInAndWhereNotInSample() {
        // snippet:start queries-where-in
        List<User> staff = users.query().whereIn("role", List.of("admin", "owner")).get();
        long others = users.query().whereNotIn("id", List.of(1L, 2L)).count();
        // snippet:end

        assertEquals(List.of("Ada", "Grace", "Margaret"), names(staff).stream().sorted().toList());
        assertEquals(3, others);
    }

    @Test
    void whereInAndWhereNotIn() {
        assertEquals(List.of("Ada", "Grace", "Margaret"),
                names(users.query().whereIn("role", List.of("admin", "owner")).orderBy("name").get()));
        assertEquals(3, users.query().whereNotIn("id", List.of(1L, 2L)).count());

        assertEquals(0, users.query().whereIn("role", List.of()).count());
        assertEquals(5, users.query().whereNotIn("role", List.of()).count());
        assertEquals(0, users.query().whereIn("role", List.of()).get().size());

        execute("UPDATE \"users\" SET \"age\" = NULL WHERE \"name\" = 'Alan'");
        assertEquals(List.of("Ada", "Alan"),
                names(users.query().whereIn("age", Arrays.asList(36, null)).orderBy("name").get()));
        assertEquals(List.of("Grace", "Linus", "Margaret"),
                names(users.query().whereNotIn("age", Arrays.asList(36, null)).orderBy("name").get()));
        assertThrows(InvalidQueryException.class, () -> users.whereIn("age", null));
    }

    // snippet:start queries-when
    List<User> search(String role) {                        // role may be null
        return users.query()
                .when(role != null, q -> q.where("role", role))
                .orderBy("email")
                .get();
    }
    // snippet:end

    @Test
    void when() {
        assertEquals(5, search(null).size());
        assertEquals(List.of("Ada", "Margaret"), names(search("admin")));
    }

    @Test
    void orderLimitAndOffsetSample() {
        // snippet:start queries-order
        List<User> byName = users.query().orderBy("name").get();                   // ASC
        List<User> oldestFirst = users.query().orderBy("age", "desc").get();       // "asc" or "desc", any case
        List<User> third = users.query().orderByDesc("id").limit(10).offset(20).get();
        // snippet:end

        assertEquals(List.of("Ada", "Alan", "Grace", "Linus", "Margaret"), names(byName));
        assertEquals(List.of("Grace", "Margaret", "Alan", "Ada", "Linus"), names(oldestFirst));
        assertEquals(List.of(), third);
    }

    @Test
    void orderLimitAndOffset() {
        assertEquals(List.of("Ada", "Alan", "Grace", "Linus", "Margaret"), names(users.query().orderBy("name").get()));
        assertEquals(List.of("Grace", "Margaret", "Alan", "Ada", "Linus"), names(users.query().orderBy("age", "desc").get()));
        assertEquals(List.of(), users.query().orderByDesc("id").limit(10).offset(20).get());
        assertEquals(List.of("Alan", "Linus"), names(users.query().orderByDesc("id").limit(2).offset(1).get()));
        assertEquals("Grace", users.query().orderBy("age", "DESC").first().orElseThrow().getName());
        assertEquals(List.of("Margaret", "Ada"), names(users.query().orderBy("role").orderBy("name", "desc").limit(2).get()));
        assertThrows(InvalidQueryException.class, () -> users.orderBy("name", "sideways"));
        assertThrows(InvalidQueryException.class, () -> users.query().limit(-1));
        assertThrows(InvalidQueryException.class, () -> users.query().offset(-1));
    }

    @Test
    void theVerbs() {
        User margaret = users.firstWhere("name", "Margaret").orElseThrow();
        statements.reset();

        assertEquals(3, users.query().where("active", true).get().size());
        assertEquals("Ada", users.query().orderBy("name").first().orElseThrow().getName());
        assertTrue(statements.sql().get(1).endsWith("FETCH FIRST 1 ROWS ONLY"), statements.sql().get(1));
        assertThrows(EntityNotFoundException.class, () -> users.query().where("role", "nobody").firstOrFail());
        assertTrue(users.query().where("active", true).find(margaret.getId()).isEmpty());
        assertEquals("Margaret", users.query().where("active", false).findOrFail(margaret.getId()).getName());
        assertEquals(5, users.query().orderBy("name").limit(1).offset(1).count());   // ignores order, limit and offset
        assertTrue(users.query().where("role", "owner").exists());
        assertFalse(users.query().where("role", "nobody").exists());
    }

    @Test
    void pagination() {
        for (int i = 0; i < 50; i++) {
            execute("INSERT INTO \"users\" (\"email\") VALUES (?)", "user" + i + "@example.com");
        }
        statements.reset();

        // snippet:start queries-paginate
        Page<User> page = users.query().orderBy("id").paginate(2, 25);   // pages start at 1
        page.items();      // the users on page 2
        page.total();      // how many users match in all
        page.lastPage();   // the last page number (1 when nothing matches)
        page.hasMore();    // true if a later page has rows
        page.page();       // 2
        page.perPage();    // 25
        // snippet:end

        assertEquals(2, statements.count());
        assertEquals(25, page.items().size());      // the users on page 2
        assertEquals(26L, page.items().get(0).getId());
        assertEquals(55, page.total());             // how many users match in all
        assertEquals(3, page.lastPage());           // the last page number (1 when nothing matches)
        assertTrue(page.hasMore());                 // true if a later page has rows
        assertEquals(2, page.page());
        assertEquals(25, page.perPage());
        assertFalse(users.query().orderBy("id").paginate(3, 25).hasMore());
        assertEquals(1, users.query().where("role", "nobody").paginate(1, 25).lastPage());
        assertThrows(InvalidQueryException.class, () -> users.paginate(0, 10));
    }

    @Test
    void chunks() {
        // snippet:start queries-chunk
        users.query().where("active", true).chunk(500, batch -> {
            batch.forEach(user -> mailer.send(user.getEmail()));
        });
        // snippet:end

        assertEquals(List.of("ada@example.com", "grace@example.com", "alan@example.com"), mailer.sent);
    }

    @Test
    void chunksPageByKey() {
        List<Integer> sizes = new ArrayList<>();
        users.query().where("active", true).chunk(2, batch -> sizes.add(batch.size()));

        assertEquals(List.of(2, 1), sizes);
        assertEquals(COLUMNS + " WHERE \"users\".\"active\" = ? AND \"users\".\"id\" > ? ORDER BY \"users\".\"id\" ASC"
                + " FETCH FIRST 2 ROWS ONLY", statements.sql().get(1));
    }

    @Test
    void chunksByKeyAreNotThrownOffByDeletedRows() {
        List<String> seen = new ArrayList<>();
        users.chunk(2, batch -> batch.forEach(user -> {
            seen.add(user.getName());
            user.delete();
        }));
        assertEquals(5, seen.size());
        assertEquals(0, countRows("users"));
    }

    @Test
    void findAndChunkAddTheirConditionToTheWholeQuery() {
        Query<User> adminsOrOwners = users.query().where("role", "admin").orWhere("role", "owner");
        User linus = users.firstWhere("name", "Linus").orElseThrow();

        assertTrue(adminsOrOwners.find(linus.getId()).isEmpty());
        List<String> seen = new ArrayList<>();
        adminsOrOwners.chunk(1, batch -> batch.forEach(user -> seen.add(user.getName())));
        assertEquals(List.of("Ada", "Grace", "Margaret"), seen);
    }

    @Test
    void chunksWithAnOrderPageByOffset() {
        List<String> seen = new ArrayList<>();
        users.query().orderBy("name").chunk(2, batch -> batch.forEach(user -> seen.add(user.getName())));

        assertEquals(List.of("Ada", "Alan", "Grace", "Linus", "Margaret"), seen);
        assertTrue(statements.sql().get(1).endsWith("OFFSET 2 ROWS FETCH FIRST 2 ROWS ONLY"), statements.sql().get(1));
    }

    @Test
    void bulkUpdatesAndDeletes() {
        // snippet:start queries-bulk
        int deactivated = users.query().where("role", "guest").update(Map.of("active", false));
        int removed = users.query().where("active", false).delete();
        // snippet:end

        assertEquals(1, deactivated);
        assertEquals(3, removed);
        assertEquals(2, statements.count());
        assertEquals(2, countRows("users"));

        assertEquals(2, users.query().update(Map.of("admin", "true")));          // @Guarded does not apply
        assertEquals(List.of(true, true), rows("users", "id").stream().map(r -> r.get("admin")).toList());
        assertThrows(InvalidQueryException.class, () -> users.query().limit(1).delete());
        assertThrows(InvalidQueryException.class, () -> users.query().offset(1).update(Map.of("age", 1)));
    }

    @Test
    void scopes() {
        // snippet:start queries-scopes-using
        List<User> admins = users.scope("active").scope("ofRole", "admin").orderBy("name").get();
        long seniors = users.query().scope("olderThan", 65).count();
        // snippet:end

        assertEquals(List.of("Ada"), names(admins));
        assertEquals(1, seniors);
        assertThrows(InvalidQueryException.class, () -> users.scope("olderThan", 65L));
        assertThrows(InvalidQueryException.class, () -> users.scope("ofRole"));
        UnknownScopeException e = assertThrows(UnknownScopeException.class, () -> users.scope("actve"));
        assertTrue(e.getMessage().contains("Known scopes: active, ofRole, olderThan."), e.getMessage());
        assertEquals("UnknownScope", e.errorId());
    }

    @Test
    void seeingTheSql() {
        // snippet:start queries-to-sql
        Query<User> query = users.query().where("role", "admin").orderBy("name");
        query.toSql();
        // SELECT "users"."id", "users"."email", "users"."name", "users"."active", "users"."role",
        //        "users"."age", "users"."admin" FROM "users" WHERE "users"."role" = ? ORDER BY "users"."name" ASC
        query.bindings();   // [admin]
        // snippet:end

        assertEquals(COLUMNS + " WHERE \"users\".\"role\" = ? ORDER BY \"users\".\"name\" ASC", query.toSql());
        assertEquals(List.of("admin"), query.bindings());
        assertEquals(0, statements.count());
    }

    @Test
    void columnNames() {
        entities.get(BlogPost.class).setTitle("Hello").save();
        BlogPost posts = entities.get(BlogPost.class);

        assertEquals(1, posts.where("title", "Hello").count());
        assertEquals(1, posts.where("headline", "Hello").count());
        assertEquals(1, posts.where("blog_posts.headline", "Hello").count());
        assertEquals(1, posts.orderBy("blog_posts.headline").get().size());
        UnknownAttributeException unknown = assertThrows(UnknownAttributeException.class, () -> posts.where("titel", "x"));
        assertTrue(unknown.getMessage().contains("Did you mean title?"), unknown.getMessage());
    }

    @Test
    void namesAreValidatedAndValuesBound() {
        statements.reset();
        assertThrows(InvalidIdentifierException.class, () -> users.where("email\"; drop table users --", "x"));
        assertThrows(InvalidIdentifierException.class, () -> users.where("users.e-mail", "x"));
        assertThrows(InvalidIdentifierException.class, () -> users.orderBy("name; drop table users"));
        assertEquals(0, statements.count());

        assertEquals(0, users.where("name", "x' OR '1'='1").count());
        assertEquals(5, countRows("users"));
    }
}
