package dev.quarry.bench.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Runs the workloads through the JMH API, one JMH run per workload, and collects the measurements. */
public final class SuiteRunner {
    static final String ALLOCATION = "gc.alloc.rate.norm";

    private final RunMode mode;
    private final List<String> databases;
    private final List<String> impls;
    private final List<String> sizeOverride;

    public SuiteRunner(RunMode mode, List<String> databases, List<String> impls, List<String> sizeOverride) {
        this.mode = mode;
        this.databases = databases;
        this.impls = impls;
        this.sizeOverride = sizeOverride;
    }

    /**
     * Runs {@code workload} at every database, implementation and size; a failed combination is absent
     * from a timed run and fails a smoke run.
     */
    public List<Measurement> run(Workload workload) throws RunnerException {
        List<Measurement> measurements = new ArrayList<>();
        for (RunResult result : new Runner(options(workload).build()).run()) {
            measurements.add(measurement(workload, result));
        }
        return measurements;
    }

    private ChainedOptionsBuilder options(Workload workload) {
        ChainedOptionsBuilder options = mode.apply(new OptionsBuilder()
                .include("^" + Pattern.quote(workload.benchmark().getName()) + "\\.")
                .addProfiler(GCProfiler.class)
                .jvmArgsAppend("-Xmx4g", "-Duser.timezone=UTC", "-Duser.language=en")
                .shouldFailOnError(mode.failsOnError())
                .param("impl", impls.stream().filter(workload::supports).toArray(String[]::new)));
        if (workload.hasDatabaseParameter()) {
            options.param("db", databases.toArray(String[]::new));
        }
        if (workload.sizeParameter() != null) {
            List<String> sizes = sizeOverride.isEmpty() || !workload.isCostCurve() ? workload.sizes(mode) : sizeOverride;
            options.param(workload.sizeParameter(), sizes.toArray(String[]::new));
        }
        return options;
    }

    private static Measurement measurement(Workload workload, RunResult result) {
        var params = result.getParams();
        Result<?> primary = result.getPrimaryResult();
        Result<?> allocation = result.getSecondaryResults().get(ALLOCATION);
        String size = workload.sizeParameter() == null ? workload.fixedSize() : params.getParam(workload.sizeParameter());
        String db = workload.hasDatabaseParameter() ? params.getParam("db") : "hsqldb";
        return new Measurement(workload, db, size, params.getParam("impl"), primary.getScore(), primary.getScoreError(),
                primary.getScoreUnit(), allocation == null ? Double.NaN : allocation.getScore());
    }

    /** Every measurement of {@code workloads}, in order. */
    public List<Measurement> runAll(Collection<Workload> workloads) throws RunnerException {
        List<Measurement> all = new ArrayList<>();
        for (Workload workload : workloads) {
            all.addAll(run(workload));
        }
        return all;
    }
}
