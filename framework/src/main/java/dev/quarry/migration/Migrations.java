package dev.quarry.migration;

import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The application's schema migrations, run with Flyway: versioned SQL scripts such as
 * {@code src/main/resources/db/migration/V1__create_users.sql}, applied in order and recorded in
 * the database's {@code flyway_schema_history} table, so each runs once.
 *
 * <p>Name the locations in the module and Quarry migrates while the injector is created, before any
 * entity is used; a failed migration fails {@code Guice.createInjector} with a {@link MigrationFailedException}.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(QuarryModule.builder()
 *         .url("jdbc:postgresql://localhost/app")
 *         .migrations("classpath:db/migration")
 *         .build());
 * List<AppliedMigration> pending = injector.getInstance(Migrations.class).pending();   // empty: all applied
 * }</pre>
 */
public final class Migrations {
    private final Flyway flyway;
    private final String target;

    /**
     * Migrations from {@code locations} ({@code classpath:db/migration}, {@code filesystem:sql}) for the
     * database behind {@code dataSource}; {@code target} names that database in error messages.
     */
    public Migrations(DataSource dataSource, List<String> locations, String target) {
        this.target = target;
        this.flyway = configure(dataSource, locations);
    }

    private Flyway configure(DataSource dataSource, List<String> locations) {
        try {
            return Flyway.configure()
                    .dataSource(dataSource)
                    .locations(locations.toArray(String[]::new))
                    .failOnMissingLocations(true)   // a misspelt location must not look like "nothing to do"
                    .load();
        } catch (FlywayException e) {
            throw new MigrationFailedException(target, "Flyway refused the migration settings " + locations, e);
        }
    }

    /** Applies every pending migration, in version order, and returns what it applied (empty when up to date). */
    public List<AppliedMigration> migrate() {
        try {
            MigrateResult result = flyway.migrate();
            return result.migrations.stream()
                    .map(m -> new AppliedMigration(m.version, m.description, m.filepath))
                    .toList();
        } catch (FlywayException e) {
            throw new MigrationFailedException(target, "a migration failed", e);
        }
    }

    /**
     * Removes failed migrations from the history, so that {@link #migrate} runs them again once fixed.
     * Needed only on databases whose DDL is not transactional (HSQLDB): there Flyway records a
     * failed script; on PostgreSQL a failed script is rolled back and not recorded.
     */
    public void repair() {
        try {
            flyway.repair();
        } catch (FlywayException e) {
            throw new MigrationFailedException(target, "repairing the migration history failed", e);
        }
    }

    /** The migrations not yet applied, in the order {@link #migrate} would apply them. */
    public List<AppliedMigration> pending() {
        try {
            return Arrays.stream(flyway.info().pending()).map(Migrations::describe).toList();
        } catch (FlywayException e) {
            throw new MigrationFailedException(target, "reading the migration history failed", e);
        }
    }

    private static AppliedMigration describe(MigrationInfo info) {
        return new AppliedMigration(info.getVersion() == null ? "" : info.getVersion().getVersion(),
                info.getDescription(), info.getScript());
    }

    /**
     * One migration: its version ({@code "1"}, {@code "2.1"}; empty for repeatable ones), its
     * description ({@code "create users"}) and its script.
     */
    public record AppliedMigration(String version, String description, String script) {}
}
