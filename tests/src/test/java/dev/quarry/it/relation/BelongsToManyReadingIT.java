package dev.quarry.it.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.entity.EntityNotFoundException;
import dev.quarry.entity.Key;
import dev.quarry.entity.UnsavedEntityException;
import dev.quarry.it.model.Developer;
import dev.quarry.it.model.Project;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.query.Page;
import dev.quarry.relation.BelongsToMany;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reading a belongsToMany relation: it is a query builder for the related entity, joined through
 * the pivot and always constrained to its parent, with a per-parent cache behind getResults().
 *
 * <p>Fixture: ada has admin and editor; grace has editor, viewer and guest; bob has none. Every
 * read of ada's roles therefore has rows of another parent next to it that it must not see.
 */
class BelongsToManyReadingIT extends DatabaseTest {

    /** A self-referencing many-to-many on the users table, through follows(followerId, followedId). */
    @Entity(value = "Follower", module = "BelongsToManyReadingIT", table = "users")
    static class Follower extends BaseEntity<Follower> {
        private Long id;
        private String email;

        public BelongsToMany<Follower, Follower> following() {
            return belongsToMany(Follower.class).table("follows").foreignPivotKey("followerId").relatedPivotKey("followedId");
        }

        public BelongsToMany<Follower, Follower> followers() {
            return belongsToMany(Follower.class).table("follows").foreignPivotKey("followedId").relatedPivotKey("followerId");
        }

        public Long getId() {
            return id;
        }

        public String getEmail() {
            return email;
        }
    }

    private User ada;
    private User grace;
    private User bob;
    private Role admin;
    private Role editor;
    private Role viewer;
    private Role guest;

    @BeforeEach
    void seed() {
        ada = user("ada@example.com");
        grace = user("grace@example.com");
        bob = user("bob@example.com");
        admin = role("admin");
        editor = role("editor");
        viewer = role("viewer");
        guest = role("guest");
        assign(ada, admin, "root");
        assign(ada, editor, "root");
        assign(grace, editor, "ops");
        assign(grace, viewer, "ops");
        assign(grace, guest, "ops");
        statements.reset();
    }

    // ---- get -----------------------------------------------------------------------------------

    @Test
    void getReturnsOnlyTheParentsRelatedEntities() {
        assertEquals(List.of("admin", "editor"), sorted(names(ada.roles().get())));
        assertEquals(List.of("editor", "guest", "viewer"), sorted(names(grace.roles().get())));
    }

    @Test
    void getIsOneStatementJoinedThroughThePivot() {
        ada.roles().get();
        assertEquals(1, statements.count(), statements.sql().toString());
        String sql = statements.sql().get(0);
        assertTrue(sql.contains("FROM \"roles_users\" INNER JOIN \"roles\""), sql);
        assertTrue(sql.contains("\"roles_users\".\"userId\" = ?"), sql);
    }

    @Test
    void aParentWithoutRelatedRowsGetsAnEmptyList() {
        assertEquals(List.of(), bob.roles().get());
        assertEquals(1, statements.count());
    }

    @Test
    void theRelatedEntitiesAreLoadedAndCanBeSavedLikeAnyOther() {
        Role read = ada.roles().where("name", "admin").firstOrFail();
        assertTrue(read.isLoaded());
        assertFalse(read.isDirty());
        read.setName("administrator").save();
        assertEquals("administrator", entities.get(Role.class).findOrFail(admin.getId()).getName());
        assertEquals(4, countRows("roles"));
    }

    @Test
    void toSqlBindsTheParentKey() {
        assertEquals(List.of(ada.getId()), ada.roles().bindings());
        assertEquals(0, statements.count());
    }

    // ---- conditions, order and limits stay constrained to the parent -----------------------------

    @Test
    void whereOnTheRelationOnlyNarrowsTheParentsRows() {
        assertEquals(List.of("editor"), names(ada.roles().where("name", "<>", "admin").get()));
    }

