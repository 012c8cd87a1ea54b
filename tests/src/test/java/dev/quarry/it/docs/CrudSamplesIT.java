package dev.quarry.it.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.entity.EntityNotFoundException;
import dev.quarry.entity.GuardedAttributeException;
import dev.quarry.entity.InvalidValueException;
import dev.quarry.entity.UnknownAttributeException;
import dev.quarry.entity.UnsavedEntityException;
import dev.quarry.it.model.Membership;
import dev.quarry.it.model.Post;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.validation.EntityValidationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The samples of docs/crud.md. */
class CrudSamplesIT extends DatabaseTest {
    private User users;
    private User ada;

    @BeforeEach
    void createAda() {
        users = entities.get(User.class);
        ada = entities.get(User.class)
                .setEmail("ada@example.com")
                .setName("Ada")
                .save();
        statements.reset();
    }

    @Test
    void creatingIsOneInsertThatReadsDefaultsBack() {
        execute("DELETE FROM \"users\"");
        statements.reset();
        // snippet:start crud-save
        User ada = entities.get(User.class)
                .setEmail("ada@example.com")
                .setName("Ada")
                .save();                       // INSERT INTO "users" ("email", "name") VALUES (?, ?)

        ada.getId();         // the identity value the database generated
        ada.getActive();     // true:     the column's DEFAULT TRUE
        ada.getRole();       // "member": the column's DEFAULT 'member'
        ada.isLoaded();      // true
        // snippet:end

        assertEquals(List.of("INSERT INTO \"users\" (\"email\", \"name\") VALUES (?, ?)"), statements.sql());
        assertEquals(2L, ada.getId());
        assertEquals(true, ada.getActive());
        assertEquals("member", ada.getRole());
        assertEquals(false, ada.getAdmin());
        assertTrue(ada.isLoaded());
        assertFalse(ada.isDirty());
    }

    @Test
    void primitivesAreAlwaysWritten() {
        statements.reset();
        entities.get(Post.class).setTitle("Hello").save();
        assertTrue(statements.sql().get(0).contains("\"published\""), statements.sql().toString());
    }

    @Test
    void createFromAMap() {
        // snippet:start crud-create
        User grace = entities.get(User.class).create(Map.of("email", "grace@example.com", "name", "Grace"));
        // snippet:end

        assertTrue(grace.isLoaded());
        assertEquals("Grace", rows("users", "id").get(1).get("name"));
    }

    @Test
    void anInvalidEntityIsNotWritten() {
        assertThrows(EntityValidationException.class, () -> entities.get(User.class).create(Map.of("email", "nope")));
        assertEquals(0, statements.count());
    }

    @Test
    void reading() {
        entities.get(User.class).create(Map.of("email", "grace@example.com", "name", "Grace"));
        statements.reset();

        // snippet:start crud-read
        User users = entities.get(User.class);

        Optional<User> maybe = users.find(ada.getId());      // key values are converted: 1, 1L and "1" all work
        User sure = users.findOrFail(ada.getId());
        Optional<User> byEmail = users.firstWhere("email", "grace@example.com");
        List<User> everyone = users.all();
        long total = users.count();
        boolean any = users.exists();
        // snippet:end

        assertEquals("Ada", maybe.orElseThrow().getName());
        assertEquals("Ada", sure.getName());
        assertEquals("Grace", byEmail.orElseThrow().getName());
        assertEquals(2, everyone.size());
        assertEquals(2, total);
        assertTrue(any);
        assertEquals(6, statements.count());
        assertEquals("Ada", users.find(1).orElseThrow().getName());
        assertEquals("Ada", users.find("1").orElseThrow().getName());
        assertEquals("Ada", users.first().orElseThrow().getName());
        assertEquals("Grace", users.firstWhere("name", "like", "G%").orElseThrow().getName());
        assertEquals(1, users.where("active", true).orderBy("name").get().stream().filter(u -> u.getName().equals("Ada")).count());
    }

    @Test
    void readingNothing() {
        execute("DELETE FROM \"users\"");
        assertTrue(users.find(1L).isEmpty());
        assertThrows(EntityNotFoundException.class, () -> users.findOrFail(1L));
        assertTrue(users.first().isEmpty());
        assertThrows(EntityNotFoundException.class, () -> users.firstOrFail());
        assertEquals(List.of(), users.all());
        assertEquals(0, users.count());
        assertFalse(users.exists());
    }

    @Test
    void aCompositeKeyIsAMap() {
        entities.get(Membership.class).setUserId(1L).setTeamId(2L).setLevel("owner").save();
        Membership memberships = entities.get(Membership.class);

        assertEquals("owner", memberships.find(Map.of("userId", 1L, "teamId", 2L)).orElseThrow().getLevel());
    }

