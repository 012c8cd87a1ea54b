package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.entity.GuardedAttributeException;
import dev.quarry.entity.InvalidValueException;
import dev.quarry.it.model.Account;
import dev.quarry.it.model.Country;
import dev.quarry.it.model.Membership;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.query.InvalidQueryException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Identity, UUID, assigned and composite keys: how they get their values and how they are looked up. */
class KeysIT extends DatabaseTest {

    private void seedUser(long id, String email) {
        execute("INSERT INTO \"users\" (\"id\", \"email\") VALUES (?, ?)", id, email);
    }

    private void seedMembership(long userId, long teamId, String level) {
        execute("INSERT INTO \"memberships\" (\"userId\", \"teamId\", \"level\") VALUES (?, ?, ?)", userId, teamId, level);
    }

    // ---- identity ---------------------------------------------------------------------------

    @Test
    void identityKeyIsAssignedByTheDatabaseAndReadBackAsALong() {
        User user = entities.get(User.class).setEmail("ada@example.com");
        assertNull(user.getId());

        user.save();

        assertEquals(1, statements.count(), statements.sql().toString());
        assertEquals("INSERT INTO \"users\" (\"email\") VALUES (?)", statements.sql().get(0),
                "the key is left to the database");
        assertInstanceOf(Long.class, user.getAttribute("id"));
        assertEquals(rows("users", "id").get(0).get("id"), user.getId());
        assertEquals(user.getId(), user.keyValue());
    }

    @Test
    void identityKeysOfSuccessiveInsertsAreDistinctAndMatchTheirRows() {
        User ada = entities.get(User.class).setEmail("ada@example.com").save();
        User grace = entities.get(User.class).setEmail("grace@example.com").save();

        assertNotEquals(ada.getId(), grace.getId());
        List<Map<String, Object>> rows = rows("users", "id");
        assertEquals(ada.getId(), rows.get(0).get("id"));
        assertEquals("ada@example.com", rows.get(0).get("email"));
        assertEquals(grace.getId(), rows.get(1).get("id"));
        assertEquals("grace@example.com", rows.get(1).get("email"));
    }

    // ---- UUID -------------------------------------------------------------------------------

    @Test
    void uuidKeyIsGeneratedByQuarryAndWrittenInTheInsert() {
        Account account = entities.get(Account.class).setName("Main");
        assertNull(account.getId());

        account.save();

        assertNotNull(account.getId());
        assertEquals(4, account.getId().version(), "a random (version 4) UUID");
        assertEquals(List.of("INSERT INTO \"accounts\" (\"id\", \"name\") VALUES (?, ?)"), statements.sql());
        List<Map<String, Object>> rows = rows("accounts", "id");
        assertEquals(1, rows.size());
        assertEquals(account.getId(), rows.get(0).get("id"));
        assertEquals("Main", rows.get(0).get("name"));
    }

    @Test
    void uuidKeysOfTwoAccountsDiffer() {
        Account first = entities.get(Account.class).setName("One").save();
        Account second = entities.get(Account.class).setName("Two").save();

        assertNotEquals(first.getId(), second.getId());
        assertEquals(2, countRows("accounts"));
    }

    @Test
    void uuidKeySetByTheApplicationIsKept() {
        UUID chosen = UUID.fromString("123e4567-e89b-42d3-a456-426614174000");
        Account account = entities.get(Account.class).setName("Main");
        account.setAttribute("id", chosen.toString());

        account.save();

        assertEquals(chosen, account.getId());
        assertEquals(chosen, rows("accounts", "id").get(0).get("id"));
    }

    @Test
    void uuidKeyIsGuardedFromMassAssignment() {
        Account account = entities.get(Account.class);

        assertThrows(GuardedAttributeException.class,
                () -> account.fill(Map.of("id", UUID.randomUUID(), "name", "Main")));
        assertNull(account.getName());
    }

    @Test
    void accountIsFoundByItsUuidOrItsTextualForm() {
        Account account = entities.get(Account.class).setName("Main").save();

        assertEquals("Main", entities.get(Account.class).find(account.getId()).orElseThrow().getName());
        assertEquals("Main", entities.get(Account.class).find(account.getId().toString()).orElseThrow().getName());
    }

    // ---- assigned ---------------------------------------------------------------------------

    @Test
    void assignedStringKeyIsWrittenAsGivenAndFindsTheRow() {
        Country france = entities.get(Country.class).setCode("FR").setName("France");

        france.save();

        assertEquals(List.of("INSERT INTO \"countries\" (\"code\", \"name\") VALUES (?, ?)"), statements.sql());
        List<Map<String, Object>> rows = rows("countries", "code");
        assertEquals(1, rows.size());
        assertEquals("FR", rows.get(0).get("code"));
        assertEquals("France", entities.get(Country.class).findOrFail("FR").getName());
    }

