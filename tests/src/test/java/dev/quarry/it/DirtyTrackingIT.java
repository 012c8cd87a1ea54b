package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.entity.UnknownAttributeException;
import dev.quarry.it.model.Post;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an entity knows about its row: loaded or not, which attributes changed, and their original values. */
class DirtyTrackingIT extends DatabaseTest {

    private User load(long id) {
        User user = entities.get(User.class).findOrFail(id);
        statements.reset();
        return user;
    }

    // ---- loaded -----------------------------------------------------------------------------

    @Test
    void newEntityIsNotLoaded() {
        assertFalse(entities.get(User.class).isLoaded());
        assertFalse(entities.get(Post.class).isLoaded());
    }

    @Test
    void newEntityIsLoadedAfterItsFirstSave() {
        User user = entities.get(User.class).setEmail("ada@example.com");

        user.save();

        assertTrue(user.isLoaded());
    }

    @Test
    void entityIsNoLongerLoadedAfterDelete() {
        User user = load(insertUserRow("ada@example.com", "Ada", 36));

        user.delete();

        assertFalse(user.isLoaded());
        assertEquals(0, countRows("users"));
    }

    // ---- isDirty ----------------------------------------------------------------------------

    @Test
    void newEntityWithNothingSetIsNotDirty() {
        assertFalse(entities.get(User.class).isDirty());
        assertFalse(entities.get(Post.class).isDirty(), "a primitive's default value is not a change");
    }

    @Test
    void settingAnAttributeOfANewEntityMakesItAndOnlyThatAttributeDirty() {
        User user = entities.get(User.class);

        user.setEmail("ada@example.com");

        assertTrue(user.isDirty());
        assertTrue(user.isDirty("email"));
        assertFalse(user.isDirty("name"));
    }

    @Test
    void entityIsCleanAfterItsInsert() {
        User user = entities.get(User.class).setEmail("ada@example.com").setName("Ada");

        user.save();

        assertFalse(user.isDirty());
        assertFalse(user.isDirty("email"));
        assertEquals(Map.of(), user.dirtyAttributes());
    }

    @Test
    void loadedEntityBecomesDirtyWhenAnAttributeChanges() {
        User user = load(insertUserRow("ada@example.com", "Ada", 36));
        assertFalse(user.isDirty());

        user.setEmail("countess@example.com");

        assertTrue(user.isDirty());
        assertTrue(user.isDirty("email"));
        assertFalse(user.isDirty("name"));
        assertFalse(user.isDirty("age"));
    }

    @Test
    void loadedEntityIsCleanAgainAfterSavingTheChange() {
        User user = load(insertUserRow("ada@example.com", "Ada", 36));
        user.setEmail("countess@example.com");

        user.save();

        assertFalse(user.isDirty());
        assertFalse(user.isDirty("email"));
        assertEquals("countess@example.com", rows("users", "id").get(0).get("email"));
    }

    @Test
    void settingAnAttributeBackToItsOriginalValueMakesItCleanAgain() {
        User user = load(insertUserRow("ada@example.com", "Ada", 36));

        user.setName("Someone").setName("Ada");
        user.setAge(36);

        assertFalse(user.isDirty());
        assertFalse(user.isDirty("name"));
    }

    @Test
    void settingAnAttributeToNullIsAChangeThatIsWritten() {
        User user = load(insertUserRow("ada@example.com", "Ada", 36));

        user.setName(null);
        assertTrue(user.isDirty("name"));
        user.save();

        assertEquals(List.of("UPDATE \"users\" SET \"name\" = ? WHERE \"id\" = ?"), statements.sql());
        assertNull(rows("users", "id").get(0).get("name"));
    }

    @Test
    void isDirtyOfAnUnknownAttributeThrowsUnknownAttribute() {
        User user = entities.get(User.class);

        UnknownAttributeException e = assertThrows(UnknownAttributeException.class, () -> user.isDirty("emial"));

        assertTrue(e.getMessage().contains("emial"), e.getMessage());
        assertTrue(e.getMessage().contains("email"), e.getMessage());
    }

    // ---- what an update writes --------------------------------------------------------------

    @Test
    void updateWritesOnlyTheChangedColumns() {
        User user = load(insertUserRow("ada@example.com", "Ada", 36));

        user.setName("Ada Lovelace").setAge(37).save();

        assertEquals(1, statements.count(), statements.sql().toString());
        assertEquals("UPDATE \"users\" SET \"name\" = ?, \"age\" = ? WHERE \"id\" = ?", statements.sql().get(0));
        Map<String, Object> row = rows("users", "id").get(0);
        assertEquals("Ada Lovelace", row.get("name"));
        assertEquals(37, row.get("age"));
    }

    @Test
    void updateOfOneColumnLeavesAConcurrentChangeToAnotherColumnInPlace() {
        long id = insertUserRow("ada@example.com", "Ada", 36);
        User user = load(id);
        execute("UPDATE \"users\" SET \"email\" = ? WHERE \"id\" = ?", "changed@example.com", id);

        user.setAge(37).save();

        Map<String, Object> row = rows("users", "id").get(0);
        assertEquals(37, row.get("age"));
        assertEquals("changed@example.com", row.get("email"), "the unchanged email was not written back");
    }

