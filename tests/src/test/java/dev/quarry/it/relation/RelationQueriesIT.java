package dev.quarry.it.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.it.model.Post;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.Tag;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.query.InvalidQueryException;
import dev.quarry.relation.BelongsToMany;
import dev.quarry.relation.UnknownRelationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** has, doesntHave, whereHas, orWhereHas, whereDoesntHave and withCount: one statement each, for every relation type. */
class RelationQueriesIT extends DatabaseTest {
    private User ada;
    private User grace;
    private Tag news;

    @BeforeEach
    void seed() {
        ada = entities.get(User.class).create(Map.of("email", "ada@example.com", "name", "Ada"));
        grace = entities.get(User.class).create(Map.of("email", "grace@example.com", "name", "Grace"));
        entities.get(User.class).create(Map.of("email", "bob@example.com", "name", "Bob"));
        Post a1 = ada.posts().create(Map.of("title", "a1", "published", true));
        ada.posts().create(Map.of("title", "a2"));
        ada.posts().create(Map.of("title", "a3"));
        grace.posts().create(Map.of("title", "g1"));
        news = entities.get(Tag.class).create(Map.of("name", "news"));
        a1.tags().attach(news);
        Role admin = entities.get(Role.class).create(Map.of("name", "admin"));
        grace.roles().attach(admin);
        statements.reset();
    }

    private static List<String> names(List<User> users) {
        return users.stream().map(User::getName).toList();
    }

    private List<User> users(java.util.function.Consumer<dev.quarry.query.Query<User>> query) {
        dev.quarry.query.Query<User> q = entities.get(User.class).query();
        query.accept(q);
        return q.orderBy("id").get();
    }

    @Test
    void hasKeepsEntitiesWithAtLeastOneRelatedRowInOneStatement() {
        assertEquals(List.of("Ada", "Grace"), names(users(q -> q.has("posts"))));
        assertEquals(1, statements.count());
    }

    @Test
    void hasWithACountComparesTheNumberOfRelatedRows() {
        assertEquals(List.of("Ada"), names(users(q -> q.has("posts", ">=", 3))));
        assertEquals(List.of("Grace"), names(users(q -> q.has("posts", "=", 1))));
        assertEquals(List.of("Bob"), names(users(q -> q.has("posts", "<", 1))));
    }

    @Test
    void doesntHaveKeepsEntitiesWithoutRelatedRows() {
        assertEquals(List.of("Bob"), names(users(q -> q.doesntHave("posts"))));
    }

    @Test
    void whereHasConstrainsTheRelatedRows() {
        assertEquals(List.of("Ada"), names(users(q -> q.whereHas("posts", p -> p.where("published", true)))));
        assertEquals(List.of("Grace"), names(users(q -> q.whereHas("posts", p -> p.where("title", "like", "g%")))));
    }

    @Test
    void orWhereHasAddsAnAlternative() {
        assertEquals(List.of("Ada", "Bob"), names(users(q -> q.where("name", "Bob").orWhereHas("posts", p -> p.where("title", "a2")))));
        assertEquals(List.of("Ada", "Grace"), names(users(q -> q.has("roles").orHas("posts"))));
    }

    @Test
    void whereDoesntHaveExcludesEntitiesWithAMatchingRelatedRow() {
        assertEquals(List.of("Grace", "Bob"), names(users(q -> q.whereDoesntHave("posts", p -> p.where("published", true)))));
    }

    @Test
    void relationQueriesWorkThroughBelongsToMany() {
        assertEquals(List.of("Grace"), names(users(q -> q.has("roles"))));
        assertEquals(List.of("Grace"), names(users(q -> q.whereHas("roles", r -> r.where("name", "admin")))));
        assertEquals(List.of("Ada", "Bob"), names(users(q -> q.doesntHave("roles"))));
    }

    @Test
    void relationQueriesWorkThroughBelongsTo() {
        List<Post> posts = entities.get(Post.class).query().whereHas("author", u -> u.where("name", "Grace")).get();

        assertEquals(List.of("g1"), posts.stream().map(Post::getTitle).toList());
    }

    @Test
    void nestedPathsQueryEachLevel() {
        assertEquals(List.of("Ada"), names(users(q -> q.has("posts.tags"))));
        assertEquals(List.of("Ada"), names(users(q -> q.whereHas("posts.tags", t -> t.where("name", "news")))));
        assertEquals(List.of(), names(users(q -> q.whereHas("posts.tags", t -> t.where("name", "sport")))));
        assertEquals(List.of("Grace", "Bob"), names(users(q -> q.doesntHave("posts.tags"))));
    }