    @Test
    void savingACountryWithoutItsAssignedCodeThrowsInvalidValueAndWritesNothing() {
        Country country = entities.get(Country.class).setName("Nowhere");

        InvalidValueException e = assertThrows(InvalidValueException.class, country::save);

        assertTrue(e.getMessage().contains("Country"), e.getMessage());
        assertTrue(e.getMessage().contains("code"), e.getMessage());
        assertEquals(0, statements.count(), statements.sql().toString());
        assertEquals(0, countRows("countries"));
        assertFalse(country.isLoaded());
    }

    @Test
    void assignedKeyMayBeMassAssigned() {
        Country country = entities.get(Country.class).create(Map.of("code", "DE", "name", "Germany"));

        assertEquals("DE", country.getCode());
        assertEquals("DE", rows("countries", "code").get(0).get("code"));
    }

    @Test
    void changingAnAssignedKeyUpdatesTheRowFoundByTheOriginalKey() {
        execute("INSERT INTO \"countries\" (\"code\", \"name\") VALUES ('FR', 'France'), ('DE', 'Germany')");
        Country france = entities.get(Country.class).findOrFail("FR");
        statements.reset();

        france.setCode("FX").save();

        assertEquals(List.of("UPDATE \"countries\" SET \"code\" = ? WHERE \"code\" = ?"), statements.sql());
        List<Map<String, Object>> rows = rows("countries", "code");
        assertEquals(2, rows.size());
        assertEquals("DE", rows.get(0).get("code"));
        assertEquals("FX", rows.get(1).get("code"));
        assertEquals("France", rows.get(1).get("name"));
        assertEquals("FX", france.originalValue("code"));
    }

    // ---- composite --------------------------------------------------------------------------

    @Test
    void compositeKeyFindsByAMapWithEveryPart() {
        seedMembership(1L, 1L, "guest");
        seedMembership(1L, 2L, "owner");
        seedMembership(2L, 2L, "member");
        statements.reset();

        Membership found = entities.get(Membership.class).find(Map.of("userId", 1L, "teamId", 2L)).orElseThrow();

        assertEquals(1L, found.getUserId());
        assertEquals(2L, found.getTeamId());
        assertEquals("owner", found.getLevel());
        assertEquals(1, statements.count());
        assertTrue(statements.sql().get(0).contains("\"memberships\".\"userId\" = ?"), statements.sql().toString());
        assertTrue(statements.sql().get(0).contains("\"memberships\".\"teamId\" = ?"), statements.sql().toString());
        assertEquals(Map.of("userId", 1L, "teamId", 2L), found.keyValue());
    }

    @Test
    void compositeKeyPartsAreConvertedLikeSingleKeys() {
        seedMembership(1L, 2L, "owner");

        Optional<Membership> found = entities.get(Membership.class).find(Map.of("userId", "1", "teamId", 2));

        assertEquals("owner", found.orElseThrow().getLevel());
    }

    @Test
    void compositeKeyFindOfAnAbsentCombinationIsEmpty() {
        seedMembership(1L, 1L, "guest");
        seedMembership(2L, 2L, "member");

        assertEquals(Optional.empty(), entities.get(Membership.class).find(Map.of("userId", 1L, "teamId", 2L)));
    }

    @Test
    void compositeKeyFindWithANonMapThrowsInvalidQueryNamingTheKeyParts() {
        seedMembership(1L, 2L, "owner");
        statements.reset();
        Membership memberships = entities.get(Membership.class);

        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> memberships.find(1L));

