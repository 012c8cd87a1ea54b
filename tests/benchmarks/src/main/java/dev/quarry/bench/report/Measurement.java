package dev.quarry.bench.report;

/**
 * One benchmark result: a workload at one size on one database by one implementation, its score
 * (average time per operation, with JMH's 99.9% error) and the bytes it allocated per operation.
 */
public record Measurement(Workload workload, String db, String size, String impl,
                          double score, double error, String unit, double allocatedBytesPerOp) {

    /** The row of the table this measurement belongs to. */
    public RowKey row() {
        return new RowKey(workload, db, size);
    }

    /** A row of the table: workload, database and size. */
    public record RowKey(Workload workload, String db, String size) {}
}
