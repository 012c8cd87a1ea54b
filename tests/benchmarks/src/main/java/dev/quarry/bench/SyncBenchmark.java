package dev.quarry.bench;

import dev.quarry.bench.db.Dataset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;

/**
 * Sync: a post with N tags synced to a set with N/10 removed and N/10 added. Invocations alternate
 * between the two sets, so each one does the same work (N = 1,000: 100 out, 100 in).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SyncBenchmark extends PeerState {
    @Param({"10", "100", "1000", "10000", "100000"})
    public int n;

    private List<Long> from;
    private List<Long> to;
    private boolean towardsTo = true;

    @Benchmark
    public void sync() {
        peer.sync(Dataset.SYNC_POST, towardsTo ? to : from);
        towardsTo = !towardsTo;
    }

    @Override
    protected void seed(Dataset data) {
        from = Dataset.syncFrom(n);
        to = Dataset.syncTo(n);
        data.tags(Dataset.tagsFor(n)).postTags(Dataset.SYNC_POST, 1, n);
    }

    @Override
    protected void check() {
        sync();
        require(to, tagsOf(Dataset.SYNC_POST), "the tags after a sync");
        sync();
        require(from, tagsOf(Dataset.SYNC_POST), "the tags after syncing back");
    }
}
