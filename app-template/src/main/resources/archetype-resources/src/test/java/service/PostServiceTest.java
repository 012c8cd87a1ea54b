package ${package}.service;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ${package}.model.Post;
import ${package}.model.User;
import dev.quarry.Entities;
import dev.quarry.entity.EntityNotFoundException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Answers;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

/** PostService on its own: the entities, users and tags it works with are mocks. */
@ExtendWith(MockitoExtension.class)
class PostServiceTest {
    @Mock Entities entities;
    @Mock UserService users;
    @Mock TagService tags;
    /** Stands for both the query entry point and the post found; its fluent setters return itself. */
    @Mock(answer = Answers.RETURNS_SELF) Post post;

    PostService service;

    @BeforeEach
    void createService() {
        service = new PostService(entities, users, tags);
        when(entities.get(Post.class)).thenReturn(post);
    }

    @Test
    void setTagsChecksTheTagsThenSyncsExactlyThoseIds() {
        when(post.findOrFail(7L)).thenReturn(post);

        Post result = service.setTags(7L, List.of(1L, 2L));

        verify(tags).requireAll(List.of(1L, 2L));
        verify(post).setTags(List.of(1L, 2L));
        assertSame(post, result);
    }

    @Test
    void setTagsWithAnUnknownTagChangesNothing() {
        when(post.findOrFail(7L)).thenReturn(post);
        doThrow(new EntityNotFoundException("Tag", "with id [99]")).when(tags).requireAll(List.of(1L, 99L));

        assertThrows(EntityNotFoundException.class, () -> service.setTags(7L, List.of(1L, 99L)));

        verify(post, never()).setTags(anyCollection());
    }

    @Test
    void createSavesThePostWithItsAuthor() {
        User ada = new User();
        when(users.find(1L)).thenReturn(ada);

        service.create(new NewPost(1L, "Hello", "First post"));

        verify(post).setTitle("Hello");
        verify(post).setBody("First post");
        verify(post).setAuthor(ada);
        verify(post).save();
    }

    @Test
    void createWithAnUnknownAuthorSavesNothing() {
        when(users.find(42L)).thenThrow(new EntityNotFoundException("User", "with key 42"));

        assertThrows(EntityNotFoundException.class, () -> service.create(new NewPost(42L, "Hello", null)));

        verify(post, never()).save();
    }
}
