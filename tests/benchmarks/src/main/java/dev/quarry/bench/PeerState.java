package dev.quarry.bench;

import dev.quarry.bench.db.BenchDatabase;
import dev.quarry.bench.db.Dataset;
import dev.quarry.bench.db.Engine;
import dev.quarry.bench.peer.Impl;
import dev.quarry.bench.peer.Peer;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What every workload benchmark shares: a fresh database of the {@code db} engine per trial, seeded
 * with what the workload uses, the {@code impl} peer on it, and a correctness check of that peer
 * at the benchmark's own size before anything is timed.
 */
@State(Scope.Benchmark)
public abstract class PeerState {
    @Param({"hsqldb", "postgresql"})
    public String db;

    @Param({"quarry", "jdbi", "hibernate", "quarryPooled"})
    public String impl;

    protected BenchDatabase database;
    protected Peer peer;

    @Setup(Level.Trial)
    public void openPeer() {
        database = BenchDatabase.create(Engine.named(db));
        seed(new Dataset(database));
        peer = Impl.named(impl).open(database);
        check();
    }

    @TearDown(Level.Trial)
    public void closePeer() {
        peer.close();
        database.close();
    }

    /** Writes the rows this workload reads or changes. */
    protected abstract void seed(Dataset data);

    /** Runs the workload once and fails the trial if the peer's result is not the expected one. */
    protected abstract void check();

    /** The tag ids of {@code post}, ascending, read without any peer. */
    protected List<Long> tagsOf(long post) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT \"tagId\" FROM \"posts_tags\" WHERE \"postId\" = ? ORDER BY \"tagId\"")
                .bind(0, post).mapTo(Long.class).list());
    }

    /** Fails the trial, naming the peer, unless {@code actual} equals {@code expected}. */
    protected void require(Object expected, Object actual, String what) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException(impl + " on " + db + " did not do the same work: " + what
                    + "\n  expected " + abbreviate(expected) + "\n  but got  " + abbreviate(actual));
        }
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