    @Test
    void whereMatchingAnotherParentsRowFindsNothing() {
        assertEquals(List.of(), ada.roles().where("name", "viewer").get());
    }

    @Test
    void whereInOnTheRelationOnlyNarrowsTheParentsRows() {
        assertEquals(List.of("admin"), names(ada.roles().whereIn("name", List.of("admin", "viewer", "guest")).get()));
    }

    @Test
    void whereNotNullOnTheRelationOnlyNarrowsTheParentsRows() {
        assertEquals(List.of("admin", "editor"), names(ada.roles().whereNotNull("name").orderBy("name").get()));
    }

    @Test
    void orWhereInsideARelationCannotEscapeTheParentConstraint() {
        List<Role> roles = ada.roles().where("name", "admin").orWhere("name", "viewer").orWhere("name", "guest").get();
        assertEquals(List.of("admin"), names(roles));
    }

    @Test
    void anOrWhereAsTheOnlyConditionCannotEscapeTheParentConstraint() {
        assertEquals(List.of(), ada.roles().orWhere("name", "viewer").get());
    }

    @Test
    void anOrWhereGroupInsideARelationCannotEscapeTheParentConstraint() {
        List<Role> roles = ada.roles().where(q -> q.where("name", "editor")).orWhere(q -> q.where("name", "guest")).get();
        assertEquals(List.of("editor"), names(roles));
    }

    @Test
    void orWhereInsideARelationCannotEscapeTheParentConstraintInCount() {
        assertEquals(1, ada.roles().where("name", "admin").orWhere("name", "viewer").orWhere("name", "guest").count());
    }

    @Test
    void orWhereInsideARelationCannotEscapeTheParentConstraintInExists() {
        assertFalse(bob.roles().where("name", "admin").orWhere("name", "editor").exists());
    }

    @Test
    void orderByOrdersTheParentsRows() {
        assertEquals(List.of("editor", "admin"), names(ada.roles().orderBy("name", "desc").get()));
        assertEquals(List.of("editor", "guest", "viewer"), names(grace.roles().orderBy("name").get()));
    }

    @Test
    void limitAppliesToTheParentsRows() {
        assertEquals(List.of("editor", "guest"), names(grace.roles().orderBy("name").limit(2).get()));
    }

    @Test
    void offsetAppliesToTheParentsRows() {
        assertEquals(List.of("guest", "viewer"), names(grace.roles().orderBy("name").offset(1).limit(5).get()));
    }

    @Test
    void firstReturnsTheParentsFirstRowInOneStatement() {
        assertEquals("editor", grace.roles().orderBy("name").first().orElseThrow().getName());
        assertEquals(1, statements.count());
    }

    @Test
    void firstIsEmptyWhenOnlyAnotherParentHasAMatchingRow() {
        assertEquals(Optional.empty(), ada.roles().where("name", "guest").first());
    }

    @Test
    void firstOrFailOfAParentWithoutRowsThrowsEntityNotFound() {
        EntityNotFoundException e = assertThrows(EntityNotFoundException.class, () -> bob.roles().firstOrFail());
        assertEquals("Role", e.entityName());
    }

    @Test
    void countCountsOnlyTheParentsRowsInOneStatement() {
        assertEquals(2, ada.roles().count());
        assertEquals(3, grace.roles().count());
        assertEquals(0, bob.roles().count());
        assertEquals(3, statements.count());
    }

    @Test
    void countWithAConditionCountsOnlyTheParentsMatchingRows() {
        assertEquals(1, grace.roles().where("name", "like", "%er").count());
    }

    @Test
    void existsIsTrueOnlyForAParentWithRows() {
        assertTrue(ada.roles().exists());
        assertFalse(bob.roles().exists());
        assertEquals(2, statements.count());
    }

    @Test
    void existsWithAConditionMatchingOnlyAnotherParentsRowIsFalse() {
        assertFalse(ada.roles().where("name", "viewer").exists());
    }

    @Test
    void findReturnsARelatedEntityOfTheParent() {
        assertEquals("admin", ada.roles().find(admin.getId()).orElseThrow().getName());
        assertEquals(1, statements.count());
    }

