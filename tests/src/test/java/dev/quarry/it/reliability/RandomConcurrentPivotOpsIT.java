package dev.quarry.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.inject.Module;
import dev.quarry.QuarryException;
import dev.quarry.inject.PoolSettings;
import dev.quarry.inject.QuarryModule;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.it.support.TestDatabases;
import dev.quarry.relation.pivot.SyncResult;
import dev.quarry.relation.pivot.ToggleResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Eight threads each run 200 random pivot operations ({@code attach} with and without a pivot
 * attribute, {@code detach(ids)}, {@code detach()}, {@code sync}, {@code syncWithoutDetaching},
 * {@code toggle}, {@code updateExistingPivot}) on the same three users and eight roles, through the
 * connection pool. The choice of operations is seeded ({@code -Dquarry.concurrency.seed=N}); the
 * interleaving is whatever the threads and the database make of it.
 *
 * <p>What must hold:
 * <ul>
 *   <li>no pair ever has two pivot rows: checked by query by every thread every 25 operations, and
 *       at the end;</li>
 *   <li>every operation returns, or fails with a {@link QuarryException}; none hangs (a deadlock the
 *       database resolves is retried by Quarry, see {@code PivotWriter}), and a failed one wrote
 *       nothing, so it is left out of the check below;</li>
 *   <li>the final rows, and what every successful operation reported, equal those of a serial
 *       order of the successful operations, pair by pair.</li>
 * </ul>
 *
 * <p>Why "pair by pair": Quarry runs each operation at the database's default isolation, read
 * committed, so an operation over several pairs is atomic (all or nothing, seen by others all at
 * once) but not serializable as a whole: {@code attach([a, b])} racing {@code detach([a, b])} may
 * end with only {@code b} attached, which neither serial order gives (docs/reliability.md says so).
 * What is promised is that each pair, taken alone, behaves as if the operations touching it ran one
 * at a time, each at some instant between its call and its return (linearizability). The checker
 * projects every successful operation onto each pair it touches: it makes the pair present
 * ({@code attach}, {@code sync} of a list holding it, {@code syncWithoutDetaching}), absent
 * ({@code detach}, {@code sync} of a list without it), flips it ({@code toggle}) or only reads it
 * ({@code updateExistingPivot}), and it reports what it saw where its result says so (in
 * {@code attached}, {@code detached}, or the count of {@code updateExistingPivot}). It then searches
 * for an order of those projections that respects real time (an operation that returned before
 * another was called comes first), agrees with every report, and ends in the pair's final row,
 * pivot attribute {@code assignedBy} included. The search is exact: it tries every order the
 * timing allows, remembering which (per-thread progress, state) it has already ruled out, which
 * keeps it small since each thread has at most one operation in flight.
 */
class RandomConcurrentPivotOpsIT extends DatabaseTest {
    private static final int THREADS = 8;
    private static final int OPERATIONS = 200;
    private static final int PARENTS = 3;
    private static final int ROLES = 8;
    private static final long SEED = Long.getLong("quarry.concurrency.seed", 20261123L);
    /** The state of a pair with no row; a row is its assignedBy value, {@code ""} for null. */
    private static final String ABSENT = "<absent>";

    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    private final List<Long> userIds = new ArrayList<>();
    private final List<Long> roleIds = new ArrayList<>();
    private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    private final Set<String> failures = ConcurrentHashMap.newKeySet();

    @Override
    protected Module module(QuarryModule.Builder builder) {
        return builder.pool(PoolSettings.defaults().maximumSize(THREADS + 1).minimumIdle(0)).build();
    }

    @BeforeEach
    void threeUsersAndEightRoles() {
        for (int i = 0; i < PARENTS; i++) {
            userIds.add(entities.get(User.class).create(Map.of("email", "user" + i + "@example.com")).getId());
        }
        for (int i = 0; i < ROLES; i++) {
            roleIds.add(entities.get(Role.class).create(Map.of("name", "role " + i)).getId());
        }
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(30, TimeUnit.SECONDS);
    }

    /** What one successful operation did to one pair, as its result tells. */
    private record Effect(Kind kind, Boolean sawPresent, String value) {
    }

    private enum Kind { PRESENT, ABSENT, FLIP, UPDATE }

    /** A successful operation: who ran it, when (nanoTime before the call and after the return), and its effects. */
    private record Done(int thread, int sequence, String call, long start, long end, Map<List<Long>, Effect> effects) {
    }