        assertTrue(e.getMessage().contains("Membership"), e.getMessage());
        assertTrue(e.getMessage().contains("userId"), e.getMessage());
        assertTrue(e.getMessage().contains("teamId"), e.getMessage());
        assertTrue(e.getMessage().contains("Map"), e.getMessage());
        assertEquals(0, statements.count());
    }

    @Test
    void compositeKeyFindWithAMapMissingAPartThrowsInvalidQueryNamingThatPart() {
        seedMembership(1L, 2L, "owner");
        statements.reset();
        Membership memberships = entities.get(Membership.class);

        InvalidQueryException e = assertThrows(InvalidQueryException.class,
                () -> memberships.find(Map.of("userId", 1L)));

        assertTrue(e.getMessage().contains("Membership"), e.getMessage());
        assertTrue(e.getMessage().contains("teamId"), e.getMessage());
        assertEquals(0, statements.count());
    }

    @Test
    void compositeKeyFindWithAMapNamingAWrongPartThrowsInvalidQueryNamingTheMissingPart() {
        seedMembership(1L, 2L, "owner");
        statements.reset();
        Membership memberships = entities.get(Membership.class);

        InvalidQueryException e = assertThrows(InvalidQueryException.class,
                () -> memberships.find(Map.of("userId", 1L, "team", 2L)));

        assertTrue(e.getMessage().contains("Membership"), e.getMessage());
        assertTrue(e.getMessage().contains("teamId"), e.getMessage());
        assertEquals(0, statements.count());
    }

    @Test
    void compositeKeyEntityUpdatesOnlyItsOwnRow() {
        seedMembership(1L, 1L, "guest");
        seedMembership(1L, 2L, "guest");
        seedMembership(2L, 2L, "guest");
        Membership membership = entities.get(Membership.class).findOrFail(Map.of("userId", 1L, "teamId", 2L));
        statements.reset();

        membership.setLevel("owner").save();

        assertEquals(List.of("UPDATE \"memberships\" SET \"level\" = ? WHERE \"userId\" = ? AND \"teamId\" = ?"),
                statements.sql());
        List<Map<String, Object>> rows = jdbi.withHandle(h -> h.createQuery(
                "SELECT * FROM \"memberships\" ORDER BY \"userId\", \"teamId\"").mapToMap().list());
        assertEquals("guest", rows.get(0).get("level"));
        assertEquals("owner", rows.get(1).get("level"));
        assertEquals("guest", rows.get(2).get("level"));
    }

    @Test
    void compositeKeyEntityDeletesOnlyItsOwnRow() {
        seedMembership(1L, 1L, "guest");
        seedMembership(1L, 2L, "owner");
        seedMembership(2L, 2L, "member");
        Membership membership = entities.get(Membership.class).findOrFail(Map.of("userId", 1L, "teamId", 2L));

        assertTrue(membership.delete());

        List<Map<String, Object>> rows = jdbi.withHandle(h -> h.createQuery(
                "SELECT * FROM \"memberships\" ORDER BY \"userId\", \"teamId\"").mapToMap().list());
        assertEquals(2, rows.size());
        assertEquals("guest", rows.get(0).get("level"));
        assertEquals("member", rows.get(1).get("level"));
    }

    @Test
    void compositeKeyWithAPartMissingCannotBeSaved() {
        Membership membership = entities.get(Membership.class).setUserId(1L).setLevel("owner");

        InvalidValueException e = assertThrows(InvalidValueException.class, membership::save);

        assertTrue(e.getMessage().contains("Membership"), e.getMessage());
        assertTrue(e.getMessage().contains("teamId"), e.getMessage());
        assertEquals(0, statements.count());
        assertEquals(0, countRows("memberships"));
    }

    // ---- key conversion ---------------------------------------------------------------------

    @Test
    void keyGivenAsStringIntegerOrLongFindsTheSameUser() {
        seedUser(3L, "three@example.com");
        seedUser(4L, "four@example.com");
        seedUser(5L, "five@example.com");
        User users = entities.get(User.class);

        assertEquals("four@example.com", users.find("4").orElseThrow().getEmail());
        assertEquals("four@example.com", users.find(4).orElseThrow().getEmail());
        assertEquals("four@example.com", users.find(4L).orElseThrow().getEmail());
        assertEquals(4L, users.findOrFail("4").getId());
        assertEquals(4L, users.findOrFail(4).getId());
    }

    @Test
    void keyFromAStringIsBoundAsTheKeyType() {
        seedUser(4L, "four@example.com");
        User found = entities.get(User.class).findOrFail(" 4 ");

        assertInstanceOf(Long.class, found.keyValue());
        assertEquals(4L, found.getId());
    }

    @Test
    void keyStringThatIsNotANumberThrowsInvalidValueNamingUserAndIdWithoutQuerying() {
        seedUser(4L, "four@example.com");
        statements.reset();
        User users = entities.get(User.class);

        InvalidValueException e = assertThrows(InvalidValueException.class, () -> users.find("abc"));

        assertTrue(e.getMessage().contains("User"), e.getMessage());
        assertTrue(e.getMessage().contains("id"), e.getMessage());
        assertTrue(e.getMessage().contains("abc"), e.getMessage());
        assertEquals(0, statements.count());
    }

    @Test
    void findOrFailWithANonNumericKeyThrowsInvalidValueRatherThanNotFound() {
        seedUser(4L, "four@example.com");
        User users = entities.get(User.class);

        assertThrows(InvalidValueException.class, () -> users.findOrFail("4x"));
    }

    @Test
    void keyWithAFractionalPartIsRefusedRatherThanTruncated() {
        seedUser(4L, "four@example.com");
        User users = entities.get(User.class);

        InvalidValueException e = assertThrows(InvalidValueException.class, () -> users.find(4.5));

        assertTrue(e.getMessage().contains("User"), e.getMessage());
        assertTrue(e.getMessage().contains("id"), e.getMessage());
    }
}