    @Test
    void findOfAnEntityRelatedOnlyToAnotherParentIsEmpty() {
        assertEquals(Optional.empty(), ada.roles().find(viewer.getId()));
    }

    @Test
    void findAfterAnOrWhereIsStillConstrainedToTheParentAndTheKey() {
        assertEquals(Optional.empty(), ada.roles().where("name", "admin").orWhere("name", "editor").find(guest.getId()));
    }

    @Test
    void findOrFailOfAnEntityRelatedOnlyToAnotherParentThrows() {
        assertThrows(EntityNotFoundException.class, () -> ada.roles().findOrFail(guest.getId()));
    }

    @Test
    void paginateCountsAndPagesOnlyTheParentsRowsInTwoStatements() {
        Page<Role> page = grace.roles().orderBy("name").paginate(2, 2);
        assertEquals(2, statements.count());
        assertEquals(3, page.total());
        assertEquals(List.of("viewer"), names(page.items()));
        assertEquals(2, page.lastPage());
    }

    @Test
    void chunkHandsOverOnlyTheParentsRows() {
        List<String> seen = new ArrayList<>();
        grace.roles().chunk(2, rows -> seen.addAll(names(rows)));
        assertEquals(List.of("editor", "guest", "viewer"), sorted(seen));
    }

    @Test
    void orderedChunkHandsOverOnlyTheParentsRowsInOrder() {
        List<String> seen = new ArrayList<>();
        grace.roles().orderBy("name", "desc").chunk(2, rows -> seen.addAll(names(rows)));
        assertEquals(List.of("viewer", "guest", "editor"), seen);
    }

    @Test
    void aScopeOfTheRelatedEntityNarrowsOnlyTheParentsRows() {
        User linus = entities.get(User.class).create(Map.of("email", "linus@example.com", "active", false));
        User active = user("active@example.com");
        assign(linus, admin, "root");
        assign(active, viewer, "root");
        List<User> users = admin.users().scope("active").get();
        assertEquals(List.of("ada@example.com"), users.stream().map(User::getEmail).toList());
    }

    @Test
    void aScopeWithAnArgumentNarrowsOnlyTheParentsRows() {
        User boss = entities.get(User.class).create(Map.of("email", "boss@example.com", "role", "owner"));
        User other = entities.get(User.class).create(Map.of("email", "other@example.com", "role", "owner"));
        assign(boss, admin, "root");
        assign(other, viewer, "root");
        List<User> users = admin.users().scope("ofRole", "owner").get();
        assertEquals(List.of("boss@example.com"), users.stream().map(User::getEmail).toList());
    }

    @Test
    void findOfACompositeKeyedRelatedEntityTakesTheKeyMapAndStaysConstrained() {
        entities.get(Project.class).setOrgId(1L).setCode("apollo").setName("Apollo 1").save();
        entities.get(Project.class).setOrgId(2L).setCode("apollo").setName("Apollo 2").save();
        Developer dev = entities.get(Developer.class).setName("Ada").save();
        dev.projects().attach(Key.of("orgId", 1L, "code", "apollo"));
        assertEquals("Apollo 1", dev.projects().find(Map.of("orgId", 1L, "code", "apollo")).orElseThrow().getName());
        assertEquals(Optional.empty(), dev.projects().find(Map.of("orgId", 2L, "code", "apollo")));
    }

    // ---- self-referencing relations ----------------------------------------------------------------

    @Test
    void aSelfReferencingRelationReadsEachDirectionThroughItsOwnKey() {
        follows();
        Follower adaF = entities.get(Follower.class).findOrFail(ada.getId());
        assertEquals(List.of("bob@example.com", "grace@example.com"), emails(adaF.following().orderBy("email").get()));
        assertEquals(List.of("grace@example.com"), emails(adaF.followers().get()));
    }

