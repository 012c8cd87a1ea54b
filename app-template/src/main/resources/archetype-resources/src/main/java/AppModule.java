package ${package};

import com.google.inject.AbstractModule;
import dev.quarry.inject.QuarryModule;

/** The app's Guice module: Quarry on the configured database. Services and controllers bind themselves. */
public class AppModule extends AbstractModule {
    private final AppConfig config;

    public AppModule(AppConfig config) {
        this.config = config;
    }

    @Override
    protected void configure() {
        bind(AppConfig.class).toInstance(config);
        install(QuarryModule.builder()
                .url(config.databaseUrl())
                .credentials(config.databaseUser(), config.databasePassword())
                .build());
    }
}
