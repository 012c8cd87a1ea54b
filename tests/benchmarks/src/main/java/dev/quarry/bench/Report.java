package dev.quarry.bench;

import dev.quarry.bench.report.MarkdownReport;
import dev.quarry.bench.report.Measurement;
import dev.quarry.bench.report.RunMode;
import dev.quarry.bench.report.SuiteRunner;
import dev.quarry.bench.report.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Runs the benchmark suite through the JMH API and writes the Markdown report (see
 * docs/performance.md). System properties: {@code bench.quick} / {@code bench.smoke} (the mode),
 * {@code bench.include} (a regex over workload names, e.g. {@code SYNC|EAGER_LOAD}),
 * {@code bench.dbs}, {@code bench.impls}, {@code bench.n} (sizes for the cost curves), and
 * {@code bench.report} (the output file).
 */
public final class Report {
    private Report() {}

    public static void main(String[] args) throws RunnerException, IOException {
        RunMode mode = RunMode.fromSystemProperties();
        Instant start = Instant.now();
        List<Workload> workloads = selectedWorkloads(System.getProperty("bench.include", ".*"));
        SuiteRunner runner = new SuiteRunner(mode, list("bench.dbs", "hsqldb,postgresql"),
                list("bench.impls", "quarry,jdbi,hibernate,quarryPooled"), list("bench.n", ""));
        List<Measurement> measurements = runner.runAll(workloads);
        String report = render(mode, measurements, Duration.between(start, Instant.now()));
        Path file = Path.of(System.getProperty("bench.report", "target/benchmark-report.md"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, report);
        System.out.println(report);
        System.out.println("Written to " + file.toAbsolutePath());
    }

    private static List<Workload> selectedWorkloads(String include) {
        Pattern pattern = Pattern.compile(include, Pattern.CASE_INSENSITIVE);
        return Arrays.stream(Workload.values())
                .filter(w -> pattern.matcher(w.name()).matches() || pattern.matcher(w.benchmark().getSimpleName()).matches())
                .toList();
    }

    private static String render(RunMode mode, List<Measurement> measurements, Duration took) {
        MarkdownReport report = new MarkdownReport(measurements);
        return "# Benchmark report\n\n"
                + "Mode " + mode.describe() + ". Ran " + measurements.size() + " benchmarks in " + took.toMinutes() + " min on "
                + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + ". Ratios compare within this run only.\n\n"
                + report.resultsTable() + "\n## Cost curves\n\n" + report.costCurveTable();
    }

    private static List<String> list(String property, String defaults) {
        String value = System.getProperty(property, defaults).trim();
        return value.isEmpty() ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).toList();
    }
}