    @Test
    void aSelfReferencingRelationEagerLoadsBothDirections() {
        follows();
        List<Follower> all = entities.get(Follower.class).query().with("following", "followers").orderBy("id").get();
        assertEquals(3, statements.count());
        assertEquals(List.of("bob@example.com", "grace@example.com"), sortedEmails(all.get(0).following().getResults()));
        assertEquals(List.of("grace@example.com"), emails(all.get(0).followers().getResults()));
        assertEquals(List.of("ada@example.com"), emails(all.get(2).followers().getResults()));
        assertEquals(List.of(), all.get(2).following().getResults());
    }

    // ---- unsaved parents ---------------------------------------------------------------------------

    @Test
    void getThroughAnUnsavedParentThrowsUnsavedEntityWithoutSql() {
        User unsaved = entities.get(User.class).setEmail("new@example.com");
        assertThrows(UnsavedEntityException.class, () -> unsaved.roles().get());
        assertEquals(0, statements.count());
    }

    @Test
    void countThroughAnUnsavedParentThrowsUnsavedEntity() {
        User unsaved = entities.get(User.class).setEmail("new@example.com");
        assertThrows(UnsavedEntityException.class, () -> unsaved.roles().count());
        assertEquals(0, statements.count());
    }

    @Test
    void existsThroughAnUnsavedParentThrowsUnsavedEntity() {
        User unsaved = entities.get(User.class).setEmail("new@example.com");
        assertThrows(UnsavedEntityException.class, () -> unsaved.roles().exists());
        assertEquals(0, statements.count());
    }

    @Test
    void firstThroughAnUnsavedParentThrowsUnsavedEntity() {
        User unsaved = entities.get(User.class).setEmail("new@example.com");
        assertThrows(UnsavedEntityException.class, () -> unsaved.roles().first());
        assertEquals(0, statements.count());
    }

    @Test
    void getResultsThroughAnUnsavedParentThrowsUnsavedEntityAndCachesNothing() {
        User unsaved = entities.get(User.class).setEmail("new@example.com");
        assertThrows(UnsavedEntityException.class, () -> unsaved.roles().getResults());
        assertFalse(unsaved.isRelationLoaded("roles"));
    }

    @Test
    void theUnsavedEntityMessageNamesTheParentAndTheRelation() {
        User unsaved = entities.get(User.class).setEmail("new@example.com");
        UnsavedEntityException e = assertThrows(UnsavedEntityException.class, () -> unsaved.roles().get());
        assertTrue(e.getMessage().contains("User") && e.getMessage().contains("roles"), e.getMessage());
    }

    @Test
    void aDeletedParentCannotBeReadThrough() {
        bob.delete();
        statements.reset();
        assertThrows(UnsavedEntityException.class, () -> bob.roles().get());
        assertEquals(0, statements.count());
    }

    // ---- getResults and its cache ------------------------------------------------------------------

    @Test
    void getResultsLoadsOnceInOneStatement() {
        List<Role> first = ada.roles().getResults();
        assertEquals(1, statements.count());
        assertEquals(List.of("admin", "editor"), sorted(names(first)));
    }

    @Test
    void aSecondGetResultsRunsNoStatementAndReturnsTheSameList() {
        List<Role> first = ada.roles().getResults();
        statements.reset();
        List<Role> second = ada.roles().getResults();
        assertEquals(0, statements.count());
        assertSame(first, second);
    }

    @Test
    void getResultsOfAParentWithoutRowsIsCachedToo() {
        assertEquals(List.of(), bob.roles().getResults());
        statements.reset();
        assertEquals(List.of(), bob.roles().getResults());
        assertEquals(0, statements.count());
    }

    @Test
    void isRelationLoadedIsFalseUntilGetResults() {
        assertFalse(ada.isRelationLoaded("roles"));
        ada.roles().getResults();
        assertTrue(ada.isRelationLoaded("roles"));
        assertFalse(ada.isRelationLoaded("permissions"));
    }

    @Test
    void getDoesNotFillTheCache() {
        ada.roles().get();
        assertFalse(ada.isRelationLoaded("roles"));
    }

