package dev.quarry.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quarry.QuarryException;
import dev.quarry.it.model.Country;
import dev.quarry.it.model.Post;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.Tag;
import dev.quarry.it.model.User;
import dev.quarry.it.support.FaultInjector.Kind;
import dev.quarry.it.support.FaultyDatabaseTest;
import dev.quarry.it.support.TestDatabases;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every multi-statement operation, with each of its statements in turn made to fail, its
 * connection dropped at that statement, and (on PostgreSQL) its server process ended there. After
 * each fault: every table is exactly as before the call, the error is a {@link QuarryException}
 * that names the operation and carries the SQLException as a cause, the relation read from the
 * same entity instance is what the database holds, and the pool has no connection in use and JDBI
 * no handle open.
 *
 * <p>An operation is first run once without a fault to learn how many statements it executes
 * ({@code n}); then it runs n times per kind of fault, each time on freshly seeded rows, with the
 * fault at statement 1, 2, ... n.
 */
class FaultInjectionIT extends FaultyDatabaseTest {
    /** Every table an operation here writes, snapshotted before and compared after each fault. */
    private static final List<String> TABLES = List.of("users", "roles", "roles_users", "posts", "tags", "posts_tags",
            "countries");
    private static final Timestamp SEEDED = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));

    /** The seeded rows of one case, read through Quarry, with the relations the checks read already cached. */
    private final class Seeded {
        final User ada;
        final Post post;
        final List<Long> roles;
        final List<Long> tags;

        Seeded() {
            for (String table : List.of("posts_tags", "roles_users", "posts", "tags", "roles", "users", "countries")) {
                execute("DELETE FROM \"" + table + "\"");
            }
            long adaId = insertUserRow("ada@example.com", "Ada", 36);
            insertUserRow("bob@example.com", "Bob", 40);
            roles = new ArrayList<>();
            for (String name : List.of("admin", "editor", "viewer", "auditor")) {
                roles.add(insertReturningId("INSERT INTO \"roles\" (\"name\") VALUES (?)", name));
            }
            tags = new ArrayList<>();
            for (String name : List.of("java", "sql", "orm", "jdbc")) {
                tags.add(insertReturningId("INSERT INTO \"tags\" (\"name\") VALUES (?)", name));
            }
            for (Long role : roles.subList(0, 2)) {
                execute("INSERT INTO \"roles_users\" (\"userId\", \"roleId\", \"assignedBy\", \"createdAt\", \"updatedAt\")"
                        + " VALUES (?, ?, 'seed', ?, ?)", adaId, role, SEEDED, SEEDED);
            }
            long postId = insertReturningId("INSERT INTO \"posts\" (\"userId\", \"title\") VALUES (?, ?)", adaId, "First");
            for (Long tag : tags.subList(0, 2)) {
                execute("INSERT INTO \"posts_tags\" (\"postId\", \"tagId\") VALUES (?, ?)", postId, tag);
            }
            execute("INSERT INTO \"countries\" (\"code\", \"name\") VALUES ('NL', 'Netherlands')");
            ada = entities.get(User.class).findOrFail(adaId);
            post = entities.get(Post.class).findOrFail(postId);
            ada.getRoles();   // cached: after a fault, the cache must still be what the database holds
            post.getTags();
        }

        long role(int i) {
            return roles.get(i);
        }

        long tag(int i) {
            return tags.get(i);
        }
    }

    /**
     * One operation under test: what the error must name when statement k fails, and the call.
     */
    private record Operation(String name, IntFunction<List<String>> namedAt, Consumer<Seeded> call) {
        Operation(String name, List<String> named, Consumer<Seeded> call) {
            this(name, k -> named, call);
        }
    }

    private List<Operation> operations() {
        return List.of(
                new Operation("sync detaching, attaching and updating pivot values", on("sync", "User", "roles"),
                        s -> s.ada.roles().sync(pivotValues(s.role(1), "ops", s.role(2), "ops"))),
                new Operation("syncWithoutDetaching", on("sync", "User", "roles"),
                        s -> s.ada.roles().syncWithoutDetaching(s.role(2), s.role(3))),
                new Operation("syncWithPivotValues", on("syncWithPivotValues", "User", "roles"),
                        s -> s.ada.roles().syncWithPivotValues(List.of(s.role(1), s.role(2)), Map.of("assignedBy", "bulk"))),
                new Operation("toggle", on("toggle", "User", "roles"),
                        s -> s.ada.roles().toggle(s.role(0), s.role(2))),
                new Operation("generated setRoles", on("sync", "User", "roles"),
                        s -> s.ada.setRoles(List.of(s.role(2), s.role(3)))),
                new Operation("generated setTags", on("sync", "Post", "tags"),
                        s -> s.post.setTags(List.of(s.tag(1), s.tag(2), s.tag(3)))),
                new Operation("attach with pivot timestamps and values", on("attach", "User", "roles"),
                        s -> s.ada.roles().attach(pivotValues(s.role(2), "ops", s.role(3), null))),
                new Operation("detach", on("detach", "User", "roles"),
                        s -> s.ada.roles().detach(s.role(0), s.role(1))),
                new Operation("detach all", on("detach", "User", "roles"),
                        s -> s.ada.roles().detach()),
                new Operation("updateExistingPivot", on("updateExistingPivot", "User", "roles"),
                        s -> s.ada.roles().updateExistingPivot(s.role(0), Map.of("assignedBy", "ops"))),
                new Operation("create with validation", List.of("save of a new User failed"),
                        s -> entities.get(User.class).create(Map.of("email", "cy@example.com", "name", "Cy", "age", 20))),
                new Operation("firstOrCreate", k -> List.of(k == 1 ? "reading User failed" : "save of a new User failed"),
                        s -> entities.get(User.class).firstOrCreate(Map.of("email", "cy@example.com"), Map.of("name", "Cy"))),
                new Operation("updateOrCreate of an existing row", k -> List.of(k == 1 ? "reading User failed" : "save of User("),
                        s -> entities.get(User.class).updateOrCreate(Map.of("email", "bob@example.com"), Map.of("age", 41))),
                new Operation("createMany through hasMany", List.of("save of a new Post failed"),
                        s -> s.ada.posts().createMany(List.of(Map.of("title", "Two"), Map.of("title", "Three"),
                                Map.of("title", "Four")))),
                new Operation("upsert", List.of("upsert of 2 Country rows failed"),
                        s -> entities.get(Country.class).upsert(List.of(Map.of("code", "NL", "name", "Holland"),
                                Map.of("code", "BE", "name", "Belgium")), List.of("code"))),
                new Operation("nested transactions", FaultInjectionIT::nestedNamedAt, this::nestedTransactions));
    }

    /**
     * A transaction that saves the user, syncs its roles and reads them (caching what the transaction
     * sees), then in a nested transaction attaches a tag and a role.
     */
    private void nestedTransactions(Seeded s) {
        entities.transaction(() -> {
            s.ada.setName("Ada L.").save();                       // statement 1
            s.ada.roles().sync(List.of(s.role(2)));               // 2-4: SELECT, DELETE, INSERT
            assertEquals(1, s.ada.getRoles().size());             // 5: caches the transaction's view
            entities.transaction(() -> {
                s.post.tags().attach(s.tag(2));                   // 6-7: SELECT, INSERT
                s.ada.roles().attach(s.role(3));                  // 8-9: SELECT, INSERT
            });
        });
    }

    private static List<String> nestedNamedAt(int k) {
        if (k == 1) {
            return List.of("save of User(");
        }
        if (k <= 4) {
            return on("sync", "User", "roles");
        }
        if (k == 5) {
            return List.of("reading User(", ").roles failed");
        }
        return k <= 7 ? on("attach", "Post", "tags") : on("attach", "User", "roles");
    }

    /** What an error of a relation's operation says: {@code sync on User(12).roles failed ...}. */
    private static List<String> on(String operation, String entity, String relation) {
        return List.of(operation + " on " + entity + "(", ")." + relation);
    }

    private static Map<Object, Map<String, ?>> pivotValues(long first, String firstBy, long second, String secondBy) {
        Map<Object, Map<String, ?>> values = new LinkedHashMap<>();
        values.put(first, firstBy == null ? Map.of() : Map.of("assignedBy", firstBy));
        values.put(second, secondBy == null ? Map.of() : Map.of("assignedBy", secondBy));
        return values;
    }

    // ---- the cases ------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicNode> aFailedStatementLeavesEverythingAsBefore() {
        return everyOperationWith(Kind.FAIL);
    }

    @TestFactory
    Stream<DynamicNode> aDroppedConnectionLeavesEverythingAsBefore() {
        return everyOperationWith(Kind.DROP);
    }

    @TestFactory
    Stream<DynamicNode> aTerminatedBackendLeavesEverythingAsBefore() {
        assumeTrue(TestDatabases.postgres(), "pg_terminate_backend is PostgreSQL's; HSQLDB runs in this JVM");
        return everyOperationWith(Kind.TERMINATE);
    }

    @Test
    void everyOperationRunsTheStatementsItIsKnownFor() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        operations().forEach(op -> counts.put(op.name(), statementsOf(op)));

        assertEquals(List.of(4, 2, 4, 3, 3, 3, 3, 1, 1, 1, 1, 2, 2, 3, 1, 9), List.copyOf(counts.values()), counts.toString());
    }

    private Stream<DynamicNode> everyOperationWith(Kind kind) {
        List<DynamicNode> containers = new ArrayList<>();
        for (Operation op : operations()) {
            int n = statementsOf(op);
            List<DynamicTest> cases = new ArrayList<>();
            for (int k = 1; k <= n; k++) {
                int at = k;
                cases.add(DynamicTest.dynamicTest(kind + " at statement " + k + " of " + n, () -> faultAt(op, kind, at)));
            }
            containers.add(DynamicContainer.dynamicContainer(op.name() + " (" + n + " statements)", cases));
        }
        return containers.stream();
    }

    /** Runs the operation on fresh rows without a fault; returns how many statements it executed. */
    private int statementsOf(Operation op) {
        Seeded seeded = new Seeded();
        faults.reset();
        op.call().accept(seeded);
        return faults.executed();
    }

    private void faultAt(Operation op, Kind kind, int k) {
        Seeded seeded = new Seeded();
        Map<String, List<Map<String, Object>>> before = snapshot();

        faults.arm(kind, k);
        QuarryException e = assertThrows(QuarryException.class, () -> op.call().accept(seeded));

        assertTrue(faults.firedSinceArmed(), "the fault at statement " + k + " fired");
        assertEquals(before, snapshot(), "every table is as before the call");
        for (String word : op.namedAt().apply(k)) {
            assertTrue(e.getMessage().contains(word), "the error names " + word + ": " + e.getMessage());
        }
        SQLException injected = faults.injected();
        assertNotNull(injected, "the driver reported the fault");
        assertTrue(causes(e).contains(injected), "the error carries the SQLException " + injected + " as a cause: " + e);
        assertEquals(pivotIds("roles_users", "userId", "roleId", seeded.ada.getId()),
                seeded.ada.getRoles().stream().map(Role::getId).sorted().toList(), "the cached roles are the database's");
        assertEquals(pivotIds("posts_tags", "postId", "tagId", seeded.post.getId()),
                seeded.post.getTags().stream().map(Tag::getId).sorted().toList(), "the cached tags are the database's");
        assertEquals(0, activeConnections(), "no connection is left in use");
        assertEquals(0, openHandles(), "no JDBI handle is left open");
    }

    // ---- helpers --------------------------------------------------------------------------------

    private Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            tables.put(table, jdbi.withHandle(h -> h.createQuery("SELECT * FROM \"" + table + "\" ORDER BY 1, 2")
                    .mapToMap().list()));
        }
        return tables;
    }

    private List<Long> pivotIds(String table, String parentColumn, String relatedColumn, long parent) {
        return jdbi.withHandle(h -> h.createQuery("SELECT \"" + relatedColumn + "\" FROM \"" + table + "\" WHERE \""
                + parentColumn + "\" = ? ORDER BY 1").bind(0, parent).mapTo(Long.class).list());
    }

    private long insertReturningId(String sql, Object... args) {
        return jdbi.withHandle(h -> {
            var update = h.createUpdate(sql);
            for (int i = 0; i < args.length; i++) {
                update.bind(i, args[i]);
            }
            return update.executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        });
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
