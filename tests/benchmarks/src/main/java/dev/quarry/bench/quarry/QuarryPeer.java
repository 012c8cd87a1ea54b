package dev.quarry.bench.quarry;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.util.Modules;
import dev.quarry.Entities;
import dev.quarry.bench.db.BenchDatabase;
import dev.quarry.bench.peer.Peer;
import dev.quarry.bench.peer.ReadingTotals;
import dev.quarry.inject.QuarryModule;
import dev.quarry.internal.StatementDispatcher;
import dev.quarry.sql.StatementListener;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** The workloads written with Quarry as its docs show them. */
public final class QuarryPeer implements Peer {
    private final Entities entities;
    private final Map<Long, Post> posts = new HashMap<>();

    private QuarryPeer(Injector injector) {
        this.entities = injector.getInstance(Entities.class);
    }

    /** Quarry configured as the docs show: a JDBC URL, so a connection per statement outside a transaction. */
    public static QuarryPeer documented(BenchDatabase database, StatementListener... listeners) {
        return new QuarryPeer(Guice.createInjector(module(database, listeners)));
    }

    /**
     * Quarry on the benchmark's connection pool, bound over the documented module. Not a documented
     * configuration (Quarry has no pool setting yet): it shows what the missing pool costs.
     */
    public static QuarryPeer pooled(BenchDatabase database, StatementListener... listeners) {
        return new QuarryPeer(Guice.createInjector(Modules.override(module(database, listeners)).with(new PooledJdbi(database))));
    }

    private static Module module(BenchDatabase database, StatementListener... listeners) {
        QuarryModule.Builder builder = QuarryModule.builder().url(database.url());
        for (StatementListener listener : listeners) {
            builder.statementListener(listener);
        }
        return builder.build();
    }

    @Override
    public List<User> usersWithRoles(long lastUserId) {
        return entities.get(User.class).query().where("id", "<=", lastUserId).orderBy("id").with("roles").get();
    }

    @Override
    public LazyRoles prepareLazyRoles(long userId) {
        User user = entities.get(User.class).findOrFail(userId);
        return new LazyRoles() {
            @Override
            public List<Role> load() {
                return user.getRoles();
            }

            @Override
            public void close() {
                // nothing to release: a Quarry entity holds no connection
            }
        };
    }

    @Override
    public void sync(long postId, List<Long> tagIds) {
        post(postId).tags().sync(tagIds);
    }

    @Override
    public void attach(long postId, List<Long> tagIds) {
        post(postId).tags().attach(tagIds);
    }

    @Override
    public void detach(long postId, List<Long> tagIds) {
        post(postId).tags().detach(tagIds);
    }

    @Override
    public void toggle(long postId, List<Long> tagIds) {
        post(postId).tags().toggle(tagIds);
    }

    @Override
    public List<User> usersWithRoleCounts(long lastUserId) {
        return entities.get(User.class).query().where("id", "<=", lastUserId).orderBy("id").withCount("roles").get();
    }

    @Override
    public List<User> usersHavingRole(long lastUserId, String roleName) {
        return entities.get(User.class).query()
                .where("id", "<=", lastUserId)
                .whereHas("roles", role -> role.where("name", roleName))
                .orderBy("id")
                .get();
    }

    @Override
    public List<Reading> readings(long lastId) {
        return entities.get(Reading.class).query().where("id", "<=", lastId).orderBy("id").get();
    }

    @Override
    public ReadingTotals chunkReadings(int chunkSize) {
        ReadingTotals totals = new ReadingTotals();
        entities.get(Reading.class).query().chunk(chunkSize, chunk -> chunk.forEach(reading -> add(totals, reading)));
        return totals;
    }

    @Override
    public Map<Long, List<Long>> describeUsersWithRoles(List<?> users) {
        Map<Long, List<Long>> roles = new LinkedHashMap<>();
        users.stream().map(User.class::cast).forEach(user -> roles.put(user.getId(), describeRoles(user.getRoles())));
        return roles;
    }

    @Override
    public List<Long> describeRoles(List<?> roles) {
        return roles.stream().map(Role.class::cast).map(Role::getId).sorted().toList();
    }

    @Override
    public Map<Long, Long> describeRoleCounts(List<?> users) {
        Map<Long, Long> counts = new LinkedHashMap<>();
        users.stream().map(User.class::cast).forEach(user -> counts.put(user.getId(), user.relationCount("roles")));
        return counts;
    }

    @Override
    public List<Long> describeUsers(List<?> users) {
        return users.stream().map(User.class::cast).map(User::getId).toList();
    }

    @Override
    public ReadingTotals describeReadings(List<?> readings) {
        ReadingTotals totals = new ReadingTotals();
        readings.stream().map(Reading.class::cast).forEach(reading -> add(totals, reading));
        return totals;
    }

    @Override
    public void close() {
        posts.clear();
    }

    /** The post entity, read once: like the floor's post id, the parent is at hand before the write. */
    private Post post(long postId) {
        return posts.computeIfAbsent(postId, id -> entities.get(Post.class).findOrFail(id));
    }

    private static void add(ReadingTotals totals, Reading reading) {
        totals.add(reading.getId(), reading.getSensor(), reading.getAmount(), reading.getTakenAt(), reading.getApproved());
    }

    /** Binds Quarry's JDBI to the benchmark's pool, with Quarry's own statement listeners. */
    private static final class PooledJdbi extends AbstractModule {
        private final BenchDatabase database;

        PooledJdbi(BenchDatabase database) {
            this.database = database;
        }

        @Provides
        @Singleton
        Jdbi jdbi(Set<StatementListener> listeners) {
            Jdbi jdbi = Jdbi.create(database.pool());
            jdbi.setSqlLogger(new StatementDispatcher(List.copyOf(listeners)));
            return jdbi;
        }
    }
}