    @Test
    void randomConcurrentOperationsOnFewParentsAreLinearizablePairByPair() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Done>>> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            threads.add(pool.submit(() -> {
                List<User> own = new ArrayList<>();
                for (long id : userIds) {
                    own.add(entities.get(User.class).findOrFail(id));
                }
                go.await();
                return runOperations(thread, own);
            }));
        }
        go.countDown();
        List<Done> done = new ArrayList<>();
        for (Future<List<Done>> thread : threads) {
            done.addAll(thread.get(5, TimeUnit.MINUTES));   // a hang (an unresolved deadlock) fails here
        }

        assertNoDuplicatePairs();
        Map<List<Long>, String> finalState = finalState();
        for (long user : userIds) {
            for (long role : roleIds) {
                List<Long> pair = List.of(user, role);
                assertLinearizable(pair, done, finalState.getOrDefault(pair, ABSENT));
            }
        }
        System.out.printf("RandomConcurrentPivotOpsIT on %s, seed %d: %d operations succeeded, outcomes %s%n",
                TestDatabases.KIND, SEED, done.size(), new TreeMap<>(outcomes));
        failures.forEach(failure -> System.out.println("  failure: " + failure));
        assertEquals(THREADS * OPERATIONS, outcomes.values().stream().mapToInt(AtomicInteger::get).sum());
    }

    private List<Done> runOperations(int thread, List<User> users) {
        Random random = new Random(SEED * 31 + thread);
        List<Done> done = new ArrayList<>();
        for (int sequence = 0; sequence < OPERATIONS; sequence++) {
            int parent = random.nextInt(PARENTS);
            User user = users.get(parent);
            long userId = userIds.get(parent);
            List<Long> ids = someRoles(random);
            String value = "t" + thread + "-" + sequence;
            int choice = random.nextInt(10);
            String call = "";
            long start = System.nanoTime();
            try {
                Map<List<Long>, Effect> effects = new HashMap<>();
                switch (choice) {
                    case 0, 1 -> {
                        call = "attach" + ids;
                        List<Object> attached = user.roles().attach(ids);
                        ids.forEach(id -> effects.put(List.of(userId, id), new Effect(Kind.PRESENT, !attached.contains(id), "")));
                    }
                    case 2 -> {
                        call = "attach" + ids + " assignedBy " + value;
                        List<Object> attached = user.roles().attach(ids, Map.of("assignedBy", value));
                        ids.forEach(id -> effects.put(List.of(userId, id), new Effect(Kind.PRESENT, !attached.contains(id), value)));
                    }
                    case 3 -> {
                        call = "detach" + ids;
                        user.roles().detach(ids);
                        ids.forEach(id -> effects.put(List.of(userId, id), new Effect(Kind.ABSENT, null, null)));
                    }
                    case 4 -> {
                        call = "sync" + ids;
                        SyncResult result = user.roles().sync(ids);
                        for (long id : roleIds) {
                            effects.put(List.of(userId, id), ids.contains(id)
                                    ? new Effect(Kind.PRESENT, !result.attached().contains(id), "")
                                    : new Effect(Kind.ABSENT, result.detached().contains(id), null));
                        }
                    }
                    case 5 -> {
                        call = "syncWithoutDetaching" + ids;
                        SyncResult result = user.roles().syncWithoutDetaching(ids);
                        ids.forEach(id -> effects.put(List.of(userId, id), new Effect(Kind.PRESENT, !result.attached().contains(id), "")));
                    }
                    case 6, 7 -> {
                        call = "toggle" + ids;
                        ToggleResult result = user.roles().toggle(ids);
                        for (long id : ids) {
                            assertTrue(result.attached().contains(id) != result.detached().contains(id),
                                    "toggle must report " + id + " either attached or detached: " + result);
                            effects.put(List.of(userId, id), new Effect(Kind.FLIP, result.detached().contains(id), ""));
                        }
                    }
                    case 8 -> {
                        long id = ids.isEmpty() ? roleIds.get(0) : ids.get(0);
                        call = "updateExistingPivot(" + id + ", assignedBy " + value + ")";
                        int updated = user.roles().updateExistingPivot(id, Map.of("assignedBy", value));
                        effects.put(List.of(userId, id), new Effect(Kind.UPDATE, updated == 1, value));
                    }
                    default -> {
                        call = "detachAll()";
                        user.roles().detach();
                        roleIds.forEach(id -> effects.put(List.of(userId, id), new Effect(Kind.ABSENT, null, null)));
                    }
                }
                done.add(new Done(thread, sequence, "user" + parent + "." + call, start, System.nanoTime(), effects));
                count(call.replaceAll("[\\[(].*", "") + " succeeded");
            } catch (QuarryException e) {
                count(call.replaceAll("[\\[(].*", "") + " failed: " + e.errorId());
                failures.add(e.getMessage().lines().findFirst().orElse(""));
            }
            if (sequence % 25 == 0) {
                assertNoDuplicatePairs();
            }
        }
        return done;
    }

    private void count(String outcome) {
        outcomes.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
    }

    /** Zero to four roles, sometimes repeated: most operations touch pairs other threads touch too. */
    private List<Long> someRoles(Random random) {
        List<Long> ids = new ArrayList<>();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            long id = roleIds.get(random.nextInt(ROLES));
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private void assertNoDuplicatePairs() {
        List<Map<String, Object>> duplicates = jdbi.withHandle(h -> h.createQuery(
                "SELECT \"userId\", \"roleId\", COUNT(*) AS n FROM \"roles_users\" GROUP BY \"userId\", \"roleId\" HAVING COUNT(*) > 1")
                .mapToMap().list());
        assertEquals(List.of(), duplicates, "pairs with more than one pivot row");
    }

    private Map<List<Long>, String> finalState() {
        Map<List<Long>, String> state = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT \"userId\", \"roleId\", \"assignedBy\" FROM \"roles_users\"")
                .map((rs, ctx) -> state.put(List.of(rs.getLong(1), rs.getLong(2)), rs.getString(3) == null ? "" : rs.getString(3)))
                .list());
        return state;
    }

    // ---- the checker -----------------------------------------------------------------------------

    private void assertLinearizable(List<Long> pair, List<Done> done, String finalState) {
        List<List<Done>> perThread = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            perThread.add(new ArrayList<>());
        }
        done.stream().filter(d -> d.effects().containsKey(pair)).forEach(d -> perThread.get(d.thread()).add(d));
        Search search = new Search(pair, perThread, finalState);
        if (!search.from(new int[THREADS], ABSENT)) {
            StringBuilder history = new StringBuilder();
            done.stream().filter(d -> d.effects().containsKey(pair)).sorted(java.util.Comparator.comparingLong(Done::start))
                    .forEach(d -> history.append("\n  ").append(d.start()).append("..").append(d.end()).append(" thread ")
                            .append(d.thread()).append(" #").append(d.sequence()).append(' ').append(d.call())
                            .append(" -> ").append(d.effects().get(pair)));
            fail("no serial order of the successful operations on user " + pair.get(0) + ", role " + pair.get(1)
                    + " explains their results and the final state " + finalState + " (seed " + SEED + "):" + history);
        }
    }

    /** Depth-first search over the orders real time allows; {@code ruledOut} remembers dead ends. */
    private static final class Search {
        private final List<Long> pair;
        private final List<List<Done>> perThread;
        private final String finalState;
        private final Set<String> ruledOut = new HashSet<>();

        Search(List<Long> pair, List<List<Done>> perThread, String finalState) {
            this.pair = pair;
            this.perThread = perThread;
            this.finalState = finalState;
        }

        boolean from(int[] progress, String state) {
            String memo = java.util.Arrays.toString(progress) + state;
            if (ruledOut.contains(memo)) {
                return false;
            }
            long earliestEnd = Long.MAX_VALUE;
            boolean finished = true;
            for (int t = 0; t < perThread.size(); t++) {
                if (progress[t] < perThread.get(t).size()) {
                    finished = false;
                    earliestEnd = Math.min(earliestEnd, perThread.get(t).get(progress[t]).end());
                }
            }
            if (finished) {
                return state.equals(finalState);
            }
            for (int t = 0; t < perThread.size(); t++) {
                if (progress[t] == perThread.get(t).size()) {
                    continue;
                }
                Done next = perThread.get(t).get(progress[t]);
                if (next.start() > earliestEnd) {
                    continue;   // another operation returned before this one was called: it comes first
                }
                String after = apply(next.effects().get(pair), state);
                if (after == null) {
                    continue;
                }
                progress[t]++;
                boolean found = from(progress, after);
                progress[t]--;
                if (found) {
                    return true;
                }
            }
            ruledOut.add(memo);
            return false;
        }

        /** The state after {@code effect}, or null if its report contradicts {@code state}. */
        private static String apply(Effect effect, String state) {
            boolean present = !state.equals(ABSENT);
            if (effect.sawPresent() != null && effect.sawPresent() != present) {
                return null;
            }
            return switch (effect.kind()) {
                case PRESENT -> present ? state : effect.value();
                case ABSENT -> ABSENT;
                case FLIP -> present ? ABSENT : effect.value();
                case UPDATE -> present ? effect.value() : ABSENT;
            };
        }
    }
}