    @Test
    void updatingWritesOnlyWhatChanged() {
        // snippet:start crud-update
        User user = users.findOrFail(ada.getId());
        user.setName("Ada Lovelace");
        // snippet:hide
        statements.reset();
        // snippet:show
        user.save();          // UPDATE "users" SET "name" = ? WHERE "id" = ?
        // snippet:hide
        assertEquals(List.of("UPDATE \"users\" SET \"name\" = ? WHERE \"id\" = ?"), statements.sql());
        // snippet:show
        user.save();          // nothing changed: no statement at all
        // snippet:end
        assertEquals(1, statements.count());

        // snippet:start crud-update-map
        user.update(Map.of("name", "Countess of Lovelace", "age", 36));
        // snippet:end
        assertEquals("UPDATE \"users\" SET \"name\" = ?, \"age\" = ? WHERE \"id\" = ?", statements.sql().get(1));
        assertEquals(36, rows("users", "id").get(0).get("age"));
    }

    @Test
    void updatingARowDeletedMeanwhile() {
        User user = users.findOrFail(ada.getId());
        execute("DELETE FROM \"users\"");
        user.setName("Ada Lovelace");
        EntityNotFoundException e = assertThrows(EntityNotFoundException.class, user::save);
        assertEquals("User", e.entityName());
    }

    @Test
    void findOrCreate() {
        entities.get(User.class).create(Map.of("email", "grace@example.com", "name", "Grace"));

        // snippet:start crud-first-or-create
        // the first user with this email, or a new one created from both maps
        User g = users.firstOrCreate(Map.of("email", "grace@example.com"), Map.of("name", "Grace"));

        // the first user with this email, updated with the second map; or a new one from both maps
        User h = users.updateOrCreate(Map.of("email", "hopper@example.com"), Map.of("name", "Grace Hopper"));
        // snippet:end

        assertEquals(2L, g.getId());
        assertEquals(3L, h.getId());
        assertEquals("Grace Hopper", h.getName());
        assertEquals(3, users.count());

        User again = users.updateOrCreate(Map.of("email", "hopper@example.com"), Map.of("name", "Rear Admiral"));
        assertEquals(3L, again.getId());
        assertEquals("Rear Admiral", users.findOrFail(3L).getName());
        assertEquals(2L, users.firstOrCreate(Map.of("email", "grace@example.com")).getId());
        assertEquals(3, users.count());
    }

    @Test
    void deleting() {
        User user = users.findOrFail(ada.getId());
        User stale = users.findOrFail(ada.getId());
        statements.reset();

        // snippet:start crud-delete
        boolean deleted = user.delete();   // DELETE FROM "users" WHERE "id" = ?; false if the row was already gone
        user.isLoaded();                   // false
        user.delete();                     // false: deleting twice is harmless
        // snippet:end

        assertTrue(deleted);
        assertEquals(List.of("DELETE FROM \"users\" WHERE \"id\" = ?"), statements.sql());
        assertFalse(user.isLoaded());
        assertFalse(user.delete());
        assertFalse(stale.delete());       // false: the row was already gone
        assertEquals(2, statements.count());   // user's second delete() ran no statement
        assertEquals(0, countRows("users"));
    }

    @Test
    void refreshing() {
        User user = users.findOrFail(ada.getId());
        user.setName("unsaved");
        execute("UPDATE \"users\" SET \"age\" = 37");

        // snippet:start crud-refresh
        user.refresh();                        // re-reads the row into this instance, dropping unsaved changes
        // snippet:hide
        assertEquals("Ada", user.getName());
        assertEquals(37, user.getAge());
        assertFalse(user.isDirty());
        user.setName("changed");
        execute("UPDATE \"users\" SET \"age\" = 38");
        // snippet:show
        Optional<User> copy = user.fresh();    // a new instance read from the row; this one is unchanged
        // snippet:end
        assertEquals(38, copy.orElseThrow().getAge());
        assertEquals("Ada", copy.orElseThrow().getName());
        assertEquals(37, user.getAge());
        assertEquals("changed", user.getName());

        execute("DELETE FROM \"users\"");
        assertThrows(EntityNotFoundException.class, user::refresh);
        assertTrue(user.fresh().isEmpty());
        assertThrows(UnsavedEntityException.class, () -> entities.get(User.class).refresh());
        assertThrows(UnsavedEntityException.class, () -> entities.get(User.class).fresh());
    }

    @Test
    void attributesByName() {
        User user = users.findOrFail(ada.getId());

        // snippet:start crud-attributes
        user.getAttribute("email");                 // "ada@example.com"
        user.setAttribute("age", "37");             // converted to the attribute's type: 37
        user.toMap();                               // {id=1, email=ada@example.com, name=..., ...} in declaration order
        user.keyValue();                            // 1 (a Map for a composite key)
        // snippet:end

        assertEquals("ada@example.com", user.getAttribute("email"));
        assertEquals(Integer.valueOf(37), user.getAge());
        assertEquals(List.of("id", "email", "name", "active", "role", "age", "admin"), List.copyOf(user.toMap().keySet()));
        assertEquals(37, user.toMap().get("age"));
        assertEquals(1L, user.keyValue());
        assertThrows(UnknownAttributeException.class, () -> user.getAttribute("mail"));
        user.setAttribute("admin", true);           // not mass assignment: guarded attributes too
        assertEquals(true, user.getAdmin());
    }

