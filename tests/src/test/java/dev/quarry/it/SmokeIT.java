package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.it.model.Post;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeIT extends DatabaseTest {

    @Test
    void createFindUpdateDelete() {
        User user = entities.get("User");
        user.setEmail("ada@example.com").setName("Ada").save();
        assertNotNull(user.getId());
        assertEquals(true, user.getActive());
        assertEquals("member", user.getRole());
        User found = entities.get(User.class).findOrFail(user.getId());
        assertEquals("Ada", found.getName());
        found.setName("Ada L").save();
        assertTrue(statements.sql().get(statements.count() - 1).startsWith("UPDATE"), statements.sql().toString());
        List<User> all = entities.get(User.class).where("name", "like", "Ada%").orderBy("id").get();
        assertEquals(1, all.size());
        Post post = entities.get(Post.class);
        post.setTitle("Hello").setUserId(user.getId()).save();
        assertNotNull(post.getCreatedAt());
        assertTrue(found.delete());
        assertEquals(0, entities.get(User.class).count());
    }
}