    @Test
    void theCacheBelongsToOneParentInstance() {
        ada.roles().getResults();
        User sameRow = entities.get(User.class).findOrFail(ada.getId());
        assertFalse(sameRow.isRelationLoaded("roles"));
        assertFalse(grace.isRelationLoaded("roles"));
    }

    @Test
    void refreshOfTheParentForgetsTheCache() {
        ada.roles().getResults();
        assign(ada, viewer, "later");
        ada.refresh();
        assertFalse(ada.isRelationLoaded("roles"));
        statements.reset();
        assertEquals(List.of("admin", "editor", "viewer"), sorted(names(ada.roles().getResults())));
        assertEquals(1, statements.count());
    }

    @Test
    void withoutRefreshTheCacheKeepsWhatWasLoaded() {
        ada.roles().getResults();
        assign(ada, viewer, "later");
        assertEquals(List.of("admin", "editor"), sorted(names(ada.roles().getResults())));
    }

    @Test
    void attachThroughTheRelationForgetsTheCache() {
        ada.roles().getResults();
        ada.roles().attach(viewer);
        assertFalse(ada.isRelationLoaded("roles"));
        assertEquals(List.of("admin", "editor", "viewer"), sorted(names(ada.roles().getResults())));
    }

    @Test
    void syncThroughTheRelationForgetsTheCache() {
        ada.roles().getResults();
        ada.roles().sync(List.of(guest.getId()));
        assertFalse(ada.isRelationLoaded("roles"));
        assertEquals(List.of("guest"), names(ada.roles().getResults()));
    }

    @Test
    void detachThroughTheRelationForgetsTheCache() {
        ada.roles().getResults();
        ada.roles().detach(admin);
        assertFalse(ada.isRelationLoaded("roles"));
        assertEquals(List.of("editor"), names(ada.roles().getResults()));
    }

    @Test
    void aWriteThroughOneRelationForgetsEveryRelationCachedOnTheParent() {
        // Conservative on purpose: another relation may read the same rows (a second relation on the
        // same pivot, a chain through it), and a stale cache is worse than one more read.
        ada.roles().getResults();
        ada.permissions().detach();
        assertFalse(ada.isRelationLoaded("roles"));
    }

    @Test
    void aConstrainedReadDoesNotReplaceTheCacheOfTheWholeRelation() {
        ada.roles().where("name", "admin").getResults();
        assertEquals(List.of("admin", "editor"), sorted(names(ada.roles().getResults())));
    }

    @Test
    void aConstrainedReadIsNotAnsweredFromTheCacheOfTheWholeRelation() {
        ada.roles().getResults();
        assertEquals(List.of("admin"), names(ada.roles().where("name", "admin").getResults()));
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /** ada follows grace and bob; grace follows ada. */
    private void follows() {
        execute("CREATE TABLE \"follows\" (\"followerId\" BIGINT NOT NULL, \"followedId\" BIGINT NOT NULL)");
        execute("INSERT INTO \"follows\" VALUES (?, ?), (?, ?), (?, ?)",
                ada.getId(), grace.getId(), ada.getId(), bob.getId(), grace.getId(), ada.getId());
        statements.reset();
    }

    private static List<String> emails(List<Follower> followers) {
        return followers.stream().map(Follower::getEmail).toList();
    }

    private static List<String> sortedEmails(List<Follower> followers) {
        return followers.stream().map(Follower::getEmail).sorted().toList();
    }

    private User user(String email) {
        return entities.get(User.class).create(Map.of("email", email));
    }

    private Role role(String name) {
        return entities.get(Role.class).create(Map.of("name", name));
    }

    private void assign(User user, Role role, String by) {
        execute("INSERT INTO \"roles_users\" (\"userId\", \"roleId\", \"assignedBy\") VALUES (?, ?, ?)",
                user.getId(), role.getId(), by);
    }

    private static List<String> names(List<Role> roles) {
        return roles.stream().map(Role::getName).toList();
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }
}
