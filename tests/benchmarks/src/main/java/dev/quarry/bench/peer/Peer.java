package dev.quarry.bench.peer;

import java.util.List;
import java.util.Map;

/**
 * One implementation of every workload: Quarry, the hand-written JDBI floor, or Hibernate. The
 * workload methods are what the benchmarks time; the {@code describe...} methods turn their results
 * into plain values, so that {@code EquivalenceTest} can check that every peer does the same work.
 */
public interface Peer extends AutoCloseable {
    /** Users {@code 1..lastUserId} in id order, each with its roles, fully materialised (one eager load). */
    List<?> usersWithRoles(long lastUserId);

    /** Loads user {@code userId} (not timed), ready for a lazy load of its roles. */
    LazyRoles prepareLazyRoles(long userId);

    /** Makes exactly {@code tagIds} the tags of {@code postId}. */
    void sync(long postId, List<Long> tagIds);

    /** Attaches {@code tagIds} (those not attached yet) to {@code postId}. */
    void attach(long postId, List<Long> tagIds);

    /** Detaches {@code tagIds} from {@code postId}. */
    void detach(long postId, List<Long> tagIds);

    /** Detaches those of {@code tagIds} that are attached to {@code postId} and attaches the others. */
    void toggle(long postId, List<Long> tagIds);

    /** Users {@code 1..lastUserId} in id order, each with its number of roles. */
    List<?> usersWithRoleCounts(long lastUserId);

    /** Users {@code 1..lastUserId} in id order that have a role named {@code roleName}. */
    List<?> usersHavingRole(long lastUserId, String roleName);

    /** Readings {@code 1..lastId} in id order, as entities. */
    List<?> readings(long lastId);

    /** Every reading, handed over {@code chunkSize} at a time and added up. */
    ReadingTotals chunkReadings(int chunkSize);

    /** Each user's id and role ids (ascending), from {@link #usersWithRoles}. */
    Map<Long, List<Long>> describeUsersWithRoles(List<?> users);

    /** The ids of roles from {@link LazyRoles#load}, ascending. */
    List<Long> describeRoles(List<?> roles);

    /** Each user's id and number of roles, from {@link #usersWithRoleCounts}. */
    Map<Long, Long> describeRoleCounts(List<?> users);

    /** The user ids, in order, from {@link #usersHavingRole}. */
    List<Long> describeUsers(List<?> users);

    /** The totals of readings from {@link #readings}. */
    ReadingTotals describeReadings(List<?> readings);

    @Override
    void close();

    /** A user loaded beforehand, whose roles {@link #load} reads lazily (once). */
    interface LazyRoles extends AutoCloseable {
        /** The timed part: the lazy load. */
        List<?> load();

        @Override
        void close();
    }
}
