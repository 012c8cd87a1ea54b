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
import org.openjdk.jmh.annotations.Param;

/** Eager load: N related ids = N/10 users with their 10 roles each, fully materialised (N = 10,000: 1,000 users). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EagerLoadBenchmark extends PeerState {
    @Param({"10", "100", "1000", "10000", "100000"})
    public int n;

    @Benchmark
    public List<?> eagerLoad() {
        return peer.usersWithRoles(users());
    }

    @Override
    protected void seed(Dataset data) {
        data.users(users());
    }

    @Override
    protected void check() {
        Map<Long, List<Long>> expected = new LinkedHashMap<>();
        LongStream.rangeClosed(1, users()).forEach(id -> expected.put(id, Dataset.roleIdsOf(id)));
        require(expected, peer.describeUsersWithRoles(eagerLoad()), "users and their roles");
    }

    private long users() {
        return Math.max(1, n / Dataset.ROLES_PER_USER);
    }
}
