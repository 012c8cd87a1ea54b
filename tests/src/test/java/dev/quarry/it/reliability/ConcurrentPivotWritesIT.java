package dev.quarry.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.inject.Module;
import dev.quarry.inject.PoolSettings;
import dev.quarry.inject.QuarryModule;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sixteen threads run the same pivot write on one parent at once, through the connection pool:
 * afterwards there is exactly one pivot row per pair, no caller failed, and every id was reported
 * attached by exactly one caller (pivot inserts are insert-if-absent).
 */
class ConcurrentPivotWritesIT extends DatabaseTest {
    private static final int THREADS = 16;

    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    private long userId;
    private List<Long> roleIds;

    @Override
    protected Module module(QuarryModule.Builder builder) {
        return builder.pool(PoolSettings.defaults().maximumSize(THREADS).minimumIdle(0)).build();
    }

    @BeforeEach
    void aUserAndTwentyRoles() {
        userId = entities.get(User.class).create(Map.of("email", "ada@example.com")).getId();
        roleIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            roleIds.add(entities.get(Role.class).create(Map.of("name", "role " + i)).getId());
        }
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(30, TimeUnit.SECONDS);
    }

    /** Runs {@code write} on every thread at once, each with its own copy of the user; returns what each reported attached. */
    private List<List<Object>> everyThreadAtOnce(Function<User, List<Object>> write) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Object>>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Callable<List<Object>> call = () -> {
                User own = entities.get(User.class).findOrFail(userId);
                start.await();
                return write.apply(own);
            };
            results.add(pool.submit(call));
        }
        start.countDown();
        List<List<Object>> attached = new ArrayList<>();
        for (Future<List<Object>> result : results) {
            attached.add(result.get(60, TimeUnit.SECONDS));   // rethrows a caller's failure
        }
        return attached;
    }

    private void assertOneRowPerPairAndEachIdAttachedOnce(List<List<Object>> reported) {
        assertEquals(roleIds.size(), countRows("roles_users"), "one pivot row per pair");
        List<Object> all = reported.stream().flatMap(List::stream).sorted().toList();
        assertEquals(roleIds, all, "every id reported attached by exactly one caller");
    }

    @Test
    void sixteenConcurrentAttachesOfTheSameIdsLeaveOneRowPerPair() throws Exception {
        List<List<Object>> reported = everyThreadAtOnce(user -> user.roles().attach(roleIds));

        assertOneRowPerPairAndEachIdAttachedOnce(reported);
    }

    @Test
    void sixteenConcurrentSyncsWithoutDetachingLeaveOneRowPerPair() throws Exception {
        List<List<Object>> reported = everyThreadAtOnce(user -> user.roles().syncWithoutDetaching(roleIds).attached());

        assertOneRowPerPairAndEachIdAttachedOnce(reported);
    }

    @Test
    void sixteenConcurrentSyncsToTheSameSetLeaveExactlyThatSet() throws Exception {
        User user = entities.get(User.class).findOrFail(userId);
        user.roles().attach(roleIds.subList(0, 5));   // to be detached: not in the synced set

        List<List<Object>> reported = everyThreadAtOnce(own -> own.roles().sync(roleIds.subList(5, 20)).attached());

        assertEquals(15, countRows("roles_users"));
        assertEquals(roleIds.subList(5, 20), reported.stream().flatMap(List::stream).sorted().toList());
    }
}
