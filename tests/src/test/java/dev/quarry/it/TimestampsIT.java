package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.it.model.Post;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.validation.EntityValidationException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Post has {@code @Timestamps} (Instant createdAt, updatedAt); the test clock decides what "now" is. */
class TimestampsIT extends DatabaseTest {

    private static final Instant START = Instant.parse("2026-01-02T03:04:05.123456Z");

    private Map<String, Object> postRow() {
        List<Map<String, Object>> rows = rows("posts", "id");
        assertEquals(1, rows.size());
        return rows.get(0);
    }

    private static Instant instant(Object columnValue) {
        return ((Timestamp) columnValue).toInstant();
    }

    @Test
    void testClockStartsAtTheKnownInstant() {
        // The other tests rely on this starting point.
        assertEquals(START, clock.instant());
    }

    @Test
    void insertSetsCreatedAtAndUpdatedAtToTheClocksInstant() {
        Post post = entities.get(Post.class).setTitle("Hello");

        post.save();

        assertEquals(START, post.getCreatedAt());
        assertEquals(START, post.getUpdatedAt());
        assertEquals(1, statements.count());
        Map<String, Object> row = postRow();
        assertEquals(START, instant(row.get("createdat")));
        assertEquals(START, instant(row.get("updatedat")));
    }

    @Test
    void insertTakesTheTimeWhenItRunsNotWhenTheEntityWasMade() {
        Post post = entities.get(Post.class).setTitle("Hello");
        clock.advance(Duration.ofMinutes(5));

        post.save();

        Instant now = START.plus(Duration.ofMinutes(5));
        assertEquals(now, post.getCreatedAt());
        assertEquals(now, instant(postRow().get("createdat")));
    }

    @Test
    void laterSaveChangesUpdatedAtOnly() {
        Post post = entities.get(Post.class).setTitle("Hello").save();
        clock.advance(Duration.ofHours(2));
        statements.reset();

        post.setTitle("Hello again").save();

        Instant later = START.plus(Duration.ofHours(2));
        assertEquals(START, post.getCreatedAt());
        assertEquals(later, post.getUpdatedAt());
        assertEquals(List.of("UPDATE \"posts\" SET \"title\" = ?, \"updatedAt\" = ? WHERE \"id\" = ?"), statements.sql());
        Map<String, Object> row = postRow();
        assertEquals(START, instant(row.get("createdat")));
        assertEquals(later, instant(row.get("updatedat")));
        assertEquals("Hello again", row.get("title"));
    }

    @Test
    void saveWithNoChangeLeavesUpdatedAtAloneAndRunsNoStatement() {
        Post post = entities.get(Post.class).setTitle("Hello").save();
        clock.advance(Duration.ofHours(2));
        statements.reset();

        post.save();

        assertEquals(0, statements.count(), statements.sql().toString());
        assertEquals(START, post.getUpdatedAt());
        assertFalse(post.isDirty());
        assertEquals(START, instant(postRow().get("updatedat")));
    }

    @Test
    void saveOfALoadedUnchangedPostLeavesUpdatedAtAlone() {
        entities.get(Post.class).setTitle("Hello").save();
        clock.advance(Duration.ofDays(1));
        Post loaded = entities.get(Post.class).firstOrFail();
        statements.reset();

        loaded.save();

        assertEquals(0, statements.count());
        assertEquals(START, loaded.getUpdatedAt());
        assertEquals(START, instant(postRow().get("updatedat")));
    }

    @Test
    void timestampsAreKeptToTheMicrosecond() {
        clock.advance(Duration.ofNanos(789));
        Post post = entities.get(Post.class).setTitle("Hello");

        post.save();

        assertEquals(START, post.getCreatedAt(), "nanoseconds beyond the microsecond are dropped");
        assertEquals(START.truncatedTo(ChronoUnit.MICROS), post.getUpdatedAt());
    }