    @Test
    void theInverseOfAManyToManyQueriesBackThroughTheSamePivot() {
        List<Tag> tags = entities.get(Tag.class).query().whereHas("posts", p -> p.whereHas("author", u -> u.where("name", "Ada"))).get();

        assertEquals(List.of("news"), tags.stream().map(Tag::getName).toList());
    }

    @Test
    void withCountAddsTheCountToEveryEntityInOneStatement() {
        List<User> users = users(q -> q.withCount("posts", "roles"));

        assertEquals(1, statements.count());
        assertEquals(List.of(3L, 1L, 0L), users.stream().map(u -> u.relationCount("posts")).toList());
        assertEquals(List.of(0L, 1L, 0L), users.stream().map(u -> u.relationCount("roles")).toList());
    }

    @Test
    void aManyToManyRowReadWithACountKeepsBothItsPivotAndItsCount() {
        Post a1 = ada.posts().where("title", "a1").firstOrFail();

        Tag tag = a1.tags().withCount("posts").get().get(0);

        assertEquals(1L, tag.relationCount("posts"));
        assertEquals(a1.getId(), tag.pivot().get("postId"));
        assertEquals(news.getId(), tag.pivot().get("tagId"));
        assertEquals(List.of("postId", "tagId"), List.copyOf(tag.pivot().attributes().keySet()));
    }

    @Test
    void withCountTakesAnAliasAndAConstraint() {
        List<User> users = users(q -> q.withCount("posts as published", p -> p.where("published", true)));

        assertEquals(List.of(1L, 0L, 0L), users.stream().map(u -> u.relationCount("published")).toList());
    }

    @Test
    void withCountCombinesWithEagerLoadingAndRelationFilters() {
        List<User> users = users(q -> q.has("posts").withCount("posts").with("posts"));

        assertEquals(2, statements.count());
        assertEquals(3L, users.get(0).relationCount("posts"));
        assertEquals(3, users.get(0).getPosts().size());
    }

    @Test
    void aCountThatWasNotReadIsAClearError() {
        User read = users(q -> { }).get(0);

        assertThrows(UnknownRelationException.class, () -> read.relationCount("posts"));
    }

    @Test
    void anUnknownRelationSuggestsTheNearest() {
        UnknownRelationException error = assertThrows(UnknownRelationException.class,
                () -> entities.get(User.class).query().has("post"));

        assertTrue(error.getMessage().contains("Did you mean posts"), error.getMessage());
    }

    @Test
    void anOrderOrLimitInARelationQueryConstraintIsRefused() {
        assertThrows(InvalidQueryException.class,
                () -> entities.get(User.class).query().whereHas("posts", p -> p.orderBy("title")));
        assertThrows(InvalidQueryException.class,
                () -> entities.get(User.class).query().whereHas("posts", p -> p.limit(1)));
    }

    @Test
    void aRelationQueryOnARelationIsConstrainedToItsParentToo() {
        assertEquals(List.of("a1"), ada.posts().has("tags").get().stream().map(Post::getTitle).toList());
        assertEquals(List.of(), grace.posts().has("tags").get());
    }

    /** People on the users table who follow each other: a many-to-many of an entity with itself. */
    @Entity(value = "Person", module = "RelationQueriesIT", table = "users")
    static class Member extends BaseEntity<Member> {
        Long id;
        String name;

        public BelongsToMany<Member, Member> followers() {
            return belongsToMany(Member.class).table("follows").foreignPivotKey("followedId")
                    .relatedPivotKey("followerId");
        }
    }

    @Test
    void aSelfReferencingRelationQueryAliasesTheInnerTable() {
        execute("CREATE TABLE \"follows\" (\"followerId\" BIGINT NOT NULL, \"followedId\" BIGINT NOT NULL)");
        execute("INSERT INTO \"follows\" VALUES (?, ?), (?, ?)", ada.getId(), grace.getId(), grace.getId(), ada.getId());

        List<Member> followedByAda = entities.get(Member.class).query()
                .whereHas("followers", f -> f.where("name", "Ada")).get();
        List<Member> withFollowers = entities.get(Member.class).query().has("followers").withCount("followers").orderBy("id").get();

        assertEquals(List.of("Grace"), followedByAda.stream().map(m -> m.name).toList());
        assertEquals(List.of("Ada", "Grace"), withFollowers.stream().map(m -> m.name).toList());
        assertEquals(1L, withFollowers.get(0).relationCount("followers"));
    }

    @Test
    void aBadCountOperatorIsRefused() {
        assertThrows(InvalidQueryException.class, () -> entities.get(User.class).query().has("posts", "like", 1));
    }
}
