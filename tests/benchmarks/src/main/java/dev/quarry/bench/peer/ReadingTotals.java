package dev.quarry.bench.peer;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Sums over readings that touch every attribute, so that a peer cannot skip reading one: how the
 * chunk benchmark consumes its rows, and how the checks compare hydrated readings.
 */
public final class ReadingTotals {
    private long rows;
    private long idSum;
    private long amountSum;
    private long approved;
    private long sensorLengths;
    private long takenAtSeconds;

    /** Adds one reading. */
    public void add(long id, String sensor, int amount, LocalDateTime takenAt, boolean isApproved) {
        rows++;
        idSum += id;
        amountSum += amount;
        approved += isApproved ? 1 : 0;
        sensorLengths += sensor.length();
        takenAtSeconds += takenAt.toEpochSecond(ZoneOffset.UTC);
    }

    public long rows() {
        return rows;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReadingTotals that && rows == that.rows && idSum == that.idSum
                && amountSum == that.amountSum && approved == that.approved
                && sensorLengths == that.sensorLengths && takenAtSeconds == that.takenAtSeconds;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(rows * 31 + idSum * 17 + amountSum);
    }

    @Override
    public String toString() {
        return "ReadingTotals[rows=" + rows + ", idSum=" + idSum + ", amountSum=" + amountSum + ", approved=" + approved
                + ", sensorLengths=" + sensorLengths + ", takenAtSeconds=" + takenAtSeconds + "]";
    }
}
