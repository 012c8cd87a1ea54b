package dev.quarry.bench;

import dev.quarry.bench.db.Dataset;
import dev.quarry.bench.peer.Peer.LazyRoles;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Lazy load: the 10 roles of one user already in hand. Loading the user (for Hibernate, opening the
 * session and finding it) happens before each invocation, untimed; the timed part is the lazy load.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LazyLoadBenchmark extends PeerState {
    private static final long USER = 500;
    private LazyRoles lazyRoles;

    @Setup(Level.Invocation)
    public void loadUser() {
        lazyRoles = peer.prepareLazyRoles(USER);
    }

    @TearDown(Level.Invocation)
    public void releaseUser() {
        lazyRoles.close();
    }

    @Benchmark
    public List<?> lazyLoad() {
        return lazyRoles.load();
    }

    @Override
    protected void seed(Dataset data) {
        data.users(1_000);
    }

    @Override
    protected void check() {
        try (LazyRoles roles = peer.prepareLazyRoles(USER)) {
            require(Dataset.roleIdsOf(USER), peer.describeRoles(roles.load()), "the user's roles");
        }
    }
}
