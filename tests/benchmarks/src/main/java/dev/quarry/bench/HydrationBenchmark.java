package dev.quarry.bench;

import dev.quarry.bench.db.Dataset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** Hydration: 100,000 rows of five columns to entities (records for the floor) in one statement. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HydrationBenchmark extends PeerState {
    static final int ROWS = 100_000;

    @Benchmark
    public List<?> hydrate() {
        return peer.readings(ROWS);
    }

    @Override
    protected void seed(Dataset data) {
        data.readings(ROWS);
    }

    @Override
    protected void check() {
        require((long) ROWS, peer.describeReadings(hydrate()).rows(), "the number of readings");
    }
}
