package dev.quarry.it.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.quarry.entity.BaseEntity;
import dev.quarry.it.model.Comment;
import dev.quarry.it.model.Post;
import dev.quarry.it.model.Profile;
import dev.quarry.it.model.User;
import dev.quarry.it.model.Video;
import dev.quarry.it.support.DatabaseTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the samples of docs/polymorphic.md and the hasOneThrough sample of docs/has-many-through.md. */
class PolymorphicSamplesIT extends DatabaseTest {

    @Test
    void polymorphicSamples() {
        Post post = entities.get(Post.class).create(Map.of("title", "t"));
        Video video = entities.get(Video.class).setTitle("v").save();

        Comment comment = post.comments().create(Map.of("body", "nice"));
        video.comments().create(Map.of("body", "great"));
        List<Comment> onVideo = video.getComments();
        BaseEntity<?> parent = comment.getCommentable();

        assertEquals("Post", comment.getCommentableType());
        assertEquals(List.of("great"), onVideo.stream().map(Comment::getBody).toList());
        assertInstanceOf(Post.class, parent);

        comment.setCommentable(video).save();
        assertEquals(2, video.comments().count());
        comment.commentable().dissociate().save();
        assertNull(comment.getCommentable());

        post.comments().create(Map.of("body", "again"));
        statements.reset();
        entities.get(Comment.class).query().with("commentable").get();
        assertEquals(3, statements.count());
    }

    @Test
    void hasOneThroughSample() {
        User grace = entities.get(User.class).create(Map.of("email", "grace@example.com"));
        grace.profile().create(Map.of("bio", "admiral"));
        Post post = grace.posts().create(Map.of("title", "t"));

        Profile profile = post.getAuthorProfile();

        assertEquals("admiral", profile.getBio());
    }
}
