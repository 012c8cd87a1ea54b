package dev.quarry.bench.jdbi;

import dev.quarry.bench.db.BenchDatabase;
import dev.quarry.bench.jdbi.Rows.ReadingRow;
import dev.quarry.bench.jdbi.Rows.RoleRow;
import dev.quarry.bench.jdbi.Rows.UserRow;
import dev.quarry.bench.jdbi.Rows.UserWithRoleCount;
import dev.quarry.bench.jdbi.Rows.UserWithRoles;
import dev.quarry.bench.peer.Peer;
import dev.quarry.bench.peer.ReadingTotals;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The floor: hand-written best-practice SQL through JDBI 3 on the pooled connections. One join for
 * an eager load; for a write one transaction with at most one SELECT, one JDBC batch of per-row
 * DELETEs and one of per-row INSERTs; hand-written row mappers (column indexes, no reflection).
 */
public final class JdbiPeer implements Peer {
    /** Ids per IN list: below both databases' bind limits (HSQLDB 32,767; PostgreSQL 65,535). */
    private static final int IN_LIST_CHUNK = 10_000;
    private static final String USERS_WITH_ROLES = """
            SELECT u."id", u."email", u."name", r."id", r."name" FROM "users" u
            LEFT JOIN "roles_users" ru ON ru."userId" = u."id" LEFT JOIN "roles" r ON r."id" = ru."roleId"
            WHERE u."id" <= ? ORDER BY u."id\"""";
    private static final String ROLES_OF_USER = """
            SELECT r."id", r."name" FROM "roles" r JOIN "roles_users" ru ON ru."roleId" = r."id" WHERE ru."userId" = ?""";
    private static final String USERS_WITH_ROLE_COUNTS = """
            SELECT u."id", u."email", u."name",
              (SELECT COUNT(*) FROM "roles_users" ru WHERE ru."userId" = u."id") FROM "users" u
            WHERE u."id" <= ? ORDER BY u."id\"""";
    private static final String USERS_HAVING_ROLE = """
            SELECT u."id", u."email", u."name" FROM "users" u WHERE u."id" <= ? AND EXISTS (
              SELECT 1 FROM "roles_users" ru JOIN "roles" r ON r."id" = ru."roleId" WHERE ru."userId" = u."id" AND r."name" = ?)
            ORDER BY u."id\"""";
    private static final String READINGS = """
            SELECT "id", "sensor", "amount", "takenAt", "approved" FROM "readings" WHERE "id" <= ? ORDER BY "id\"""";
    private static final String READINGS_PAGE = """
            SELECT "id", "sensor", "amount", "takenAt", "approved" FROM "readings" WHERE "id" > ? ORDER BY "id"
            FETCH FIRST ? ROWS ONLY""";
    private static final String TAGS_OF_POST = "SELECT \"tagId\" FROM \"posts_tags\" WHERE \"postId\" = ?";
    private static final String TAGS_OF_POST_AMONG =
            "SELECT \"tagId\" FROM \"posts_tags\" WHERE \"postId\" = :post AND \"tagId\" IN (<ids>)";
    private static final String DELETE_TAG = "DELETE FROM \"posts_tags\" WHERE \"postId\" = ? AND \"tagId\" = ?";
    private static final String INSERT_TAG = "INSERT INTO \"posts_tags\" (\"postId\", \"tagId\") VALUES (?, ?)";

    private final Jdbi jdbi;

    public JdbiPeer(BenchDatabase database) {
        this.jdbi = Jdbi.create(database.pool());
    }

    @Override
    public List<UserWithRoles> usersWithRoles(long lastUserId) {
        return jdbi.withHandle(handle -> handle.createQuery(USERS_WITH_ROLES).bind(0, lastUserId)
                .scanResultSet((results, context) -> usersWithRoles(results.get())));
    }

