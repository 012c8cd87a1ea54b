package dev.quarry.bench.peer;

import dev.quarry.bench.db.BenchDatabase;
import dev.quarry.bench.hibernate.HibernatePeer;
import dev.quarry.bench.jdbi.JdbiPeer;
import dev.quarry.bench.quarry.QuarryPeer;

/** The implementations compared, by the names used in JMH parameters and in the report. */
public enum Impl {
    /** Quarry as its docs show it (a JDBC URL, no pool). */
    QUARRY("quarry"),
    /** Quarry over the same pool as the floor: not documented, it isolates what the missing pool costs. */
    QUARRY_POOLED("quarryPooled"),
    /** The floor: hand-written SQL through JDBI on the pool. */
    JDBI("jdbi"),
    /** Hibernate ORM on the pool. */
    HIBERNATE("hibernate");

    private final String label;

    Impl(String label) {
        this.label = label;
    }

    /** The implementation for a JMH parameter value such as {@code quarryPooled}. */
    public static Impl named(String label) {
        for (Impl impl : values()) {
            if (impl.label.equals(label)) {
                return impl;
            }
        }
        throw new IllegalArgumentException("No implementation named " + label);
    }

    public String label() {
        return label;
    }

    /** This implementation's peer on {@code database}. */
    public Peer open(BenchDatabase database) {
        return switch (this) {
            case QUARRY -> QuarryPeer.documented(database);
            case QUARRY_POOLED -> QuarryPeer.pooled(database);
            case JDBI -> new JdbiPeer(database);
            case HIBERNATE -> new HibernatePeer(database);
        };
    }
}
