package dev.quarry.bench.report;

import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** How long the suite runs: full (for published numbers), quick (indicative), smoke (does it still run). */
public enum RunMode {
    /** 2 forks, 6 x 3 s warm-up (steady on HSQLDB, see shared notes), 5 x 3 s measured, every size. */
    FULL(2, 6, 3_000, 5, 3_000),
    /** 1 fork, 1 x 1 s warm-up, 2 x 1 s measured, sizes up to 1,000 (eager load: 10,000 related ids). */
    QUICK(1, 1, 1_000, 2, 1_000),
    /** 1 fork, no warm-up, one 100 ms iteration at the smallest size: every benchmark and its check run once. */
    SMOKE(1, 0, 100, 1, 100);

    private final int forks;
    private final int warmups;
    private final long warmupMillis;
    private final int measurements;
    private final long measurementMillis;

    RunMode(int forks, int warmups, long warmupMillis, int measurements, long measurementMillis) {
        this.forks = forks;
        this.warmups = warmups;
        this.warmupMillis = warmupMillis;
        this.measurements = measurements;
        this.measurementMillis = measurementMillis;
    }

    /** The mode the system properties {@code bench.smoke} and {@code bench.quick} ask for; full otherwise. */
    public static RunMode fromSystemProperties() {
        if (Boolean.getBoolean("bench.smoke")) {
            return SMOKE;
        }
        return Boolean.getBoolean("bench.quick") ? QUICK : FULL;
    }

    /** Applies this mode's forks and iterations. */
    public ChainedOptionsBuilder apply(ChainedOptionsBuilder options) {
        return options.forks(forks)
                .warmupIterations(warmups).warmupTime(TimeValue.milliseconds(warmupMillis))
                .measurementIterations(measurements).measurementTime(TimeValue.milliseconds(measurementMillis))
                .timeout(TimeValue.minutes(10));
    }

    /**
     * True if a benchmark that fails (its correctness check, or the run) must fail the whole run: in
     * smoke mode, which CI runs to prove every benchmark still works. Timed runs skip a failed
     * combination instead, so that one failure does not throw away an hour of measurements.
     */
    public boolean failsOnError() {
        return this == SMOKE;
    }

    /** A one-line description for the report's header. */
    public String describe() {
        return name().toLowerCase(java.util.Locale.ROOT) + ": " + forks + " fork(s), " + warmups + " x " + warmupMillis
                + " ms warm-up, " + measurements + " x " + measurementMillis + " ms measured, GC profiler on";
    }
}
