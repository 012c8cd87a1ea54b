package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.entity.GuardedAttributeException;
import dev.quarry.entity.InvalidValueException;
import dev.quarry.entity.UnknownAttributeException;
import dev.quarry.it.model.Post;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** fill, create and update from maps: conversion, unknown and guarded names, and all-or-nothing. */
class MassAssignmentIT extends DatabaseTest {

    private static void assertUntouched(User user) {
        assertEquals(Map.of(), user.dirtyAttributes(), "fill changed attributes although it failed");
    }

    // ---- conversion -------------------------------------------------------------------------

    @Test
    void fillConvertsValuesToTheAttributeTypes() {
        User user = entities.get(User.class);

        user.fill(orderedMap("email", "ada@example.com", "age", "42", "active", "true"));

        assertInstanceOf(Integer.class, user.getAttribute("age"));
        assertEquals(42, user.getAge());
        assertInstanceOf(Boolean.class, user.getAttribute("active"));
        assertEquals(true, user.getActive());
        assertEquals("ada@example.com", user.getEmail());
    }

    @Test
    void fillConvertsNumbersOfAnotherWidthAndBooleanSpellings() {
        User user = entities.get(User.class);

        user.fill(orderedMap("age", 42L, "active", "no"));

        assertEquals(42, user.getAge());
        assertEquals(false, user.getActive());
    }

    @Test
    void fillReturnsTheSameEntityAndRunsNoStatement() {
        User user = entities.get(User.class);

        User returned = user.fill(orderedMap("email", "ada@example.com"));

        assertSame(user, returned);
        assertFalse(user.isLoaded());
        assertEquals(0, statements.count());
        assertEquals(0, countRows("users"));
    }

    @Test
    void createStoresTheConvertedValues() {
        User user = entities.get(User.class).create(orderedMap("email", "ada@example.com", "age", "42", "active", "false"));

        assertEquals(42, user.getAge());
        Map<String, Object> row = rows("users", "id").get(0);
        assertEquals(42, row.get("age"));
        assertEquals(false, row.get("active"));
    }

    @Test
    void fillWithNullSetsTheAttributeToNull() {
        User user = entities.get(User.class).findOrFail(insertUserRow("ada@example.com", "Ada", 36));

        user.fill(orderedMap("name", null));

        assertNull(user.getName());
        assertTrue(user.isDirty("name"));
    }

    @Test
    void valueThatCannotBeConvertedThrowsInvalidValueNamingTheEntityAttributeAndValue() {
        User user = entities.get(User.class);

        InvalidValueException e = assertThrows(InvalidValueException.class, () -> user.fill(orderedMap("age", "abc")));

        assertTrue(e.getMessage().contains("User"), e.getMessage());
        assertTrue(e.getMessage().contains("age"), e.getMessage());
        assertTrue(e.getMessage().contains("abc"), e.getMessage());
        assertNull(user.getAge());
    }

    @Test
    void valueWithAFractionalPartIsNotTruncatedIntoAnInteger() {
        User user = entities.get(User.class);

        InvalidValueException e = assertThrows(InvalidValueException.class, () -> user.fill(orderedMap("age", "4.5")));

        assertTrue(e.getMessage().contains("age"), e.getMessage());
        assertNull(user.getAge());
    }

    @Test
    void nullForAPrimitiveAttributeThrowsInvalidValue() {
        Post post = entities.get(Post.class);

        InvalidValueException e = assertThrows(InvalidValueException.class, () -> post.fill(orderedMap("published", null)));

        assertTrue(e.getMessage().contains("Post"), e.getMessage());
        assertTrue(e.getMessage().contains("published"), e.getMessage());
    }

    @Test
    void fillWithAnUnconvertibleValueChangesNoOtherAttribute() {
        User user = entities.get(User.class).findOrFail(insertUserRow("ada@example.com", "Ada", 36));

        assertThrows(InvalidValueException.class,
                () -> user.fill(orderedMap("name", "Ada Lovelace", "email", "countess@example.com", "age", "abc")));

        assertEquals("Ada", user.getName());
        assertEquals("ada@example.com", user.getEmail());
        assertEquals(36, user.getAge());
        assertUntouched(user);
    }

    // ---- unknown names ----------------------------------------------------------------------

    @Test
    void fillWithAnUnknownAttributeThrowsNamingTheEntityAndSuggestingTheNearestName() {
        User user = entities.get(User.class);

        UnknownAttributeException e = assertThrows(UnknownAttributeException.class,
                () -> user.fill(orderedMap("emial", "ada@example.com")));

        assertEquals("UnknownAttribute", e.errorId());
        assertTrue(e.getMessage().contains("User"), e.getMessage());
        assertTrue(e.getMessage().contains("emial"), e.getMessage());
        assertTrue(e.getMessage().contains("Did you mean email"), e.getMessage());
    }

    @Test
    void fillWithAnUnknownAttributeChangesNoOtherAttribute() {
        User user = entities.get(User.class).findOrFail(insertUserRow("ada@example.com", "Ada", 36));

        assertThrows(UnknownAttributeException.class, () -> user.fill(orderedMap("name", "Ada Lovelace", "nickname", "Ada")));

        assertEquals("Ada", user.getName());
        assertUntouched(user);
    }

