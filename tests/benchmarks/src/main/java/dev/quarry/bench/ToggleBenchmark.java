package dev.quarry.bench;

import dev.quarry.bench.db.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** Toggle 100 ids of which half are attached (to a post with 1,000 tags); the next toggle swaps them back. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ToggleBenchmark extends PeerState {
    private final List<Long> ids = Dataset.toggleIds();

    @Benchmark
    public void toggle() {
        peer.toggle(Dataset.TOGGLE_POST, ids);
    }

    @Override
    protected void seed(Dataset data) {
        data.tags(Dataset.tagsFor(ids.size())).postTags(Dataset.TOGGLE_POST, 1, Dataset.BASE_TAGS);
    }

    @Override
    protected void check() {
        List<Long> swapped = new ArrayList<>(Dataset.range(1, Dataset.BASE_TAGS - 50L));
        swapped.addAll(Dataset.range(Dataset.BASE_TAGS + 1L, Dataset.BASE_TAGS + 50L));
        toggle();
        require(swapped, tagsOf(Dataset.TOGGLE_POST), "the tags after a toggle");
        toggle();
        require(Dataset.range(1, Dataset.BASE_TAGS), tagsOf(Dataset.TOGGLE_POST), "the tags after toggling back");
    }
}