    @Test
    void updateOfATimestampedEntityWritesTheChangedColumnsAndTheUpdatedTimestampOnly() {
        Post post = entities.get(Post.class).setTitle("Hello").setBody("First").save();
        clock.advance(Duration.ofSeconds(1));
        statements.reset();

        post.setBody("Second").save();

        assertEquals(List.of("UPDATE \"posts\" SET \"body\" = ?, \"updatedAt\" = ? WHERE \"id\" = ?"), statements.sql());
    }

    @Test
    void saveOfAnUnchangedLoadedEntityRunsNoStatement() {
        User user = load(insertUserRow("ada@example.com", "Ada", 36));

        User returned = user.save();

        assertSame(user, returned);
        assertEquals(0, statements.count(), statements.sql().toString());
    }

    @Test
    void saveAfterRevertingAChangeRunsNoStatement() {
        User user = load(insertUserRow("ada@example.com", "Ada", 36));

        user.setName("Someone").setName("Ada").save();

        assertEquals(0, statements.count(), statements.sql().toString());
    }

    @Test
    void secondSaveWithoutFurtherChangesRunsNoStatement() {
        User user = entities.get(User.class).setEmail("ada@example.com").save();
        statements.reset();

        user.save();

        assertEquals(0, statements.count(), statements.sql().toString());
        assertEquals(1, countRows("users"));
    }

    // ---- originalValue / dirtyAttributes ----------------------------------------------------

    @Test
    void originalValueIsTheValueAsReadWhileTheAttributeHoldsTheNewOne() {
        User user = load(insertUserRow("ada@example.com", "Ada", 36));

        user.setName("Ada Lovelace");

        assertEquals("Ada", user.originalValue("name"));
        assertEquals("Ada Lovelace", user.getName());
        assertEquals(36, user.originalValue("age"));
    }

    @Test
    void originalValueIsTheSavedValueAfterSave() {
        User user = load(insertUserRow("ada@example.com", "Ada", 36));
        user.setName("Ada Lovelace");

        user.save();

        assertEquals("Ada Lovelace", user.originalValue("name"));
    }

    @Test
    void originalValueOfANewEntityIsNullAndAfterInsertIsTheStoredValue() {
        User user = entities.get(User.class).setEmail("ada@example.com");
        assertNull(user.originalValue("email"));
        assertNull(user.originalValue("id"));

        user.save();

        assertEquals("ada@example.com", user.originalValue("email"));
        assertEquals(user.getId(), user.originalValue("id"));
        assertEquals("member", user.originalValue("role"), "a database default is part of the original state");
    }

    @Test
    void dirtyAttributesListsTheChangedAttributesWithTheirNewValuesInDeclarationOrder() {
        User user = load(insertUserRow("ada@example.com", "Ada", 36));

        user.setAge(37).setName("Ada Lovelace");

        Map<String, Object> dirty = user.dirtyAttributes();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("name", "Ada Lovelace");
        expected.put("age", 37);
        assertEquals(expected, dirty);
        assertEquals(List.of("name", "age"), new ArrayList<>(dirty.keySet()));
    }

    @Test
    void dirtyAttributesOfACleanEntityIsEmpty() {
        User user = load(insertUserRow("ada@example.com", "Ada", 36));

        assertEquals(Map.of(), user.dirtyAttributes());
    }

    @Test
    void dirtyAttributesIncludesAnAttributeSetToNull() {
        User user = load(insertUserRow("ada@example.com", "Ada", 36));

        user.setAge(null);

        Map<String, Object> dirty = user.dirtyAttributes();
        assertEquals(1, dirty.size());
        assertTrue(dirty.containsKey("age"));
        assertNull(dirty.get("age"));
    }

    // ---- entities read from queries ----------------------------------------------------------

    @Test
    void entitiesReadByQueriesAreLoadedAndClean() {
        long id = insertUserRow("ada@example.com", "Ada", 36);
        insertUserRow("grace@example.com", "Grace", 45);
        User users = entities.get(User.class);

        List<User> read = new ArrayList<>();
        read.add(users.find(id).orElseThrow());
        read.add(users.findOrFail(id));
        read.add(users.first().orElseThrow());
        read.add(users.firstWhere("email", "grace@example.com").orElseThrow());
        read.addAll(users.all());
        read.addAll(users.where("age", ">", 40).get());
        users.chunk(1, read::addAll);

        assertEquals(9, read.size());
        for (User user : read) {
            assertTrue(user.isLoaded(), user.toString());
            assertFalse(user.isDirty(), user.toString());
            assertEquals(Map.of(), user.dirtyAttributes(), user.toString());
        }
    }

    @Test
    void entityReadByAQueryWithAPrimitiveAttributeIsClean() {
        execute("INSERT INTO \"posts\" (\"title\", \"published\") VALUES ('Hello', TRUE)");

        Post post = entities.get(Post.class).firstOrFail();

        assertTrue(post.isPublished());
        assertFalse(post.isDirty());
        assertEquals(true, post.originalValue("published"));
    }
}
