package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Module;
import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.entity.Key;
import dev.quarry.entity.Scope;
import dev.quarry.inject.QuarryModule;
import dev.quarry.it.model.Developer;
import dev.quarry.it.model.Post;
import dev.quarry.it.model.Project;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.query.InvalidQueryException;
import dev.quarry.query.Query;
import dev.quarry.relation.BelongsToMany;
import dev.quarry.relation.InvalidRelationException;
import dev.quarry.relation.UnknownRelationException;
import dev.quarry.relation.pivot.SyncResult;
import dev.quarry.sql.StatementFailedException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Regression tests for the findings of the first code review, one behaviour each. */
class ReviewFindingsIT extends DatabaseTest {
    private boolean listenerThrows;

    @Override
    protected Module module(QuarryModule.Builder builder) {
        return builder.statementListener(statement -> {
            if (listenerThrows) {
                throw new IllegalStateException("a broken listener");
            }
        }).build();
    }

    /** An entity with a scope that adds a condition and an eager load. */
    @Entity(value = "Scoped", module = "ReviewFindingsIT", table = "users")
    static class Scoped extends BaseEntity<Scoped> {
        Long id;
        String name;
        Boolean active;

        @Scope
        void active(Query<Scoped> query) {
            query.where("active", true);
        }

        public BelongsToMany<Scoped, Role> roles() {
            return belongsToMany(Role.class).table("roles_users").foreignPivotKey("userId");
        }

        @Scope
        void withRoles(Query<Scoped> query) {
            query.with("roles");
        }
    }

    /** A relation of an entity with itself left on conventions: both pivot keys would be buddyId. */
    @Entity(value = "Buddy", module = "ReviewFindingsIT", table = "users")
    static class Buddy extends BaseEntity<Buddy> {
        Long id;

        public BelongsToMany<Buddy, Buddy> buddies() {
            return belongsToMany(Buddy.class).table("buddies");
        }
    }

    /** An entity with a mutable timestamp attribute. */
    @Entity(value = "Stamp", module = "ReviewFindingsIT", table = "stamps")
    static class Stamp extends BaseEntity<Stamp> {
        Long id;
        Timestamp at;
    }

    @Test
    void aScopeAfterAnOrWhereConstrainsBothBranches() {
        entities.get(User.class).create(Map.of("email", "ada@example.com", "name", "Ada", "active", false));
        entities.get(User.class).create(Map.of("email", "bob@example.com", "name", "Bob", "active", true));

        List<Scoped> found = entities.get(Scoped.class).query().where("name", "Ada").orWhere("name", "Bob").scope("active").get();

        assertEquals(List.of("Bob"), found.stream().map(s -> s.name).toList());
    }

    @Test
    void aScopesEagerLoadIsKept() {
        entities.get(User.class).create(Map.of("email", "ada@example.com"));

        Scoped scoped = entities.get(Scoped.class).query().scope("withRoles").first().orElseThrow();

        assertTrue(scoped.isRelationLoaded("roles"));
    }

    @Test
    void compositeKeysEagerLoadForThousandsOfParentsInTheDialectsChunks() {
        Developer developer = entities.get(Developer.class).setName("Ada").save();
        jdbi.useHandle(h -> {
            org.jdbi.v3.core.statement.PreparedBatch batch =
                    h.prepareBatch("INSERT INTO \"projects\" (\"orgId\", \"code\", \"name\") VALUES (7, ?, 'n')");
            for (int i = 1; i <= 6000; i++) {
                batch.bind(0, "p" + i).add();
            }
            batch.execute();
        });
        developer.projects().attach(Key.of("orgId", 7L, "code", "p1"), Key.of("orgId", 7L, "code", "p6000"));
        statements.reset();

        List<Project> projects = entities.get(Project.class).query().with("developers").get();

        assertEquals(6000, projects.size());
        int keysPerChunk = entities.database().dialect().keysPerStatement() / 2;   // two key columns per parent
        assertEquals(1 + (6000 + keysPerChunk - 1) / keysPerChunk, statements.count(),
                "one for the projects, then one per chunk of parent keys (1 on PostgreSQL, 12 on HSQLDB)");
        assertEquals(2, projects.stream().filter(p -> !p.developers().getResults().isEmpty()).count());
    }