    @Test
    void createWithAnUnknownAttributeWritesNothing() {
        assertThrows(UnknownAttributeException.class,
                () -> entities.get(User.class).create(orderedMap("email", "ada@example.com", "nickname", "Ada")));

        assertEquals(0, statements.count());
        assertEquals(0, countRows("users"));
    }

    // ---- guarded ----------------------------------------------------------------------------

    @Test
    void fillOfAGuardedAttributeThrowsGuardedAttributeNamingTheEntityAndAttribute() {
        User user = entities.get(User.class);

        GuardedAttributeException e = assertThrows(GuardedAttributeException.class,
                () -> user.fill(orderedMap("admin", true)));

        assertEquals("GuardedAttribute", e.errorId());
        assertTrue(e.getMessage().contains("admin"), e.getMessage());
        assertTrue(e.getMessage().contains("User"), e.getMessage());
        assertNull(user.getAdmin());
    }

    @Test
    void fillOfAGuardedAttributeChangesNoAttributeEvenWhenTheOtherKeysWereValid() {
        User user = entities.get(User.class).findOrFail(insertUserRow("ada@example.com", "Ada", 36));

        assertThrows(GuardedAttributeException.class, () -> user.fill(
                orderedMap("email", "countess@example.com", "name", "Ada Lovelace", "age", "37", "admin", true)));

        assertEquals("ada@example.com", user.getEmail());
        assertEquals("Ada", user.getName());
        assertEquals(36, user.getAge());
        assertEquals(false, user.getAdmin());
        assertUntouched(user);
    }

    @Test
    void fillOfAGuardedAttributeOnANewEntityLeavesItBlank() {
        User user = entities.get(User.class);

        assertThrows(GuardedAttributeException.class,
                () -> user.fill(orderedMap("email", "ada@example.com", "admin", true)));

        assertNull(user.getEmail());
        assertFalse(user.isDirty());
    }

    @Test
    void createWithAGuardedAttributeWritesNothing() {
        assertThrows(GuardedAttributeException.class,
                () -> entities.get(User.class).create(orderedMap("email", "ada@example.com", "admin", true)));

        assertEquals(0, statements.count(), statements.sql().toString());
        assertEquals(0, countRows("users"));
    }

    @Test
    void updateWithAGuardedAttributeChangesAndWritesNothing() {
        long id = insertUserRow("ada@example.com", "Ada", 36);
        User user = entities.get(User.class).findOrFail(id);
        statements.reset();

        assertThrows(GuardedAttributeException.class, () -> user.update(orderedMap("name", "Ada Lovelace", "admin", true)));

        assertEquals(0, statements.count(), statements.sql().toString());
        assertEquals("Ada", user.getName());
        Map<String, Object> row = rows("users", "id").get(0);
        assertEquals("Ada", row.get("name"));
        assertEquals(false, row.get("admin"));
    }

    @Test
    void identityKeyIsGuardedFromFill() {
        User user = entities.get(User.class);

        GuardedAttributeException e = assertThrows(GuardedAttributeException.class,
                () -> user.fill(orderedMap("id", 99L)));

        assertTrue(e.getMessage().contains("id"), e.getMessage());
        assertNull(user.getId());
    }

    @Test
    void createWithAnIdentityKeyWritesNothing() {
        assertThrows(GuardedAttributeException.class,
                () -> entities.get(User.class).create(orderedMap("id", 99L, "email", "ada@example.com")));

        assertEquals(0, countRows("users"));
    }

    @Test
    void updateCannotMoveALoadedEntityToAnotherKey() {
        long id = insertUserRow("ada@example.com", "Ada", 36);
        User user = entities.get(User.class).findOrFail(id);

        assertThrows(GuardedAttributeException.class, () -> user.update(orderedMap("id", id + 100)));

        assertEquals(id, user.getId());
        assertEquals(List.of(id), rows("users", "id").stream().map(r -> r.get("id")).toList());
    }

    @Test
    void setAttributeCanSetAGuardedAttribute() {
        User user = entities.get(User.class).setEmail("ada@example.com");

        user.setAttribute("admin", "true");

        assertEquals(true, user.getAdmin());
        user.save();
        assertEquals(true, rows("users", "id").get(0).get("admin"));
    }

    @Test
    void setterCanSetAGuardedAttribute() {
        User user = entities.get(User.class).findOrFail(insertUserRow("ada@example.com", "Ada", 36));

        user.setAdmin(true).save();

        assertEquals(true, rows("users", "id").get(0).get("admin"));
    }

    @Test
    void setAttributeWithAnUnconvertibleValueThrowsInvalidValue() {
        User user = entities.get(User.class);

        InvalidValueException e = assertThrows(InvalidValueException.class, () -> user.setAttribute("admin", "maybe"));

        assertTrue(e.getMessage().contains("admin"), e.getMessage());
        assertTrue(e.getMessage().contains("maybe"), e.getMessage());
        assertNull(user.getAdmin());
    }
}
