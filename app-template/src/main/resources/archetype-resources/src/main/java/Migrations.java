package ${package};

import org.flywaydb.core.Flyway;

/** Brings the database schema up to date with the Flyway migrations in {@code src/main/resources/db/migration}. */
final class Migrations {
    private Migrations() {}

    /** Applies the migrations not yet applied; does nothing when the schema is current. */
    static void migrate(AppConfig config) {
        Flyway.configure()
                .dataSource(config.databaseUrl(), config.databaseUser(), config.databasePassword())
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
