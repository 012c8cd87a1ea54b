package dev.quarry.bench;

import dev.quarry.bench.db.Dataset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;

/** Attach N tags to a post that has 1,000, then detach the same N: two operations, state restored (N = 100: the case). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AttachDetachBenchmark extends PeerState {
    @Param({"10", "100", "1000", "10000", "100000"})
    public int n;

    private List<Long> ids;

    @Benchmark
    public void attachThenDetach() {
        peer.attach(Dataset.ATTACH_POST, ids);
        peer.detach(Dataset.ATTACH_POST, ids);
    }

    @Override
    protected void seed(Dataset data) {
        ids = Dataset.attachIds(n);
        data.tags(Dataset.tagsFor(n)).postTags(Dataset.ATTACH_POST, 1, Dataset.BASE_TAGS);
    }

    @Override
    protected void check() {
        peer.attach(Dataset.ATTACH_POST, ids);
        require(Dataset.range(1, (long) Dataset.BASE_TAGS + n), tagsOf(Dataset.ATTACH_POST), "the tags after attach");
        peer.detach(Dataset.ATTACH_POST, ids);
        require(Dataset.range(1, Dataset.BASE_TAGS), tagsOf(Dataset.ATTACH_POST), "the tags after detach");
    }
}
