package dev.quarry.it.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.entity.UnsavedEntityException;
import dev.quarry.it.model.Post;
import dev.quarry.it.model.Profile;
import dev.quarry.it.model.Tag;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.relation.InvalidRelatedIdException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** belongsTo, hasMany and hasOne: reading, caching, eager loading, writing and their generated setters. */
class OneToManyIT extends DatabaseTest {
    private User ada;
    private User grace;

    @BeforeEach
    void seed() {
        ada = entities.get(User.class).create(Map.of("email", "ada@example.com", "name", "Ada"));
        grace = entities.get(User.class).create(Map.of("email", "grace@example.com", "name", "Grace"));
        statements.reset();
    }

    private Post post(User author, String title) {
        return entities.get(Post.class).create(Map.of("title", title, "userId", author.getId()));
    }

    private static List<String> titles(List<Post> posts) {
        return posts.stream().map(Post::getTitle).toList();
    }

    // ---- belongsTo ---------------------------------------------------------------------------

    @Test
    void belongsToReadsTheOwnerByTheForeignKeyInOneStatement() {
        Post post = post(ada, "first");
        statements.reset();

        User author = post.author().getResults();

        assertEquals("Ada", author.getName());
        assertEquals(1, statements.count());
    }

    @Test
    void belongsToWithANullForeignKeyIsNullWithoutAStatement() {
        Post orphan = entities.get(Post.class).create(Map.of("title", "orphan"));
        statements.reset();

        assertNull(orphan.author().getResults());
        assertEquals(0, statements.count());
    }

    @Test
    void belongsToIsCachedUntilAssociateChangesIt() {
        Post post = post(ada, "first");
        post.getAuthor();
        statements.reset();

        assertSame(post.getAuthor(), post.getAuthor());
        assertEquals(0, statements.count());
        post.author().associate(grace);
        assertEquals("Grace", post.getAuthor().getName());
        assertEquals(0, statements.count(), "associate caches the entity it was given");
    }

    @Test
    void associateSetsTheForeignKeyAndSaveWritesIt() {
        Post post = post(ada, "first");

        post.author().associate(grace).save();

        assertEquals(grace.getId(), ((Number) rows("posts", "id").get(0).get("userid")).longValue());
    }

    @Test
    void associateTakesAnIdAsWellAsAnEntity() {
        Post post = post(ada, "first");

        post.setAuthor(String.valueOf(grace.getId())).save();

        assertEquals(grace.getId(), post.getUserId());
        assertEquals("Grace", post.getAuthor().getName());
    }

    @Test
    void dissociateClearsTheForeignKey() {
        Post post = post(ada, "first");

        post.author().dissociate().save();

        assertNull(post.getUserId());
        assertNull(post.getAuthor());
    }

    @Test
    void associateRefusesAnUnsavedEntityOrOneOfAnotherType() {
        Post post = post(ada, "first");
        User unsaved = entities.get(User.class).setEmail("new@example.com");

        assertThrows(InvalidRelatedIdException.class, () -> post.author().associate(unsaved));
        assertThrows(InvalidRelatedIdException.class, () -> post.author().associate(entities.get(Tag.class)));
        assertThrows(InvalidRelatedIdException.class, () -> post.author().associate(null));
        assertEquals(ada.getId(), post.getUserId());
    }

    @Test
    void eagerLoadingOwnersForManyPostsIsOneStatementMore() {
        for (int i = 0; i < 30; i++) {
            post(i % 2 == 0 ? ada : grace, "p" + i);
        }
        entities.get(Post.class).create(Map.of("title", "orphan"));
        statements.reset();

        List<Post> posts = entities.get(Post.class).query().with("author").orderBy("id").get();

        assertEquals(2, statements.count());
        assertEquals("Ada", posts.get(0).getAuthor().getName());
        assertEquals("Grace", posts.get(1).getAuthor().getName());
        assertNull(posts.get(30).getAuthor());
        assertEquals(2, statements.count());
    }

    // ---- hasMany -----------------------------------------------------------------------------

    @Test
    void hasManyReadsTheRelatedRowsConstrainedToTheParent() {
        post(ada, "a1");
        post(ada, "a2");
        post(grace, "g1");

        assertEquals(List.of("a2", "a1"), titles(ada.posts().orderBy("title", "desc").get()));
        assertEquals(1, grace.posts().count());
        assertEquals(List.of("a1"), titles(ada.posts().where("title", "a1").orWhere("title", "g1").get()));
    }

