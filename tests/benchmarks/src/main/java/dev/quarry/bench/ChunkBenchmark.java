package dev.quarry.bench;

import dev.quarry.bench.db.Dataset;
import dev.quarry.bench.peer.ReadingTotals;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;

/**
 * Chunk: every one of {@code rows} readings, 500 at a time, each added into totals. Memory must stay
 * flat: the report divides the GC profiler's bytes per operation by the rows.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ChunkBenchmark extends PeerState {
    static final int CHUNK_SIZE = 500;

    @Param({"1000000"})
    public int rows;

    @Benchmark
    public ReadingTotals chunk() {
        return peer.chunkReadings(CHUNK_SIZE);
    }

    @Override
    protected void seed(Dataset data) {
        data.readings(rows);
    }

    @Override
    protected void check() {
        require((long) rows, chunk().rows(), "the number of readings handed over");
    }
}
