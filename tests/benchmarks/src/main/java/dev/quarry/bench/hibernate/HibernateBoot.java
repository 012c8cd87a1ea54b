package dev.quarry.bench.hibernate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/** Builds a SessionFactory as a competent user would configure it for this kind of work. */
public final class HibernateBoot {
    /** The JDBC batch size: every delete and insert of a write goes out in batches of this many rows. */
    public static final int BATCH_SIZE = 100;

    private HibernateBoot() {}

    /** A SessionFactory over {@code dataSource} mapping {@code entities}. */
    public static SessionFactory sessionFactory(DataSource dataSource, List<Class<?>> entities) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings(dataSource)).build();
        MetadataSources sources = new MetadataSources(registry);
        entities.forEach(sources::addAnnotatedClass);
        return sources.buildMetadata().buildSessionFactory();
    }

    private static Map<String, Object> settings(DataSource dataSource) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        settings.put(AvailableSettings.STATEMENT_BATCH_SIZE, BATCH_SIZE);
        settings.put(AvailableSettings.ORDER_INSERTS, true);
        settings.put(AvailableSettings.ORDER_UPDATES, true);
        // The schema's names are quoted camelCase, as Quarry's conventions create them.
        settings.put(AvailableSettings.GLOBALLY_QUOTED_IDENTIFIERS, true);
        settings.put(AvailableSettings.HBM2DDL_AUTO, "none");
        settings.put(AvailableSettings.SHOW_SQL, false);
        return settings;
    }
}
