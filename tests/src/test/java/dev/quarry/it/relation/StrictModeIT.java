package dev.quarry.it.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.quarry.Entities;
import dev.quarry.inject.QuarryConfig;
import dev.quarry.inject.QuarryModule;
import dev.quarry.it.model.Comment;
import dev.quarry.it.model.Post;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.relation.LazyLoadingPreventedException;
import dev.quarry.sql.Database;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Strict mode (preventLazyLoading, on in every DatabaseTest): no lazy load on one of many rows. */
class StrictModeIT extends DatabaseTest {

    @BeforeEach
    void twoUsersWithRolesAndPosts() {
        Role admin = entities.get(Role.class).create(Map.of("name", "admin"));
        for (String email : List.of("ada@example.com", "grace@example.com")) {
            User user = entities.get(User.class).create(Map.of("email", email));
            user.roles().attach(admin);
            user.posts().create(Map.of("title", "by " + email));
        }
        statements.reset();
    }

    @Test
    void aLazyLoadOnOneOfSeveralRowsThrowsNamingTheEntityTheRelationAndTheFix() {
        User first = entities.get(User.class).orderBy("id").get().get(0);
        statements.reset();

        LazyLoadingPreventedException e = assertThrows(LazyLoadingPreventedException.class,
                () -> first.roles().getResults());

        assertTrue(e.getMessage().startsWith("[Quarry/LazyLoadingPrevented] User.roles is not loaded, and this User came"
                + " from a query that returned 2 rows"), e.getMessage());
        assertTrue(e.getMessage().contains(".with(\"roles\")"), e.getMessage());
        assertEquals(0, statements.count(), "refused before any SQL");
    }

    @Test
    void theGeneratedGetterIsRefusedToo() {
        User first = entities.get(User.class).all().get(0);

        assertThrows(LazyLoadingPreventedException.class, first::getRoles);
    }

    @Test
    void aRelationLoadedWithTheQueryIsReadFreely() {
        List<User> users = entities.get(User.class).with("roles").get();
        statements.reset();

        users.forEach(user -> assertEquals(1, user.roles().getResults().size()));
        assertEquals(0, statements.count());
    }

    @Test
    void anEntityReadAloneLoadsItsRelationsLazily() {
        User ada = entities.get(User.class).where("email", "ada@example.com").firstOrFail();

        assertEquals(1, ada.roles().getResults().size());
    }

    @Test
    void aQueryThatReturnedOneRowAllowsLazyLoading() {
        User ada = entities.get(User.class).where("email", "ada@example.com").get().get(0);

        assertEquals(1, ada.posts().getResults().size());
    }

    @Test
    void anExplicitQueryThroughTheRelationIsNotALazyLoad() {
        User first = entities.get(User.class).all().get(0);

        assertEquals(1, first.roles().get().size());
    }

    @Test
    void aBelongsToOnOneOfManyPostsIsRefused() {
        Post post = entities.get(Post.class).all().get(0);

        LazyLoadingPreventedException e = assertThrows(LazyLoadingPreventedException.class, () -> post.author().getResults());

        assertTrue(e.getMessage().contains("Post.author is not loaded"), e.getMessage());
    }

    @Test
    void aLazyLoadOnEntitiesThatCameFromALazyLoadIsRefusedToo() {
        User ada = entities.get(User.class).where("email", "ada@example.com").firstOrFail();
        Role extra = entities.get(Role.class).create(Map.of("name", "editor"));
        ada.roles().attach(extra);

        Role one = ada.roles().getResults().get(0);

        assertThrows(LazyLoadingPreventedException.class, () -> one.permissions().getResults());
    }

    @Test
    void nestedEagerLoadingLoadsEveryLevel() {
        List<User> users = entities.get(User.class).with("roles.permissions").get();

        assertEquals(List.of(), users.get(0).roles().getResults().get(0).permissions().getResults());
    }

    @Test
    void aPolymorphicParentOnOneOfManyCommentsIsRefused() {
        Post post = entities.get(Post.class).orderBy("id").firstOrFail();
        post.comments().create(Map.of("body", "first"));
        post.comments().create(Map.of("body", "second"));

        Comment comment = entities.get(Comment.class).all().get(0);

        assertThrows(LazyLoadingPreventedException.class, () -> comment.commentable().getResults());
    }

    @Test
    void strictModeIsOffUnlessAsked() {
        Injector lenient = Guice.createInjector(QuarryModule.builder().url(url).build());
        try {
            User first = lenient.getInstance(Entities.class).get(User.class).all().get(0);
            assertEquals(1, first.roles().getResults().size());
        } finally {
            lenient.getInstance(Database.class).close();
        }
    }

    @Test
    void strictModeComesFromProperties() {
        Properties properties = new Properties();
        properties.setProperty("quarry.preventLazyLoading", "true");

        assertTrue(QuarryConfig.fromProperties(properties).preventLazyLoading());
    }
}
