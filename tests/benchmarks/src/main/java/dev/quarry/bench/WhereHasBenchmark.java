package dev.quarry.bench;

import dev.quarry.bench.db.Dataset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** whereHas: of 1,000 users, the 100 that have a given role, in one statement. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WhereHasBenchmark extends PeerState {
    private static final long USERS = 1_000;

    @Benchmark
    public List<?> whereHas() {
        return peer.usersHavingRole(USERS, Dataset.WHERE_HAS_ROLE);
    }

    @Override
    protected void seed(Dataset data) {
        data.users(USERS);
    }

    @Override
    protected void check() {
        List<Long> expected = LongStream.rangeClosed(1, USERS).filter(id -> id % 10 == 8).boxed().toList();
        require(expected, peer.describeUsers(whereHas()), "the users with the role");
    }
}
