package dev.quarry.inject;

import dev.quarry.migration.Migrations;
import jakarta.inject.Inject;
import javax.sql.DataSource;

/** Bound as an eager singleton when migrations are configured: creating it migrates the database. */
final class MigrateOnStart {

    @Inject
    MigrateOnStart(Migrations migrations, DataSource dataSource) {
        try {
            migrations.migrate();
        } catch (RuntimeException failure) {
            // The injector will not be created, so nobody could close the pool opened for the migrations.
            if (dataSource instanceof AutoCloseable pool) {
                try {
                    pool.close();
                } catch (Exception closeFailure) {
                    failure.addSuppressed(closeFailure);
                }
            }
            throw failure;
        }
    }
}