    @Test
    void aThrowingListenerChangesNothingAboutTheStatement() {
        listenerThrows = true;

        User user = entities.get(User.class).setEmail("ada@example.com").save();

        listenerThrows = false;
        assertTrue(user.isLoaded());
        assertEquals(1, countRows("users"));
    }

    @Test
    void aPivotWriteForgetsEveryRelationCachedOnTheParent() {
        User ada = entities.get(User.class).create(Map.of("email", "ada@example.com"));
        Role admin = entities.get(Role.class).create(Map.of("name", "admin"));
        assertEquals(0, ada.roleRows().getResults().size());

        ada.roles().attach(admin);

        assertEquals(1, ada.roleRows().getResults().size());
    }

    @Test
    void aSelfRelationOnConventionsIsRefusedInsteadOfWritingOneColumn() {
        InvalidRelationException error = assertThrows(InvalidRelationException.class,
                () -> entities.get(Buddy.class).buddies().pivotTable());

        assertTrue(error.getMessage().contains("share a column"), error.getMessage());
    }

    @Test
    void aTableRelationTreatsTextAndNumberIdsAsOne() {
        User ada = entities.get(User.class).create(Map.of("email", "ada@example.com"));
        Role admin = entities.get(Role.class).create(Map.of("name", "admin"));
        ada.roleRows().attach(List.of(admin.getId().intValue()), Map.of("assignedBy", "root"));

        SyncResult result = ada.roleRows().sync(List.of(String.valueOf(admin.getId())));

        assertTrue(result.isEmpty(), result.toString());
        assertEquals("root", ada.roles().first().orElseThrow().pivot().get("assignedBy"));
    }

    @Test
    void changingATimestampInPlaceMakesTheEntityDirty() {
        execute("CREATE TABLE \"stamps\" (\"id\" BIGINT GENERATED BY DEFAULT AS IDENTITY (START WITH 1) PRIMARY KEY, \"at\" TIMESTAMP)");
        Stamp stamp = entities.get(Stamp.class);
        stamp.at = Timestamp.valueOf("2026-01-01 00:00:00");
        stamp.save();

        stamp.at.setTime(0);

        assertTrue(stamp.isDirty("at"));
    }

    @Test
    void aWhereInBeyondTheBindLimitIsRefusedBeforeAnyStatement() {
        // Strings: a list of integral keys is bound as one array, so it has no such limit.
        List<String> emails = new ArrayList<>(Collections.nCopies(entities.database().dialect().maxBindParameters() + 1, "a@b"));
        statements.reset();

        assertThrows(InvalidQueryException.class, () -> entities.get(User.class).query().whereIn("email", emails).get());
        assertEquals(0, statements.count());
    }

    @Test
    void aFailedInsertLeavesNoTimestampsBehind() {
        Post post = entities.get(Post.class).setTitle("x".repeat(300));

        assertThrows(StatementFailedException.class, post::save);

        assertNull(post.getCreatedAt());
        assertFalse(post.isLoaded());
    }

    @Test
    void nullArgumentsAreQuarryErrors() {
        User ada = entities.get(User.class).create(Map.of("email", "ada@example.com"));

        assertThrows(InvalidQueryException.class, () -> ada.roles().wherePivotIn("assignedBy", null));
        assertThrows(UnknownRelationException.class, () -> entities.get(User.class).query().with((String) null));
    }

    @Test
    void aRolledBackTransactionLeavesTheEntitiesItInsertedUnsaved() {
        User ada = entities.get(User.class).create(Map.of("email", "ada@example.com"));
        Post good = entities.get(Post.class).setTitle("good");
        Post bad = entities.get(Post.class).setTitle("");

        assertThrows(RuntimeException.class, () -> ada.posts().saveMany(List.of(good, bad)));

        assertFalse(good.isLoaded());
        assertNull(good.getId());
        ada.posts().save(good);
        assertEquals(1, countRows("posts"));
    }

    @Test
    void aRolledBackDeleteLeavesTheEntityLoaded() {
        User ada = entities.get(User.class).create(Map.of("email", "ada@example.com"));

        assertThrows(IllegalStateException.class, () -> entities.transaction(() -> {
            ada.delete();
            throw new IllegalStateException("changed my mind");
        }));

        assertTrue(ada.isLoaded());
        assertEquals(1, countRows("users"));
    }
}