    @Test
    void fillIsAllOrNothing() {
        // snippet:start crud-fill
        User form = entities.get(User.class);
        form.fill(Map.of("email", "linus@example.com", "age", "42"));   // age becomes the Integer 42

        assertThrows(GuardedAttributeException.class, () -> form.fill(Map.of("name", "Linus", "admin", true)));
        // admin is @Guarded; name was not set either

        assertThrows(InvalidValueException.class, () -> form.fill(Map.of("name", "Linus", "age", "forty")));
        // "forty" is not an Integer; name was not set either
        // snippet:end

        assertNull(form.getName());
        assertEquals(Integer.valueOf(42), form.getAge());

        assertThrows(GuardedAttributeException.class, () -> form.fill(Map.of("id", 5)));
        assertThrows(InvalidValueException.class, () -> form.fill(Map.of("age", 4.5)));
        assertEquals(true, form.fill(Map.of("active", "yes")).getActive());
    }

    @Test
    void dirtyTracking() {
        // snippet:start crud-dirty
        User user = users.findOrFail(ada.getId());
        user.isDirty();                  // false
        // snippet:hide
        assertFalse(user.isDirty());
        // snippet:show
        user.setName("Ada King");
        user.isDirty();                  // true
        user.isDirty("name");            // true
        user.isDirty("email");           // false
        user.dirtyAttributes();          // {name=Ada King}
        user.originalValue("name");      // the name as read from the row
        // snippet:hide
        assertTrue(user.isDirty());
        assertTrue(user.isDirty("name"));
        assertFalse(user.isDirty("email"));
        assertEquals(Map.of("name", "Ada King"), user.dirtyAttributes());
        assertEquals("Ada", user.originalValue("name"));
        // snippet:show
        user.save();
        user.isDirty();                  // false
        // snippet:end
        assertFalse(user.isDirty());
        assertEquals("Ada King", user.originalValue("name"));
        assertTrue(user.isLoaded());
        assertFalse(entities.get(User.class).isLoaded());
    }

    @Test
    void aTransactionWritesBothRowsOrNeither() {
        // snippet:start crud-transaction
        entities.transaction(() -> {
            User author = users.create(Map.of("email", "author@example.com"));
            entities.get(Post.class).setTitle("Hello").setUserId(author.getId()).save();
        });                                              // both rows, or neither

        long posts = entities.transaction(() -> entities.get(Post.class).count());   // with a result
        // snippet:end

        assertEquals(1, posts);
        assertEquals(2, countRows("users"));

        assertThrows(EntityValidationException.class, () -> entities.transaction(() -> {
            User author = users.create(Map.of("email", "writer@example.com"));
            entities.get(Post.class).setTitle("").setUserId(author.getId()).save();   // blank title: invalid
        }));
        assertEquals(2, countRows("users"));
        assertEquals(1, countRows("posts"));
    }

    @Test
    void aNestedTransactionUndoesOnlyItsOwnWrites() {
        // snippet:start crud-nested-transaction
        entities.transaction(() -> {
            users.create(Map.of("email", "kept@example.com"));
            try {
                entities.transaction(() -> {
                    users.create(Map.of("email", "undone@example.com"));
                    throw new IllegalStateException("payment declined");
                });
            } catch (IllegalStateException e) {
                // undone@example.com was rolled back to the savepoint; kept@example.com stays
            }
        });
        // snippet:end

        assertEquals(List.of("ada@example.com", "kept@example.com"),
                users.query().orderBy("id").get().stream().map(User::getEmail).toList());
    }

    @Test
    void anErrorLeavingTheOutermostCallRollsBackEverything() {
        assertThrows(IllegalStateException.class, () -> entities.transaction(() -> {
            users.create(Map.of("email", "outer@example.com"));
            entities.transaction(() -> {
                users.create(Map.of("email", "inner@example.com"));
            });
            throw new IllegalStateException("later failure");
        }));
        assertEquals(1, countRows("users"));
    }

    @Test
    void ownSqlJoinsTheTransactionThroughWithHandle() {
        assertThrows(IllegalStateException.class, () -> entities.transaction(() -> {
            users.create(Map.of("email", "x@example.com"));
            entities.database().withHandle(handle -> handle.execute("UPDATE \"users\" SET \"age\" = 1"));
            throw new IllegalStateException("undo");
        }));
        assertNull(rows("users", "id").get(0).get("age"));
        assertEquals(1, countRows("users"));
    }
}