    @Override
    public LazyRoles prepareLazyRoles(long userId) {
        return new LazyRoles() {
            @Override
            public List<RoleRow> load() {
                return jdbi.withHandle(handle -> handle.createQuery(ROLES_OF_USER).bind(0, userId).map(JdbiPeer::role).list());
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
    }

    @Override
    public void sync(long postId, List<Long> tagIds) {
        jdbi.useTransaction(handle -> {
            Set<Long> current = new HashSet<>(handle.createQuery(TAGS_OF_POST).bind(0, postId).mapTo(Long.class).list());
            Set<Long> wanted = new HashSet<>(tagIds);
            deleteTags(handle, postId, current.stream().filter(id -> !wanted.contains(id)).toList());
            insertTags(handle, postId, wanted.stream().filter(id -> !current.contains(id)).toList());
        });
    }

    @Override
    public void attach(long postId, List<Long> tagIds) {
        jdbi.useTransaction(handle -> {
            Set<Long> attached = attachedAmong(handle, postId, tagIds);
            insertTags(handle, postId, tagIds.stream().filter(id -> !attached.contains(id)).toList());
        });
    }

    @Override
    public void detach(long postId, List<Long> tagIds) {
        jdbi.useTransaction(handle -> deleteTags(handle, postId, tagIds));
    }

    @Override
    public void toggle(long postId, List<Long> tagIds) {
        jdbi.useTransaction(handle -> {
            Set<Long> attached = attachedAmong(handle, postId, tagIds);
            deleteTags(handle, postId, List.copyOf(attached));
            insertTags(handle, postId, tagIds.stream().filter(id -> !attached.contains(id)).toList());
        });
    }

    @Override
    public List<UserWithRoleCount> usersWithRoleCounts(long lastUserId) {
        return jdbi.withHandle(handle -> handle.createQuery(USERS_WITH_ROLE_COUNTS).bind(0, lastUserId)
                .map((rs, context) -> new UserWithRoleCount(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list());
    }

    @Override
    public List<UserRow> usersHavingRole(long lastUserId, String roleName) {
        return jdbi.withHandle(handle -> handle.createQuery(USERS_HAVING_ROLE).bind(0, lastUserId).bind(1, roleName)
                .map((rs, context) -> new UserRow(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list());
    }

    @Override
    public List<ReadingRow> readings(long lastId) {
        return jdbi.withHandle(handle -> handle.createQuery(READINGS).bind(0, lastId).map(JdbiPeer::reading).list());
    }

    @Override
    public ReadingTotals chunkReadings(int chunkSize) {
        ReadingTotals totals = new ReadingTotals();
        jdbi.useHandle(handle -> {
            long after = 0;
            List<ReadingRow> page;
            do {
                page = handle.createQuery(READINGS_PAGE).bind(0, after).bind(1, chunkSize).map(JdbiPeer::reading).list();
                page.forEach(reading -> add(totals, reading));
                after = page.isEmpty() ? after : page.get(page.size() - 1).id();
            } while (page.size() == chunkSize);
        });
        return totals;
    }

    @Override
    public Map<Long, List<Long>> describeUsersWithRoles(List<?> users) {
        Map<Long, List<Long>> roles = new LinkedHashMap<>();
        users.stream().map(UserWithRoles.class::cast).forEach(user -> roles.put(user.id(), describeRoles(user.roles())));
        return roles;
    }

    @Override
    public List<Long> describeRoles(List<?> roles) {
        return roles.stream().map(RoleRow.class::cast).map(RoleRow::id).sorted().toList();
    }

    @Override
    public Map<Long, Long> describeRoleCounts(List<?> users) {
        Map<Long, Long> counts = new LinkedHashMap<>();
        users.stream().map(UserWithRoleCount.class::cast).forEach(user -> counts.put(user.id(), user.rolesCount()));
        return counts;
    }

    @Override
    public List<Long> describeUsers(List<?> users) {
        return users.stream().map(UserRow.class::cast).map(UserRow::id).toList();
    }

    @Override
    public ReadingTotals describeReadings(List<?> readings) {
        ReadingTotals totals = new ReadingTotals();
        readings.stream().map(ReadingRow.class::cast).forEach(reading -> add(totals, reading));
        return totals;
    }

    @Override
    public void close() {
        // the pool belongs to the BenchDatabase
    }

    private static List<UserWithRoles> usersWithRoles(ResultSet rs) throws SQLException {
        List<UserWithRoles> users = new ArrayList<>();
        UserWithRoles user = null;
        while (rs.next()) {
            long id = rs.getLong(1);
            if (user == null || user.id() != id) {
                user = new UserWithRoles(id, rs.getString(2), rs.getString(3), new ArrayList<>());
                users.add(user);
            }
            long roleId = rs.getLong(4);
            if (!rs.wasNull()) {
                user.roles().add(new RoleRow(roleId, rs.getString(5)));
            }
        }
        return users;
    }

    private static Set<Long> attachedAmong(Handle handle, long postId, List<Long> tagIds) {
        Set<Long> attached = new HashSet<>();
        for (int from = 0; from < tagIds.size(); from += IN_LIST_CHUNK) {
            List<Long> chunk = tagIds.subList(from, Math.min(tagIds.size(), from + IN_LIST_CHUNK));
            attached.addAll(handle.createQuery(TAGS_OF_POST_AMONG).bind("post", postId).bindList("ids", chunk)
                    .mapTo(Long.class).list());
        }
        return attached;
    }

    private static void deleteTags(Handle handle, long postId, List<Long> tagIds) {
        batch(handle, DELETE_TAG, postId, tagIds);
    }

    private static void insertTags(Handle handle, long postId, List<Long> tagIds) {
        batch(handle, INSERT_TAG, postId, tagIds);
    }

    private static void batch(Handle handle, String sql, long postId, List<Long> tagIds) {
        if (tagIds.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch(sql);
        for (Long tagId : tagIds) {
            batch.bind(0, postId).bind(1, tagId).add();
        }
        batch.execute();
    }

    private static RoleRow role(ResultSet rs, StatementContext context) throws SQLException {
        return new RoleRow(rs.getLong(1), rs.getString(2));
    }

    private static ReadingRow reading(ResultSet rs, StatementContext context) throws SQLException {
        return new ReadingRow(rs.getLong(1), rs.getString(2), rs.getInt(3),
                rs.getObject(4, java.time.LocalDateTime.class), rs.getBoolean(5));
    }

    private static void add(ReadingTotals totals, ReadingRow reading) {
        totals.add(reading.id(), reading.sensor(), reading.amount(), reading.takenAt(), reading.approved());
    }
}
