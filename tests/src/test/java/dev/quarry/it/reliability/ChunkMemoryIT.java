package dev.quarry.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.it.model.Person;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.it.support.TestDatabases;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code chunk} over a million rows keeps memory flat: Quarry holds no entity of a chunk once the
 * callback has returned, and each chunk is one keyset query ({@code WHERE id > ? ORDER BY id} with
 * a limit), so no statement reads or skips the rows before it and no result set holds more than a
 * chunk. Checked without timing: the entities of the first chunk are collected by the garbage
 * collector while later chunks are read, and the statements are counted and read.
 */
class ChunkMemoryIT extends DatabaseTest {
    private static final int ROWS = 1_000_000;
    private static final int CHUNK = 1_000;

    /** One INSERT ... SELECT of a generated series: a million rows in seconds, without a million statements. */
    private void aMillionPeople() {
        if (TestDatabases.postgres()) {
            execute("INSERT INTO \"people\" (\"name\") SELECT 'person ' || n FROM generate_series(1, " + ROWS + ") AS s(n)");
        } else {
            execute("INSERT INTO \"people\" (\"name\") SELECT 'person ' || CAST(n AS VARCHAR(10))"
                    + " FROM UNNEST(SEQUENCE_ARRAY(1, " + ROWS + ", 1)) AS s(n)");
        }
        statements.reset();
    }

    @Test
    void chunkOverAMillionRowsLetsEveryEarlierChunkBeCollected() {
        aMillionPeople();
        List<WeakReference<Person>> firstChunk = new ArrayList<>();
        long[] seen = {0};
        long[] lastId = {0};
        boolean[] firstChunkCollected = {false};

        entities.get(Person.class).chunk(CHUNK, people -> {
            assertTrue(people.get(0).getId() > lastId[0], "chunks follow each other in key order");
            lastId[0] = people.get(people.size() - 1).getId();
            if (seen[0] == 0) {
                people.forEach(p -> firstChunk.add(new WeakReference<>(p)));
            } else if (seen[0] == (long) ROWS / 2) {
                firstChunkCollected[0] = collected(firstChunk);
            }
            seen[0] += people.size();
        });

        assertEquals(ROWS, seen[0]);
        assertEquals(CHUNK, firstChunk.size());
        assertTrue(firstChunkCollected[0], "halfway through, no entity of the first chunk is still reachable");
    }

    @Test
    void chunkReadsAMillionRowsWithOneKeysetQueryPerChunk() {
        aMillionPeople();

        entities.get(Person.class).chunk(CHUNK, people -> { });

        List<String> sql = statements.sql();
        assertEquals(ROWS / CHUNK + 1, sql.size(), "one query per chunk, and one that finds no more rows");
        assertTrue(sql.stream().skip(1).allMatch(s -> s.contains("WHERE \"people\".\"id\" > ?")), sql.get(1));
        assertTrue(sql.stream().noneMatch(s -> s.toUpperCase(java.util.Locale.ROOT).contains("OFFSET")), sql.get(1));
    }

    /**
     * True once every reference is cleared: a bounded number of collections, each after some
     * garbage, since {@code System.gc()} is a request.
     */
    private static boolean collected(List<WeakReference<Person>> references) {
        for (int attempt = 0; attempt < 20; attempt++) {
            if (references.stream().allMatch(r -> r.get() == null)) {
                return true;
            }
            byte[][] garbage = new byte[64][];
            for (int i = 0; i < garbage.length; i++) {
                garbage[i] = new byte[64 * 1024];
            }
            System.gc();
        }
        return references.stream().allMatch(r -> r.get() == null);
    }
}
