package dev.quarry.it.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.QuarryException;
import dev.quarry.entity.UnsavedEntityException;
import dev.quarry.it.model.Comment;
import dev.quarry.it.model.Post;
import dev.quarry.it.model.Profile;
import dev.quarry.it.model.Tag;
import dev.quarry.it.model.User;
import dev.quarry.it.model.Video;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.query.InvalidQueryException;
import dev.quarry.relation.HasMany;
import dev.quarry.relation.HasOne;
import dev.quarry.relation.HasOneOrMany;
import dev.quarry.relation.InvalidRelatedIdException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad input to every relation type (an unsaved parent, an entity of the wrong type, null): a clear
 * Quarry error that names the relation, before any statement runs, and nothing changed.
 */
class RelationBadInputIT extends DatabaseTest {
    private User ada;
    private Post post;

    @BeforeEach
    void seed() {
        ada = entities.get(User.class).create(Map.of("email", "ada@example.com"));
        post = ada.posts().create(Map.of("title", "p"));
        statements.reset();
    }

    private void refusedBeforeAnyStatement(Class<? extends QuarryException> type, String mentions, Executable call) {
        long posts = countRows("posts");
        long comments = countRows("comments");
        statements.reset();
        QuarryException error = assertThrows(type, call);
        assertEquals(0, statements.count(), statements.sql().toString());
        assertTrue(error.getMessage().contains(mentions), error.getMessage());
        assertEquals(posts, countRows("posts"));
        assertEquals(comments, countRows("comments"));
    }

    @Test
    void anUnsavedParentIsRefusedByEveryReadingRelation() {
        User unsaved = entities.get(User.class).setEmail("new@example.com");

        refusedBeforeAnyStatement(UnsavedEntityException.class, "posts", () -> unsaved.posts().get());
        refusedBeforeAnyStatement(UnsavedEntityException.class, "profile", () -> unsaved.profile().first());
        refusedBeforeAnyStatement(UnsavedEntityException.class, "roles", () -> unsaved.roles().get());
        refusedBeforeAnyStatement(UnsavedEntityException.class, "permissionsThroughRoles", () -> unsaved.permissionsThroughRoles().get());
        refusedBeforeAnyStatement(UnsavedEntityException.class, "comments",
                () -> entities.get(Post.class).setTitle("x").comments().get());
    }

    @Test
    void anUnsavedParentIsRefusedByEveryWritingRelation() {
        User unsaved = entities.get(User.class).setEmail("new@example.com");

        refusedBeforeAnyStatement(UnsavedEntityException.class, "posts", () -> unsaved.posts().create(Map.of("title", "t")));
        refusedBeforeAnyStatement(UnsavedEntityException.class, "profile", () -> unsaved.profile().save(entities.get(Profile.class)));
        refusedBeforeAnyStatement(UnsavedEntityException.class, "roles", () -> unsaved.roles().attach(1L));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void anEntityOfTheWrongTypeIsRefusedByEveryRelation() {
        Tag tag = entities.get(Tag.class).create(Map.of("name", "t"));

        refusedBeforeAnyStatement(InvalidRelatedIdException.class, "posts", () -> ((HasMany) ada.posts()).save(tag));
        refusedBeforeAnyStatement(InvalidRelatedIdException.class, "profile", () -> ((HasOne) ada.profile()).save(tag));
        refusedBeforeAnyStatement(InvalidRelatedIdException.class, "author", () -> post.author().associate(tag));
        refusedBeforeAnyStatement(InvalidRelatedIdException.class, "roles", () -> ada.roles().attach(tag));
        refusedBeforeAnyStatement(InvalidRelatedIdException.class, "comments",
                () -> ((HasOneOrMany) post.comments()).save(tag));
    }

    @Test
    void nullIsRefusedByEveryWritingRelation() {
        refusedBeforeAnyStatement(InvalidRelatedIdException.class, "posts", () -> ada.posts().save(null));
        refusedBeforeAnyStatement(InvalidRelatedIdException.class, "posts", () -> ada.posts().saveMany(null));
        refusedBeforeAnyStatement(InvalidRelatedIdException.class, "posts", () -> ada.posts().createMany(null));
        refusedBeforeAnyStatement(InvalidRelatedIdException.class, "profile", () -> ada.profile().save(null));
        refusedBeforeAnyStatement(InvalidRelatedIdException.class, "author", () -> post.author().associate(null));
        refusedBeforeAnyStatement(InvalidRelatedIdException.class, "roles", () -> ada.roles().attach((Object) null));
        Comment comment = post.comments().create(Map.of("body", "c"));
        refusedBeforeAnyStatement(InvalidRelatedIdException.class, "commentable", () -> comment.commentable().associate(null));
    }

    @Test
    void aChainIsReadOnlyAndHasNoSetter() {
        long setters = java.util.Arrays.stream(User.class.getMethods())
                .filter(m -> m.getName().equals("setPermissionsThroughRoles")).count();

        assertEquals(0, setters);
    }

    // ---- relationship queries through polymorphicBelongsTo ----------------------------------

    @Test
    void hasAndWhereHasWorkThroughAPolymorphicBelongsTo() {
        Video video = entities.get(Video.class).setTitle("v").save();
        post.comments().create(Map.of("body", "on post"));
        video.comments().create(Map.of("body", "on video"));
        entities.get(Comment.class).setBody("orphan").save();
        statements.reset();

        List<Comment> onParents = entities.get(Comment.class).query().has("commentable").orderBy("id").get();
        List<Comment> onVideos = entities.get(Comment.class).query()
                .whereHas("commentable", p -> p.where("title", "v")).get();
        List<Comment> orphans = entities.get(Comment.class).query().doesntHave("commentable").get();

        assertEquals(3, statements.count());
        assertEquals(List.of("on post", "on video"), onParents.stream().map(Comment::getBody).toList());
        assertEquals(List.of("on video"), onVideos.stream().map(Comment::getBody).toList());
        assertEquals(List.of("orphan"), orphans.stream().map(Comment::getBody).toList());
    }

    @Test
    void countingThroughAPolymorphicBelongsToIsRefusedClearly() {
        assertThrows(InvalidQueryException.class, () -> entities.get(Comment.class).query().withCount("commentable"));
    }

    @Test
    void whereHasOfEveryTypeIsOneStatement() {
        statements.reset();

        entities.get(User.class).query().whereHas("posts", p -> p.where("title", "p")).get();
        entities.get(Post.class).query().whereHas("author", u -> u.where("email", "ada@example.com")).get();
        entities.get(User.class).query().whereHas("roles", r -> r.where("name", "x")).get();
        entities.get(User.class).query().whereHas("profile", p -> p.where("bio", "x")).get();
        entities.get(User.class).query().whereHas("permissionsThroughRoles", p -> p.where("name", "x")).get();
        entities.get(Post.class).query().whereHas("comments", c -> c.where("body", "x")).withCount("comments").get();

        assertEquals(6, statements.count());
    }
}
