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

        video.comments().create(Map.of("body", "great"));

        // snippet:start polymorphic-has-many-using
        Comment comment = post.comments().create(Map.of("body", "nice"));   // commentable_type = 'Post'
        List<Comment> onVideo = video.getComments();
        // snippet:end
        assertEquals("Post", comment.getCommentableType());
        assertEquals(List.of("great"), onVideo.stream().map(Comment::getBody).toList());

        // snippet:start polymorphic-belongs-to-using
        BaseEntity<?> parent = comment.getCommentable();     // a Post or a Video (null when the columns are null)
        comment.setCommentable(video).save();                 // associate: sets both columns; save() writes them
        // snippet:hide
        assertInstanceOf(Post.class, parent);
        assertEquals(2, video.comments().count());
        // snippet:show
        comment.commentable().dissociate().save();
        // snippet:end
        assertNull(comment.getCommentable());

        post.comments().create(Map.of("body", "again"));
        statements.reset();
        entities.get(Comment.class).query().with("commentable").get();
        assertEquals(3, statements.count());
    }

    @Test
    void whereHasOnThePolymorphicSideChecksEveryParentType() {
        Post post = entities.get(Post.class).create(Map.of("title", "Demo"));
        Video demo = entities.get(Video.class).setTitle("Demo").save();
        Video other = entities.get(Video.class).setTitle("Other").save();
        post.comments().create(Map.of("body", "on the post"));
        demo.comments().create(Map.of("body", "on the demo"));
        other.comments().create(Map.of("body", "on the other"));

        // snippet:start polymorphic-where-has
        List<Comment> onDemos = entities.get(Comment.class).query()
                .whereHas("commentable", p -> p.where("title", "Demo"))
                .get();
        // snippet:end

        assertEquals(List.of("on the demo", "on the post"), onDemos.stream().map(Comment::getBody).sorted().toList());
    }

    @Test
    void hasOneThroughSample() {
        User grace = entities.get(User.class).create(Map.of("email", "grace@example.com"));
        grace.profile().create(Map.of("bio", "admiral"));
        Post post = grace.posts().create(Map.of("title", "t"));

        // snippet:start has-one-through-using
        Profile profile = post.getAuthorProfile();      // null when the post has no author or the author no profile
        // snippet:end

        assertEquals("admiral", profile.getBio());
    }
}
