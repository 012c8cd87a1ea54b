package dev.quarry.bench.hibernate;

import dev.quarry.bench.db.BenchDatabase;
import dev.quarry.bench.peer.Peer;
import dev.quarry.bench.peer.ReadingTotals;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * The workloads in idiomatic Hibernate ORM: a session per unit of work, {@code join fetch} for eager
 * loads, read-only sessions for reads, collection changes on managed entities for pivot writes
 * (flushed in JDBC batches), keyset pages with {@code clear()} for chunks.
 */
public final class HibernatePeer implements Peer {
    private static final String POST_WITH_TAGS = "select p from Post p left join fetch p.tags where p.id = :id";

    private final SessionFactory sessionFactory;

    public HibernatePeer(BenchDatabase database) {
        this.sessionFactory = HibernateBoot.sessionFactory(database.pool(), List.of(
                HibernateUser.class, HibernateRole.class, HibernatePost.class, HibernateTag.class, HibernateReading.class));
    }

    @Override
    public List<HibernateUser> usersWithRoles(long lastUserId) {
        return sessionFactory.fromSession(session -> {
            session.setDefaultReadOnly(true);
            return session.createSelectionQuery(
                            "select u from User u left join fetch u.roles where u.id <= :last order by u.id", HibernateUser.class)
                    .setParameter("last", lastUserId)
                    .getResultList();
        });
    }

    @Override
    public LazyRoles prepareLazyRoles(long userId) {
        Session session = sessionFactory.openSession();
        session.setDefaultReadOnly(true);
        HibernateUser user = session.find(HibernateUser.class, userId);
        return new LazyRoles() {
            @Override
            public List<HibernateRole> load() {
                Hibernate.initialize(user.getRoles());
                return List.copyOf(user.getRoles());
            }

            @Override
            public void close() {
                session.close();
            }
        };
    }

    @Override
    public void sync(long postId, List<Long> tagIds) {
        sessionFactory.inTransaction(session -> {
            HibernatePost post = postWithTags(session, postId);
            Set<Long> wanted = new HashSet<>(tagIds);
            post.getTags().removeIf(tag -> !wanted.contains(tag.getId()));
            addTags(session, post, wanted);
        });
    }

    @Override
    public void attach(long postId, List<Long> tagIds) {
        sessionFactory.inTransaction(session -> addTags(session, postWithTags(session, postId), tagIds));
    }

    @Override
    public void detach(long postId, List<Long> tagIds) {
        Set<Long> unwanted = new HashSet<>(tagIds);
        sessionFactory.inTransaction(session -> postWithTags(session, postId).getTags().removeIf(tag -> unwanted.contains(tag.getId())));
    }

    @Override
    public void toggle(long postId, List<Long> tagIds) {
        Set<Long> toggled = new HashSet<>(tagIds);
        sessionFactory.inTransaction(session -> {
            HibernatePost post = postWithTags(session, postId);
            Set<Long> attached = new HashSet<>();
            post.getTags().removeIf(tag -> toggled.contains(tag.getId()) && attached.add(tag.getId()));
            toggled.removeAll(attached);
            addTags(session, post, toggled);
        });
    }

    @Override
    public List<Object[]> usersWithRoleCounts(long lastUserId) {
        return sessionFactory.fromSession(session -> {
            session.setDefaultReadOnly(true);
            return session.createSelectionQuery(
                            "select u, size(u.roles) from User u where u.id <= :last order by u.id", Object[].class)
                    .setParameter("last", lastUserId)
                    .getResultList();
        });
    }

    @Override
    public List<HibernateUser> usersHavingRole(long lastUserId, String roleName) {
        return sessionFactory.fromSession(session -> {
            session.setDefaultReadOnly(true);
            return session.createSelectionQuery("select u from User u where u.id <= :last"
                            + " and exists (select 1 from u.roles r where r.name = :name) order by u.id", HibernateUser.class)
                    .setParameter("last", lastUserId)
                    .setParameter("name", roleName)
                    .getResultList();
        });
    }

    @Override
    public List<HibernateReading> readings(long lastId) {
        return sessionFactory.fromSession(session -> {
            session.setDefaultReadOnly(true);
            return session.createSelectionQuery("select r from Reading r where r.id <= :last order by r.id", HibernateReading.class)
                    .setParameter("last", lastId)
                    .getResultList();
        });
    }

    @Override
    public ReadingTotals chunkReadings(int chunkSize) {
        ReadingTotals totals = new ReadingTotals();
        sessionFactory.inSession(session -> {
            session.setDefaultReadOnly(true);
            long after = 0;
            List<HibernateReading> page;
            do {
                page = session.createSelectionQuery("select r from Reading r where r.id > :after order by r.id", HibernateReading.class)
                        .setParameter("after", after)
                        .setMaxResults(chunkSize)
                        .getResultList();
                page.forEach(reading -> add(totals, reading));
                after = page.isEmpty() ? after : page.get(page.size() - 1).getId();
                session.clear();
            } while (page.size() == chunkSize);
        });
        return totals;
    }

    @Override
    public Map<Long, List<Long>> describeUsersWithRoles(List<?> users) {
        Map<Long, List<Long>> roles = new LinkedHashMap<>();
        users.stream().map(HibernateUser.class::cast)
                .forEach(user -> roles.put(user.getId(), describeRoles(List.copyOf(user.getRoles()))));
        return roles;
    }

    @Override
    public List<Long> describeRoles(List<?> roles) {
        return roles.stream().map(HibernateRole.class::cast).map(HibernateRole::getId).sorted().toList();
    }

    @Override
    public Map<Long, Long> describeRoleCounts(List<?> users) {
        Map<Long, Long> counts = new LinkedHashMap<>();
        users.stream().map(Object[].class::cast)
                .forEach(row -> counts.put(((HibernateUser) row[0]).getId(), ((Number) row[1]).longValue()));
        return counts;
    }

    @Override
    public List<Long> describeUsers(List<?> users) {
        return users.stream().map(HibernateUser.class::cast).map(HibernateUser::getId).toList();
    }

    @Override
    public ReadingTotals describeReadings(List<?> readings) {
        ReadingTotals totals = new ReadingTotals();
        readings.stream().map(HibernateReading.class::cast).forEach(reading -> add(totals, reading));
        return totals;
    }

    @Override
    public void close() {
        sessionFactory.close();
    }

    private static HibernatePost postWithTags(Session session, long postId) {
        return session.createSelectionQuery(POST_WITH_TAGS, HibernatePost.class).setParameter("id", postId).getSingleResult();
    }

    /** Adds references to the tags (no SELECT of the tag rows); ids already in the set are no-ops. */
    private static void addTags(Session session, HibernatePost post, Iterable<Long> tagIds) {
        for (Long tagId : tagIds) {
            post.getTags().add(session.getReference(HibernateTag.class, tagId));
        }
    }

    private static void add(ReadingTotals totals, HibernateReading reading) {
        totals.add(reading.getId(), reading.getSensor(), reading.getAmount(), reading.getTakenAt(), reading.getApproved());
    }
}
