package dev.quarry.bench;

import dev.quarry.bench.db.Dataset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** withCount: 1,000 users, each with its number of roles, in one statement. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WithCountBenchmark extends PeerState {
    private static final long USERS = 1_000;

    @Benchmark
    public List<?> withCount() {
        return peer.usersWithRoleCounts(USERS);
    }

    @Override
    protected void seed(Dataset data) {
        data.users(USERS);
    }

    @Override
    protected void check() {
        Map<Long, Long> expected = new LinkedHashMap<>();
        LongStream.rangeClosed(1, USERS).forEach(id -> expected.put(id, (long) Dataset.ROLES_PER_USER));
        require(expected, peer.describeRoleCounts(withCount()), "each user's role count");
    }
}