    @Test
    void timestampsReadBackFromTheDatabaseEqualWhatTheEntityHolds() {
        clock.advance(Duration.ofNanos(987_654));
        Post post = entities.get(Post.class).setTitle("Hello").save();
        clock.advance(Duration.ofMillis(1).plusNanos(1_999));
        post.setBody("Body").save();

        Post reread = post.fresh().orElseThrow();

        assertEquals(post.getCreatedAt(), reread.getCreatedAt());
        assertEquals(post.getUpdatedAt(), reread.getUpdatedAt());
        assertNotEquals(post.getCreatedAt(), post.getUpdatedAt());
        Map<String, Object> row = postRow();
        assertEquals(post.getCreatedAt(), instant(row.get("createdat")));
        assertEquals(post.getUpdatedAt(), instant(row.get("updatedat")));
        assertEquals(Instant.parse("2026-01-02T03:04:05.124443Z"), post.getCreatedAt());
        assertEquals(Instant.parse("2026-01-02T03:04:05.125445Z"), post.getUpdatedAt());
    }

    @Test
    void refreshedPostIsNotDirtyBecauseOfItsTimestamps() {
        clock.advance(Duration.ofNanos(123));
        Post post = entities.get(Post.class).setTitle("Hello").save();

        post.refresh();

        assertFalse(post.isDirty(), post.dirtyAttributes().toString());
        statements.reset();
        post.save();
        assertEquals(0, statements.count());
    }

    @Test
    void createdAtSetByTheApplicationIsKeptOnInsert() {
        Instant chosen = Instant.parse("2020-05-06T07:08:09.000001Z");
        Post post = entities.get(Post.class).setTitle("Imported");
        post.setAttribute("createdAt", chosen);

        post.save();

        assertEquals(chosen, post.getCreatedAt());
        assertEquals(START, post.getUpdatedAt());
        assertEquals(chosen, instant(postRow().get("createdat")));
    }

    @Test
    void updatedAtSetByTheApplicationIsKeptOnUpdate() {
        Post post = entities.get(Post.class).setTitle("Hello").save();
        clock.advance(Duration.ofHours(1));
        Instant chosen = Instant.parse("2026-01-01T00:00:00Z");

        post.setAttribute("updatedAt", chosen);
        post.setTitle("Hello again").save();

        assertEquals(chosen, post.getUpdatedAt());
        assertEquals(chosen, instant(postRow().get("updatedat")));
    }

    @Test
    void insertAfterAFailedValidationStampsTheTimeOfTheActualInsert() {
        Post post = entities.get(Post.class);
        assertThrows(EntityValidationException.class, post::save);
        clock.advance(Duration.ofHours(1));

        post.setTitle("Hello").save();

        Instant now = START.plus(Duration.ofHours(1));
        assertEquals(now, post.getCreatedAt());
        assertEquals(now, post.getUpdatedAt());
        assertEquals(now, instant(postRow().get("createdat")));
    }

    @Test
    void updateAfterAFailedValidationStampsTheTimeOfTheActualUpdate() {
        Post post = entities.get(Post.class).setTitle("Hello").save();
        clock.advance(Duration.ofHours(1));
        post.setTitle(" ");
        assertThrows(EntityValidationException.class, post::save);
        clock.advance(Duration.ofHours(1));

        post.setTitle("Hello again").save();

        Instant now = START.plus(Duration.ofHours(2));
        assertEquals(now, post.getUpdatedAt());
        assertEquals(now, instant(postRow().get("updatedat")));
        assertEquals(START, post.getCreatedAt());
    }

    @Test
    void massUpdateThroughAQueryStampsUpdatedAtButNotCreatedAt() {
        entities.get(Post.class).setTitle("One").save();
        clock.advance(Duration.ofMinutes(30));

        int changed = entities.get(Post.class).query().update(Map.of("published", true));

        assertEquals(1, changed);
        Map<String, Object> row = postRow();
        assertEquals(true, row.get("published"));
        assertEquals(START, instant(row.get("createdat")));
        assertEquals(START.plus(Duration.ofMinutes(30)), instant(row.get("updatedat")));
    }

    @Test
    void insertOfAPostWritesBothTimestampColumnsInTheOneInsert() {
        entities.get(Post.class).setTitle("Hello").save();

        assertEquals(1, statements.count());
        String insert = statements.sql().get(0);
        assertTrue(insert.contains("\"createdAt\""), insert);
        assertTrue(insert.contains("\"updatedAt\""), insert);
    }
}