    @Test
    void hasManyEagerLoadsEveryParentInOneStatementAndNestedInOneMore() {
        Post a1 = post(ada, "a1");
        post(grace, "g1");
        Tag tag = entities.get(Tag.class).create(Map.of("name", "news"));
        a1.tags().attach(tag);
        statements.reset();

        List<User> users = entities.get(User.class).query().with("posts.tags").orderBy("id").get();

        assertEquals(3, statements.count());
        assertEquals(List.of("a1"), titles(users.get(0).getPosts()));
        assertEquals(List.of("news"), users.get(0).getPosts().get(0).getTags().stream().map(Tag::getName).toList());
        assertEquals(3, statements.count());
    }

    @Test
    void createSetsTheForeignKey() {
        Post created = ada.posts().create(Map.of("title", "hello"));

        assertEquals(ada.getId(), created.getUserId());
        assertTrue(created.isLoaded());
        assertEquals(List.of("hello"), titles(ada.posts().get()));
    }

    @Test
    void makeSetsTheForeignKeyWithoutSaving() {
        Post made = ada.posts().make(Map.of("title", "draft"));

        assertEquals(ada.getId(), made.getUserId());
        assertFalse(made.isLoaded());
        assertEquals(0, countRows("posts"));
    }

    @Test
    void saveMovesAnExistingEntityOntoThisParent() {
        Post post = post(grace, "moved");

        ada.posts().save(post);

        assertEquals(List.of("moved"), titles(ada.posts().get()));
        assertEquals(0, grace.posts().count());
    }

    @Test
    void saveManyIsOneTransaction() {
        Post good = entities.get(Post.class).setTitle("good");
        Post invalid = entities.get(Post.class).setTitle("");

        assertThrows(dev.quarry.validation.EntityValidationException.class, () -> ada.posts().saveMany(List.of(good, invalid)));

        assertEquals(0, countRows("posts"));
    }

    @Test
    void createManyCreatesEach() {
        List<Post> posts = ada.posts().createMany(List.of(Map.of("title", "x"), Map.of("title", "y")));

        assertEquals(2, posts.size());
        assertEquals(2, ada.posts().count());
    }

    @Test
    void theGeneratedSetterSavesTheGivenPostsAndLeavesTheOthers() {
        Post kept = post(ada, "kept");
        Post moved = post(grace, "moved");

        ada.setPosts(moved, entities.get(Post.class).setTitle("new"));

        assertEquals(List.of("kept", "moved", "new"), titles(ada.posts().orderBy("id").get()));
        assertEquals(ada.getId(), kept.getUserId());
    }

    @Test
    void aWriteForgetsTheCachedPosts() {
        ada.getPosts();

        ada.posts().create(Map.of("title", "later"));

        assertEquals(1, ada.getPosts().size());
    }

    @Test
    void anUnsavedParentCannotReadOrCreate() {
        User unsaved = entities.get(User.class).setEmail("x@example.com");

        assertThrows(UnsavedEntityException.class, () -> unsaved.posts().get());
        assertThrows(UnsavedEntityException.class, () -> unsaved.posts().create(Map.of("title", "t")));
    }

    // ---- hasOne ------------------------------------------------------------------------------

    @Test
    void hasOneReadsTheRelatedEntityOrItsDefault() {
        Profile blank = ada.profile().getResults();
        assertFalse(blank.isLoaded());
        assertEquals("(none yet)", blank.getBio());
        assertEquals(ada.getId(), blank.getUserId());

        grace.profile().create(Map.of("bio", "admiral"));
        assertEquals("admiral", grace.getProfile().getBio());
    }

    @Test
    void theGeneratedHasOneSetterSavesTheProfileOntoTheUser() {
        Profile profile = ada.setProfile(entities.get(Profile.class).setBio("analyst"));

        assertEquals(ada.getId(), profile.getUserId());
        assertEquals("analyst", ada.profile().first().orElseThrow().getBio());
    }

    @Test
    void hasOneEagerLoadsWithDefaultsForParentsWithoutOne() {
        grace.profile().create(Map.of("bio", "admiral"));
        statements.reset();

        List<User> users = entities.get(User.class).query().with("profile").orderBy("id").get();

        assertEquals(2, statements.count());
        assertEquals("(none yet)", users.get(0).getProfile().getBio());
        assertEquals("admiral", users.get(1).getProfile().getBio());
    }

    @Test
    void theInverseBelongsToOfAProfileReadsItsUser() {
        Profile profile = grace.profile().create(Map.of("bio", "admiral"));

        assertEquals("Grace", profile.user().getResults().getName());
    }
}
