package dev.quarry.bench.report;

import dev.quarry.bench.report.Measurement.RowKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Renders measurements as the Markdown tables of docs/performance.md. */
public final class MarkdownReport {
    private static final String QUARRY = "quarry";
    private static final String POOLED = "quarryPooled";
    private static final String JDBI = "jdbi";
    private static final String HIBERNATE = "hibernate";
    private static final List<String> IMPLS = List.of(QUARRY, POOLED, JDBI, HIBERNATE);

    private final Map<RowKey, Map<String, Measurement>> rows = new LinkedHashMap<>();

    public MarkdownReport(List<Measurement> measurements) {
        measurements.stream()
                .sorted(Comparator.comparing(Measurement::workload)
                        .thenComparing(Measurement::db).thenComparingLong(m -> Long.parseLong(m.size())))
                .forEach(m -> rows.computeIfAbsent(m.row(), key -> new LinkedHashMap<>()).put(m.impl(), m));
    }

    /** The results table: one row per workload, database and size. */
    public String resultsTable() {
        StringBuilder table = new StringBuilder()
                .append("| workload | db | N | Quarry | Quarry pooled | JDBI (floor) | Hibernate | Quarry/JDBI | pooled/JDBI"
                        + " | Hibernate/Quarry | alloc Quarry | alloc pooled | alloc JDBI | alloc Hibernate | alloc Quarry/JDBI |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        rows.forEach((key, byImpl) -> table.append(resultRow(key, byImpl)));
        return table.toString();
    }

    /** The cost curves: time per size for each implementation, and the worst growth per 10x size. */
    public String costCurveTable() {
        List<String> sizes = rows.keySet().stream().filter(k -> k.workload().isCostCurve()).map(RowKey::size).distinct()
                .sorted(Comparator.comparingLong(Long::parseLong)).toList();
        StringBuilder table = new StringBuilder("| workload | db | impl |");
        sizes.forEach(size -> table.append(" N=").append(size).append(" |"));
        table.append(" worst growth per 10x N |\n|---|---|---|").append("---:|".repeat(sizes.size() + 1)).append('\n');
        curves().forEach((curve, bySize) -> table.append(curveRow(curve, bySize, sizes)));
        return table.toString();
    }

    private String resultRow(RowKey key, Map<String, Measurement> byImpl) {
        List<String> cells = new ArrayList<>(List.of(key.workload().label(), key.db(), String.format(Locale.ROOT, "%,d", Long.parseLong(key.size()))));
        IMPLS.forEach(impl -> cells.add(score(byImpl.get(impl))));
        cells.add(ratio(byImpl.get(QUARRY), byImpl.get(JDBI)));
        cells.add(ratio(byImpl.get(POOLED), byImpl.get(JDBI)));
        cells.add(ratio(byImpl.get(HIBERNATE), byImpl.get(QUARRY)));
        IMPLS.forEach(impl -> cells.add(allocation(byImpl.get(impl), key)));
        cells.add(allocationRatio(byImpl.get(QUARRY), byImpl.get(JDBI)));
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private Map<List<String>, Map<String, Measurement>> curves() {
        Map<List<String>, Map<String, Measurement>> curves = new LinkedHashMap<>();
        rows.forEach((key, byImpl) -> {
            if (key.workload().isCostCurve()) {
                byImpl.values().stream().sorted(Comparator.comparingInt(m -> IMPLS.indexOf(m.impl())))
                        .forEach(m -> curves.computeIfAbsent(List.of(key.workload().label(), key.db(), m.impl()),
                                k -> new LinkedHashMap<>()).put(key.size(), m));
            }
        });
        return curves.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<List<String>, Map<String, Measurement>> e) -> e.getKey().get(0))
                        .thenComparing(e -> e.getKey().get(1)).thenComparing(e -> IMPLS.indexOf(e.getKey().get(2))))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    private static String curveRow(List<String> curve, Map<String, Measurement> bySize, List<String> sizes) {
        StringBuilder row = new StringBuilder("| ").append(String.join(" | ", curve)).append(" |");
        sizes.forEach(size -> row.append(' ').append(Optional.ofNullable(bySize.get(size))
                .map(m -> number(m.score()) + " " + m.unit()).orElse("")).append(" |"));
        return row.append(' ').append(worstGrowth(bySize, sizes)).append(" |\n").toString();
    }

    /** The largest time ratio between neighbouring sizes (which are 10x apart); the target is at most 12. */
    private static String worstGrowth(Map<String, Measurement> bySize, List<String> sizes) {
        double worst = Double.NaN;
        for (int i = 1; i < sizes.size(); i++) {
            Measurement smaller = bySize.get(sizes.get(i - 1));
            Measurement larger = bySize.get(sizes.get(i));
            if (smaller != null && larger != null) {
                double growth = larger.score() / smaller.score();
                worst = Double.isNaN(worst) ? growth : Math.max(worst, growth);
            }
        }
        return Double.isNaN(worst) ? "" : String.format(Locale.ROOT, "%.1fx", worst);
    }

    private static String score(Measurement m) {
        if (m == null) {
            return "—";
        }
        String error = Double.isNaN(m.error()) ? "" : " ± " + number(m.error());
        return number(m.score()) + error + " " + m.unit();
    }

    private static String ratio(Measurement numerator, Measurement denominator) {
        return numerator == null || denominator == null ? "—"
                : String.format(Locale.ROOT, "%.2f", numerator.score() / denominator.score());
    }

    private static String allocationRatio(Measurement numerator, Measurement denominator) {
        return numerator == null || denominator == null ? "—"
                : String.format(Locale.ROOT, "%.2f", numerator.allocatedBytesPerOp() / denominator.allocatedBytesPerOp());
    }

    /** Bytes per operation; for the row-reading workloads also per row. */
    private static String allocation(Measurement m, RowKey key) {
        if (m == null || Double.isNaN(m.allocatedBytesPerOp())) {
            return "—";
        }
        String perOp = bytes(m.allocatedBytesPerOp());
        boolean perRow = key.workload() == Workload.CHUNK || key.workload() == Workload.HYDRATION;
        return perRow ? perOp + " (" + bytes(m.allocatedBytesPerOp() / Long.parseLong(key.size())) + "/row)" : perOp;
    }

    private static String bytes(double bytes) {
        String[] units = {"B", "KB", "MB", "GB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, unit == 0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    }

    private static String number(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.3f", value);
    }
}
