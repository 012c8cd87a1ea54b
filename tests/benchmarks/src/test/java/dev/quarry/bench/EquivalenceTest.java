package dev.quarry.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.bench.db.BenchDatabase;
import dev.quarry.bench.db.Dataset;
import dev.quarry.bench.db.Engine;
import dev.quarry.bench.peer.Impl;
import dev.quarry.bench.peer.Peer;
import dev.quarry.bench.peer.ReadingTotals;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every implementation does the same work: the same rows read, the same pivot rows afterwards, and
 * every write undone by its counterpart (so benchmark iterations repeat the same work). Small data,
 * on HSQLDB and on PostgreSQL; the expected values come from the data's rules, not from a peer.
 */
class EquivalenceTest {
    private static final int USERS = 100;
    /** A user with no roles, which an eager load and a count must still return. */
    private static final long USER_WITHOUT_ROLES = USERS + 1;
    private static final int READINGS = 2_345;
    private static final int RELATED = 100;
    private static final Map<Engine, Fixture> FIXTURES = new EnumMap<>(Engine.class);

    static Stream<Arguments> peers() {
        return Stream.of(Engine.values()).flatMap(engine -> Stream.of(Impl.values()).map(impl -> Arguments.of(engine, impl)));
    }

    @AfterAll
    static void closeDatabases() {
        FIXTURES.values().forEach(Fixture::close);
        FIXTURES.clear();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("peers")
    void eagerLoadReturnsEveryUserWithExactlyItsRoles(Engine engine, Impl impl) {
        Peer peer = fixture(engine).peer(impl);
        Map<Long, List<Long>> expected = new LinkedHashMap<>();
        LongStream.rangeClosed(1, USERS).forEach(id -> expected.put(id, Dataset.roleIdsOf(id)));
        expected.put(USER_WITHOUT_ROLES, List.of());

        assertEquals(expected, peer.describeUsersWithRoles(peer.usersWithRoles(USER_WITHOUT_ROLES)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("peers")
    void lazyLoadReturnsTheUsersRoles(Engine engine, Impl impl) {
        Peer peer = fixture(engine).peer(impl);
        try (Peer.LazyRoles lazy = peer.prepareLazyRoles(42)) {
            assertEquals(Dataset.roleIdsOf(42), peer.describeRoles(lazy.load()));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("peers")
    void withCountCountsEachUsersRoles(Engine engine, Impl impl) {
        Peer peer = fixture(engine).peer(impl);
        Map<Long, Long> expected = new LinkedHashMap<>();
        LongStream.rangeClosed(1, USERS).forEach(id -> expected.put(id, (long) Dataset.ROLES_PER_USER));
        expected.put(USER_WITHOUT_ROLES, 0L);

        assertEquals(expected, peer.describeRoleCounts(peer.usersWithRoleCounts(USER_WITHOUT_ROLES)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("peers")
    void whereHasKeepsOnlyTheUsersWithTheRole(Engine engine, Impl impl) {
        Peer peer = fixture(engine).peer(impl);
        List<Long> expected = LongStream.rangeClosed(1, USERS).filter(id -> id % 10 == 8).boxed().toList();

        assertEquals(expected, peer.describeUsers(peer.usersHavingRole(USER_WITHOUT_ROLES, Dataset.WHERE_HAS_ROLE)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("peers")
    void hydrationReadsEveryAttributeOfEveryRow(Engine engine, Impl impl) {
        Peer peer = fixture(engine).peer(impl);
        assertEquals(expectedReadings(1_000), peer.describeReadings(peer.readings(1_000)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("peers")
    void chunkHandsOverEveryRowOnce(Engine engine, Impl impl) {
        assertEquals(expectedReadings(READINGS), fixture(engine).peer(impl).chunkReadings(500));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("peers")
    void syncThereAndBackLeavesExactlyEachSet(Engine engine, Impl impl) {
        Fixture fixture = fixture(engine);
        fixture.dataset.postTags(Dataset.SYNC_POST, 1, RELATED);
        Peer peer = fixture.peer(impl);

        peer.sync(Dataset.SYNC_POST, Dataset.syncTo(RELATED));
        assertEquals(Dataset.syncTo(RELATED), fixture.tagsOf(Dataset.SYNC_POST));
        peer.sync(Dataset.SYNC_POST, Dataset.syncFrom(RELATED));
        assertEquals(Dataset.syncFrom(RELATED), fixture.tagsOf(Dataset.SYNC_POST));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("peers")
    void attachThenDetachAddsAndRemovesExactlyTheIds(Engine engine, Impl impl) {
        Fixture fixture = fixture(engine);
        fixture.dataset.postTags(Dataset.ATTACH_POST, 1, Dataset.BASE_TAGS);
        Peer peer = fixture.peer(impl);

        peer.attach(Dataset.ATTACH_POST, Dataset.attachIds(RELATED));
        assertEquals(Dataset.range(1, Dataset.BASE_TAGS + RELATED), fixture.tagsOf(Dataset.ATTACH_POST));
        peer.detach(Dataset.ATTACH_POST, Dataset.attachIds(RELATED));
        assertEquals(Dataset.range(1, Dataset.BASE_TAGS), fixture.tagsOf(Dataset.ATTACH_POST));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("peers")
    void toggleTwiceSwapsTheHalvesAndBack(Engine engine, Impl impl) {
        Fixture fixture = fixture(engine);
        fixture.dataset.postTags(Dataset.TOGGLE_POST, 1, Dataset.BASE_TAGS);
        Peer peer = fixture.peer(impl);
        List<Long> toggled = new ArrayList<>(Dataset.range(1, Dataset.BASE_TAGS - 50L));
        toggled.addAll(Dataset.range(Dataset.BASE_TAGS + 1L, Dataset.BASE_TAGS + 50L));

        peer.toggle(Dataset.TOGGLE_POST, Dataset.toggleIds());
        assertEquals(toggled, fixture.tagsOf(Dataset.TOGGLE_POST));
        peer.toggle(Dataset.TOGGLE_POST, Dataset.toggleIds());
        assertEquals(Dataset.range(1, Dataset.BASE_TAGS), fixture.tagsOf(Dataset.TOGGLE_POST));
    }

    /** The totals of readings {@code 1..count} by the seeding rule, computed here without the database. */
    private static ReadingTotals expectedReadings(int count) {
        ReadingTotals totals = new ReadingTotals();
        LocalDateTime start = LocalDateTime.of(2026, 1, 1, 0, 0);
        for (long i = 1; i <= count; i++) {
            totals.add(i, "sensor-" + i % 97, (int) (i * 31 % 1000), start.plusSeconds(i), i % 3 == 0);
        }
        return totals;
    }

    private static synchronized Fixture fixture(Engine engine) {
        return FIXTURES.computeIfAbsent(engine, Fixture::new);
    }

    /** One database per engine with the small data set, and one peer of each implementation on it. */
    private static final class Fixture {
        final BenchDatabase database;
        final Dataset dataset;
        final Map<Impl, Peer> peers = new EnumMap<>(Impl.class);

        Fixture(Engine engine) {
            database = BenchDatabase.create(engine);
            dataset = new Dataset(database).users(USERS).tags(Dataset.tagsFor(RELATED)).readings(READINGS);
            database.jdbi().useHandle(h -> h.execute(
                    "INSERT INTO \"users\" (\"id\", \"email\") VALUES (?, 'nobody@example.com')", USER_WITHOUT_ROLES));
        }

        Peer peer(Impl impl) {
            return peers.computeIfAbsent(impl, i -> i.open(database));
        }

        List<Long> tagsOf(long post) {
            return database.jdbi().withHandle(h -> h.createQuery(
                            "SELECT \"tagId\" FROM \"posts_tags\" WHERE \"postId\" = ? ORDER BY \"tagId\"")
                    .bind(0, post).mapTo(Long.class).list());
        }

        void close() {
            peers.values().forEach(Peer::close);
            database.close();
        }
    }
}
