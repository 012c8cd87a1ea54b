package dev.quarry.it.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.it.model.Comment;
import dev.quarry.it.model.Post;
import dev.quarry.it.model.Video;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.relation.InvalidRelatedIdException;
import dev.quarry.relation.InvalidRelationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** polymorphicHasMany and polymorphicBelongsTo: comments on posts and videos through one pair of columns. */
class PolymorphicIT extends DatabaseTest {
    private Post post;
    private Video video;

    @BeforeEach
    void seed() {
        post = entities.get(Post.class).create(Map.of("title", "Quarry"));
        video = entities.get(Video.class).setTitle("Demo").save();
        statements.reset();
    }

    private static List<String> bodies(List<Comment> comments) {
        return comments.stream().map(Comment::getBody).toList();
    }

    @Test
    void createWritesTheParentsMappingNameAndKey() {
        Comment comment = post.comments().create(Map.of("body", "nice"));

        assertEquals("Post", comment.getCommentableType());
        assertEquals(post.getId(), comment.getCommentableId());
        assertEquals("Post", rows("comments", "id").get(0).get("commentable_type"));
    }

    @Test
    void eachParentReadsOnlyItsOwnTypesRowsEvenWithTheSameKey() {
        assertEquals(post.getId(), video.getId(), "the test relies on both parents having key 1");
        post.comments().create(Map.of("body", "on the post"));
        video.comments().create(Map.of("body", "on the video"));

        assertEquals(List.of("on the post"), bodies(post.comments().get()));
        assertEquals(List.of("on the video"), bodies(video.getComments()));
    }

    @Test
    void theInverseLoadsTheParentOfWhicheverType() {
        Comment onPost = post.comments().create(Map.of("body", "a"));
        Comment onVideo = video.comments().create(Map.of("body", "b"));

        assertInstanceOf(Post.class, onPost.commentable().getResults());
        assertEquals("Demo", ((Video) onVideo.getCommentable()).getTitle());
    }

    @Test
    void eagerLoadingParentsOfMixedTypesIsOneStatementPerType() {
        post.comments().create(Map.of("body", "a"));
        video.comments().create(Map.of("body", "b"));
        post.comments().create(Map.of("body", "c"));
        entities.get(Comment.class).setBody("orphan").save();
        statements.reset();

        List<Comment> comments = entities.get(Comment.class).query().with("commentable").orderBy("id").get();

        assertEquals(3, statements.count(), statements.sql().toString());
        assertInstanceOf(Post.class, comments.get(0).getCommentable());
        assertInstanceOf(Video.class, comments.get(1).getCommentable());
        assertNull(comments.get(3).getCommentable());
        assertEquals(3, statements.count());
    }

    @Test
    void eagerLoadingCommentsOfManyPostsIsOneStatementMore() {
        post.comments().create(Map.of("body", "a"));
        Post other = entities.get(Post.class).create(Map.of("title", "other"));
        other.comments().create(Map.of("body", "b"));
        statements.reset();

        List<Post> posts = entities.get(Post.class).query().with("comments").orderBy("id").get();

        assertEquals(2, statements.count());
        assertEquals(List.of("a"), bodies(posts.get(0).getComments()));
        assertEquals(List.of("b"), bodies(posts.get(1).getComments()));
    }

    @Test
    void associateAndTheGeneratedSetterPointACommentAtAnotherParent() {
        Comment comment = post.comments().create(Map.of("body", "moved"));

        comment.setCommentable(video).save();

        assertEquals("Video", comment.getCommentableType());
        assertEquals(List.of("moved"), bodies(video.comments().get()));
        assertEquals(List.of(), post.comments().get());
        comment.commentable().dissociate().save();
        assertNull(comment.getCommentable());
    }

    @Test
    void associateRefusesAnUnsavedParent() {
        Comment comment = post.comments().create(Map.of("body", "x"));

        assertThrows(InvalidRelatedIdException.class, () -> comment.commentable().associate(entities.get(Video.class)));
    }

    @Test
    void relationQueriesSeeOnlyTheParentsType() {
        post.comments().create(Map.of("body", "a"));
        Post silent = entities.get(Post.class).create(Map.of("title", "silent"));

        List<Post> commented = entities.get(Post.class).query().has("comments").withCount("comments").get();

        assertEquals(List.of(post.getId()), commented.stream().map(Post::getId).toList());
        assertEquals(1L, commented.get(0).relationCount("comments"));
        assertEquals(0, silent.comments().count());
    }

    @Test
    void anUnknownTypeInTheColumnIsAClearError() {
        execute("INSERT INTO \"comments\" (\"commentable_type\", \"commentable_id\", \"body\") VALUES ('Nope', 1, 'x')");
        Comment comment = entities.get(Comment.class).firstWhere("body", "x").orElseThrow();

        assertThrows(InvalidRelationException.class, comment::getCommentable);
    }
}
