package dev.quarry.it.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.it.model.Post;
import dev.quarry.it.model.Tag;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.relation.InvalidRelatedIdException;
import dev.quarry.relation.pivot.SyncResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generated relation setters (Quick's setTags) and lazy getters (getTags) on a real database. */
class RelationSettersIT extends DatabaseTest {
    private Post post;
    private Tag news;
    private Tag java;
    private Tag orm;

    @BeforeEach
    void seed() {
        post = entities.get(Post.class).create(Map.of("title", "Quarry"));
        news = entities.get(Tag.class).create(Map.of("name", "news"));
        java = entities.get(Tag.class).create(Map.of("name", "java"));
        orm = entities.get(Tag.class).create(Map.of("name", "orm"));
        statements.reset();
    }

    private List<Long> tagIdsInThePivot() {
        return rows("posts_tags", "tagId").stream().map(r -> ((Number) r.get("tagid")).longValue()).toList(); // rows() lower-cases labels
    }

    @Test
    void setTagsWithIdsAndEntitiesMixedSyncsToExactlyThoseTags() {
        post.tags().attach(news);

        SyncResult result = post.setTags(java.getId(), orm);

        assertEquals(List.of(java.getId(), orm.getId()), result.attached());
        assertEquals(List.of(news.getId()), result.detached());
        assertEquals(List.of(java.getId(), orm.getId()), tagIdsInThePivot());
    }

    @Test
    void setTagsWithACollectionSyncs() {
        post.setTags(List.of(news.getId(), String.valueOf(java.getId())));

        assertEquals(List.of(news.getId(), java.getId()), tagIdsInThePivot());
    }

    @Test
    void setTagsWithAnEmptyCollectionDetachesEveryTag() {
        post.tags().attach(news, java);

        SyncResult result = post.setTags(List.of());

        assertEquals(2, result.detached().size());
        assertEquals(List.of(), tagIdsInThePivot());
    }

    @Test
    void setTagsIsOneTransactionOfAtMostThreeStatements() {
        post.tags().attach(news);
        statements.reset();

        post.setTags(java, orm);

        assertEquals(3, statements.count(), statements.sql().toString()); // SELECT, DELETE, INSERT
    }

    @Test
    void setTagsWithABadValueWritesNothing() {
        post.tags().attach(news);

        assertThrows(InvalidRelatedIdException.class, () -> post.setTags(java, null));

        assertEquals(List.of(news.getId()), tagIdsInThePivot());
    }

    @Test
    void getTagsLoadsOnceAndCaches() {
        post.tags().attach(news, java);
        statements.reset();

        List<Tag> first = post.getTags();
        List<Tag> second = post.getTags();

        assertEquals(1, statements.count());
        assertSame(first, second);
        assertEquals(List.of("news", "java"), first.stream().map(Tag::getName).sorted((a, b) -> b.compareTo(a)).toList());
    }

    @Test
    void setTagsForgetsWhatGetTagsCached() {
        post.tags().attach(news);
        assertEquals(1, post.getTags().size());

        post.setTags(news, java, orm);

        assertEquals(3, post.getTags().size());
    }

    @Test
    void getTagsAfterAnEagerLoadRunsNoStatement() {
        post.tags().attach(orm);
        Post loaded = entities.get(Post.class).query().with("tags").findOrFail(post.getId());
        statements.reset();

        assertEquals(List.of("orm"), loaded.getTags().stream().map(Tag::getName).toList());
        assertEquals(0, statements.count());
        assertTrue(loaded.isRelationLoaded("tags"));
    }
}
