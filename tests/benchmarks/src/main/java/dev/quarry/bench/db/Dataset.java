package dev.quarry.bench.db;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.jdbi.v3.core.Handle;

/**
 * The benchmark data and the rules that make it: which ids exist, which roles each user has, which
 * tags each write benchmark's post starts with. Every workload seeds only what it uses.
 *
 * <ul>
 *   <li>Users {@code 1..n}; roles {@code 1..100}; user {@code u} has the 10 roles
 *       {@code (7u + 10k) mod 100 + 1}, {@code k = 0..9}. So each role is held by a tenth of the users.</li>
 *   <li>Tags {@code 1..m}. The sync post starts with tags {@code 1..n} ({@link #syncFrom}) and is
 *       synced to {@link #syncTo}: a tenth removed, a tenth added. The attach post and the toggle
 *       post start with tags {@code 1..1000}.</li>
 *   <li>Readings {@code 1..r}: a sensor name, an amount, a time and a flag, all derived from the id.</li>
 * </ul>
 */
public final class Dataset {
    public static final int ROLES = 100;
    public static final int ROLES_PER_USER = 10;
    public static final long SYNC_POST = 1;
    public static final long ATTACH_POST = 2;
    public static final long TOGGLE_POST = 3;
    /** How many tags the attach and toggle posts start with. */
    public static final int BASE_TAGS = 1_000;
    /** The role {@code whereHas} looks for; held by the users whose id ends in 8. */
    public static final String WHERE_HAS_ROLE = roleName(7);

    private final BenchDatabase database;

    public Dataset(BenchDatabase database) {
        this.database = database;
    }

    /** Users {@code 1..count}, all roles, and each user's 10 roles. */
    public Dataset users(long count) {
        String integers = database.engine().integers(1, count);
        String roles = database.engine().integers(1, ROLES);
        String perUser = database.engine().integers(0, ROLES_PER_USER - 1).replace("s(i)", "k(i)");
        return run("INSERT INTO \"roles\" (\"id\", \"name\") SELECT s.i, 'role-' || CAST(s.i AS VARCHAR(20)) FROM " + roles,
                "INSERT INTO \"users\" (\"id\", \"email\", \"name\") SELECT s.i, 'user' || CAST(s.i AS VARCHAR(20))"
                        + " || '@example.com', 'User ' || CAST(s.i AS VARCHAR(20)) FROM " + integers,
                "INSERT INTO \"roles_users\" (\"userId\", \"roleId\") SELECT s.i, MOD(s.i * 7 + k.i * 10, " + ROLES
                        + ") + 1 FROM " + integers + ", " + perUser);
    }

    /** Tags {@code 1..count} and the three posts of the write benchmarks, without tags. */
    public Dataset tags(long count) {
        return run("INSERT INTO \"tags\" (\"id\", \"name\") SELECT s.i, 'tag-' || CAST(s.i AS VARCHAR(20)) FROM "
                        + database.engine().integers(1, count),
                "INSERT INTO \"posts\" (\"id\", \"title\") VALUES (" + SYNC_POST + ", 'sync'), (" + ATTACH_POST
                        + ", 'attach'), (" + TOGGLE_POST + ", 'toggle')");
    }

    /** How many tags the write benchmarks need for {@code n} related ids. */
    public static long tagsFor(int n) {
        return BASE_TAGS + 100L + n + n / 10;
    }

    /** Gives {@code post} exactly the tags {@code from..to}. */
    public Dataset postTags(long post, long from, long to) {
        return run("DELETE FROM \"posts_tags\" WHERE \"postId\" = " + post,
                "INSERT INTO \"posts_tags\" (\"postId\", \"tagId\") SELECT " + post + ", s.i FROM "
                        + database.engine().integers(from, to));
    }

    /** Readings {@code 1..count}. */
    public Dataset readings(long count) {
        return run("INSERT INTO \"readings\" (\"id\", \"sensor\", \"amount\", \"takenAt\", \"approved\")"
                + " SELECT s.i, 'sensor-' || CAST(MOD(s.i, 97) AS VARCHAR(20)), CAST(MOD(s.i * 31, 1000) AS INTEGER),"
                + " TIMESTAMP '2026-01-01 00:00:00' + CAST(s.i AS INTEGER) * INTERVAL '1' SECOND, CASE WHEN MOD(s.i, 3) = 0 THEN TRUE ELSE FALSE END FROM "
                + database.engine().integers(1, count));
    }

    /** The tag ids the sync post starts with for {@code n}: {@code 1..n}. */
    public static List<Long> syncFrom(int n) {
        return range(1, n);
    }

    /** The tag ids the sync post is synced to: the first tenth of {@link #syncFrom} removed, a tenth more added. */
    public static List<Long> syncTo(int n) {
        int tenth = Math.max(1, n / 10);
        return range(tenth + 1L, (long) n + tenth);
    }

    /** The {@code n} tag ids attached to (and detached from) the attach post: none of them attached before. */
    public static List<Long> attachIds(int n) {
        return range(BASE_TAGS + 1L, (long) BASE_TAGS + n);
    }

    /** 100 ids of which the first 50 are attached to the toggle post and the last 50 not (and back, next time). */
    public static List<Long> toggleIds() {
        return range(BASE_TAGS - 49L, BASE_TAGS + 50L);
    }

    /** The role ids of user {@code userId}, ascending. */
    public static List<Long> roleIdsOf(long userId) {
        List<Long> roles = new ArrayList<>();
        for (int k = 0; k < ROLES_PER_USER; k++) {
            roles.add((userId * 7 + k * 10L) % ROLES + 1);
        }
        roles.sort(null);
        return roles;
    }

    /** The name of role {@code id}. */
    public static String roleName(long id) {
        return "role-" + id;
    }

    /** The ids {@code from..to}. */
    public static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    private Dataset run(String... statements) {
        database.jdbi().useTransaction(handle -> execute(handle, statements));
        return this;
    }

    private static void execute(Handle handle, String... statements) {
        for (String statement : statements) {
            handle.execute(statement);
        }
    }
}
