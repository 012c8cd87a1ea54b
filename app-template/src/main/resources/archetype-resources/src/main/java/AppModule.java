package ${package};

import com.google.inject.AbstractModule;
import dev.quarry.inject.QuarryModule;

/**
 * The app's Guice module: Quarry on the configured database, migrated by Flyway from
 * {@code src/main/resources/db/migration} while the injector is created, in strict mode against
 * N+1 queries unless the config turns it off. Services and controllers
 * need no binding: Guice builds them from their {@code @Inject} constructors.
 */
public class AppModule extends AbstractModule {
    private final AppConfig config;

    public AppModule(AppConfig config) {
        this.config = config;
    }

    @Override
    protected void configure() {
        bind(AppConfig.class).toInstance(config);
        QuarryModule.Builder quarry = QuarryModule.builder()
                .url(config.databaseUrl())
                .credentials(config.databaseUser(), config.databasePassword())
                .migrations("classpath:db/migration");
        if (config.preventLazyLoading()) {
            quarry.preventLazyLoading();
        }
        install(quarry.build());
    }
}
