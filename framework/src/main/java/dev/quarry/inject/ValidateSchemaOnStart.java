package dev.quarry.inject;

import com.google.inject.Injector;
import dev.quarry.schema.SchemaValidator;
import jakarta.inject.Inject;
import javax.sql.DataSource;

/**
 * Bound as an eager singleton with {@code validateSchema()}: creating it checks the schema, after
 * the migrations (which it asks for first, since Guice does not order eager singletons).
 */
final class ValidateSchemaOnStart {

    @Inject
    ValidateSchemaOnStart(QuarryConfig config, Injector injector, DataSource dataSource) {
        try {
            if (!config.migrations().isEmpty()) {
                injector.getInstance(MigrateOnStart.class);
            }
            injector.getInstance(SchemaValidator.class).validate();
        } catch (RuntimeException failure) {
            // The injector will not be created, so nobody could close the pool opened for the check.
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
