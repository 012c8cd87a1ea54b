package dev.quarry.bench.report;

import dev.quarry.bench.AttachDetachBenchmark;
import dev.quarry.bench.ChunkBenchmark;
import dev.quarry.bench.EagerLoadBenchmark;
import dev.quarry.bench.HydrationBenchmark;
import dev.quarry.bench.LazyLoadBenchmark;
import dev.quarry.bench.StartupBenchmark;
import dev.quarry.bench.SyncBenchmark;
import dev.quarry.bench.ToggleBenchmark;
import dev.quarry.bench.WhereHasBenchmark;
import dev.quarry.bench.WithCountBenchmark;
import java.util.List;

/**
 * The workloads of the report, in its order: which benchmark class, how the table names it, and
 * which sizes it runs at. A cost curve's size is the JMH parameter {@code n} (or {@code rows}).
 */
@SuppressWarnings("ImmutableEnumChecker") // the size lists are List.of(...), which cannot be modified
public enum Workload {
    EAGER_LOAD(EagerLoadBenchmark.class, "eager load (N/10 users x 10 roles)", "n",
            List.of("100", "1000", "10000"), List.of("10", "100", "1000", "10000", "100000")),
    LAZY_LOAD(LazyLoadBenchmark.class, "lazy load, roles of one user", "10"),
    SYNC(SyncBenchmark.class, "sync N related: N/10 out, N/10 in", "n",
            List.of("10", "100", "1000"), List.of("10", "100", "1000", "10000", "100000")),
    ATTACH_DETACH(AttachDetachBenchmark.class, "attach N then detach N", "n",
            List.of("10", "100", "1000"), List.of("10", "100", "1000", "10000", "100000")),
    TOGGLE(ToggleBenchmark.class, "toggle 100 (half attached)", "100"),
    WITH_COUNT(WithCountBenchmark.class, "withCount over 1,000 users", "1000"),
    WHERE_HAS(WhereHasBenchmark.class, "whereHas over 1,000 users", "1000"),
    HYDRATION(HydrationBenchmark.class, "hydration to entities", "100000"),
    CHUNK(ChunkBenchmark.class, "chunk(500) over N rows", "rows",
            List.of("1000000"), List.of("1000000")),
    STARTUP(StartupBenchmark.class, "start-up: injector, 200 entities", "200");

    private final Class<?> benchmark;
    private final String label;
    private final String sizeParameter;
    private final String fixedSize;
    private final List<String> quickSizes;
    private final List<String> fullSizes;

    Workload(Class<?> benchmark, String label, String fixedSize) {
        this(benchmark, label, null, fixedSize, List.of(), List.of());
    }

    Workload(Class<?> benchmark, String label, String sizeParameter, List<String> quickSizes, List<String> fullSizes) {
        this(benchmark, label, sizeParameter, null, quickSizes, fullSizes);
    }

    Workload(Class<?> benchmark, String label, String sizeParameter, String fixedSize,
             List<String> quickSizes, List<String> fullSizes) {
        this.benchmark = benchmark;
        this.label = label;
        this.sizeParameter = sizeParameter;
        this.fixedSize = fixedSize;
        this.quickSizes = quickSizes;
        this.fullSizes = fullSizes;
    }

    public Class<?> benchmark() {
        return benchmark;
    }

    public String label() {
        return label;
    }

    /** The JMH parameter holding the size, or null if the size is fixed. */
    public String sizeParameter() {
        return sizeParameter;
    }

    /** The size reported for a workload without a size parameter. */
    public String fixedSize() {
        return fixedSize;
    }

    /** True for the workloads whose cost curve the report shows (sizes 10x apart). */
    public boolean isCostCurve() {
        return sizeParameter != null && fullSizes.size() > 1;
    }

    /** The sizes to run in this mode. */
    public List<String> sizes(RunMode mode) {
        return switch (mode) {
            case SMOKE -> this == CHUNK ? List.of("10000") : quickSizes.subList(0, Math.min(1, quickSizes.size()));
            case QUICK -> quickSizes;
            case FULL -> fullSizes;
        };
    }

    /** True if this workload runs on both databases (start-up needs none to speak of). */
    public boolean hasDatabaseParameter() {
        return this != STARTUP;
    }

    /** The implementations this workload has (the floor has no start-up to measure). */
    public boolean supports(String impl) {
        return this != STARTUP || impl.equals("quarry") || impl.equals("hibernate");
    }
}
