package dev.quarry.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import dev.quarry.event.EntityListener;
import dev.quarry.event.PivotListener;
import com.google.inject.multibindings.OptionalBinder;
import dev.quarry.Entities;
import dev.quarry.entity.EntityRegistry;
import dev.quarry.internal.EntityContext;
import dev.quarry.internal.Events;
import dev.quarry.validation.EntityValidator;
import dev.quarry.internal.StatementDispatcher;
import dev.quarry.migration.Migrations;
import dev.quarry.naming.NamingStrategy;
import dev.quarry.schema.SchemaValidator;
import dev.quarry.sql.Database;
import dev.quarry.sql.Slf4jStatementLogger;
import dev.quarry.sql.StatementListener;
import dev.quarry.sql.dialect.Dialect;
import jakarta.inject.Singleton;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Installs Quarry in a Guice injector: the connection pool and database (JDBI), migrations, the
 * entity registry, validation, statement listeners and the clock.
 *
 * <pre>{@code
 * // zero configuration: in-memory HSQLDB, Quick's naming, entities from the compile-time index
 * Injector injector = Guice.createInjector(new QuarryModule());
 *
 * // or configured
 * Injector injector = Guice.createInjector(QuarryModule.builder()
 *         .url("jdbc:hsqldb:file:data/app")
 *         .naming(NamingStrategy.snakeCase())
 *         .migrations("classpath:db/migration")
 *         .entity(AuditEntry.class)
 *         .build());
 * ...
 * injector.getInstance(Database.class).close();   // at shutdown: closes the connection pool
 * }</pre>
 *
 * <p>Bind further {@link StatementListener}s with {@code Multibinder.newSetBinder(binder(),
 * StatementListener.class)}, entity and pivot event listeners the same way ({@link EntityListener},
 * {@link PivotListener}), and replace the clock with
 * {@code OptionalBinder.newOptionalBinder(binder(), Clock.class).setBinding().toInstance(clock)}.
 */
public final class QuarryModule extends AbstractModule {
    private final QuarryConfig config;
    private final List<StatementListener> listeners;

    /** The zero-configuration module: in-memory HSQLDB, Quick's naming, indexed entities. */
    public QuarryModule() {
        this(QuarryConfig.defaults());
    }

    /** A module with these settings. */
    public QuarryModule(QuarryConfig config) {
        this(config, List.of());
    }

    private QuarryModule(QuarryConfig config, List<StatementListener> listeners) {
        this.config = config;
        this.listeners = List.copyOf(listeners);
    }

    /** A builder for a configured module. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void configure() {
        bind(QuarryConfig.class).toInstance(config);
        // Declared even when empty, so that Events can be injected in an app that binds no listener.
        Multibinder.newSetBinder(binder(), EntityListener.class);
        Multibinder.newSetBinder(binder(), PivotListener.class);
        Multibinder<StatementListener> statementListeners = Multibinder.newSetBinder(binder(), StatementListener.class);
        statementListeners.addBinding().to(Slf4jStatementLogger.class);
        listeners.forEach(listener -> statementListeners.addBinding().toInstance(listener));
        OptionalBinder.newOptionalBinder(binder(), Clock.class).setDefault().toInstance(Clock.systemUTC());
        // Built now, not on first use, so that a bad entity fails Guice.createInjector itself, with
        // every problem listed, and so that each entity class gets an explicit binding.
        EntityRegistry registry = registry(config);
        bind(EntityRegistry.class).toInstance(registry);
        registry.all().forEach(metadata -> bind(metadata.type()));
        bind(EntityValidator.class);
        bind(Events.class);
        bind(EntityContext.class);
        bind(Entities.class);
        bind(SchemaValidator.class);   // explicitly, so that an injector requiring explicit bindings can use it too
        if (!config.migrations().isEmpty()) {
            // Eager, so that Guice.createInjector migrates (or fails) before any entity touches the schema.
            bind(MigrateOnStart.class).asEagerSingleton();
        }
        if (config.validateSchema()) {
            bind(ValidateSchemaOnStart.class).asEagerSingleton();
        }
    }

    @Provides
    @Singleton
    @SuppressWarnings("UnusedVariable") // asked for only so that it is built, and refuses the URL, first
    DataSource dataSource(QuarryConfig config, Dialect dialect) {
        // The dialect is asked for first so that an unsupported URL fails as such, not as a missing driver.
        return config.pool().isPresent() ? ConnectionPool.open(config, config.pool().get())
                : new UnpooledDataSource(config.url(), config.username(), config.password());
    }

    @Provides
    @Singleton
    Migrations migrations(DataSource dataSource, QuarryConfig config) {
        return new Migrations(dataSource, config.migrations(), "the database at " + config.url());
    }

    @Provides
    @Singleton
    Dialect dialect(QuarryConfig config) {
        return Dialect.forUrl(config.url());
    }

    @Provides
    @Singleton
    Jdbi jdbi(DataSource dataSource, Set<StatementListener> listeners) {
        Jdbi jdbi = Jdbi.create(dataSource);
        jdbi.setSqlLogger(new StatementDispatcher(List.copyOf(listeners)));
        return jdbi;
    }

    @Provides
    @Singleton
    Database database(Jdbi jdbi, Dialect dialect, Set<StatementListener> listeners, DataSource dataSource) {
        AutoCloseable pool = dataSource instanceof AutoCloseable closeable ? closeable : () -> { };
        return new Database(jdbi, dialect, List.copyOf(listeners), pool);
    }

    private static EntityRegistry registry(QuarryConfig config) {
        Map<Class<?>, String> entities = new LinkedHashMap<>();
        if (config.useIndex()) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            for (Class<?> type : EntityRegistry.indexedClasses(loader == null ? QuarryModule.class.getClassLoader() : loader)) {
                entities.put(type, null);
            }
        }
        entities.putAll(config.entities());
        return new EntityRegistry(entities, config.naming());
    }

    @Provides
    @Singleton
    Validator validator() {
        return ValidatorHolder.VALIDATOR;
    }

    /** One validator per JVM: building Hibernate Validator's factory is costly, and the validator is thread-safe. */
    private static final class ValidatorHolder {
        static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    }

    /**
     * Builds a {@link QuarryModule}; every setting has a default.
     *
     * <pre>{@code
     * QuarryModule.builder().url("jdbc:postgresql://localhost/app").credentials("app", secret).build();
     * }</pre>
     */
    public static final class Builder {
        private String url = QuarryConfig.DEFAULT_URL;
        private String username;
        private String password;
        private NamingStrategy naming = NamingStrategy.quick();
        private boolean useIndex = true;
        private final Map<Class<?>, String> entities = new LinkedHashMap<>();
        private final List<StatementListener> listeners = new ArrayList<>();
        private PoolSettings pool = PoolSettings.defaults();
        private List<String> migrations = List.of();
        private boolean preventLazyLoading;
        private boolean validateSchema;

        Builder() {}

        /** The JDBC URL; the default is an in-memory HSQLDB database. */
        public Builder url(String jdbcUrl) {
            this.url = jdbcUrl;
            return this;
        }

        /** The database user and password. */
        public Builder credentials(String username, String password) {
            this.username = username;
            this.password = password;
            return this;
        }

        /** The naming conventions; the default is {@link NamingStrategy#quick()}. */
        public Builder naming(NamingStrategy naming) {
            this.naming = naming;
            return this;
        }

        /** Registers an entity class by hand, under its {@code @Entity} or class name. */
        public Builder entity(Class<?> type) {
            entities.put(type, null);
            return this;
        }

        /** Registers an entity class by hand under an explicit mapping name, e.g. {@code User@blog}. */
        public Builder entity(Class<?> type, String mappingName) {
            entities.put(type, mappingName);
            return this;
        }

        /** Registers only the entities named with {@link #entity}, ignoring the compile-time index. */
        public Builder withoutIndex() {
            this.useIndex = false;
            return this;
        }

        /** The connection pool's settings; the default is {@link PoolSettings#defaults()}. */
        public Builder pool(PoolSettings settings) {
            this.pool = java.util.Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Opens a new connection for each use instead of pooling them: for a database behind an
         * external pooler such as PgBouncer, or a short-lived tool.
         */
        public Builder withoutPool() {
            this.pool = null;
            return this;
        }

        /**
         * Runs the Flyway migrations found in these locations ({@code classpath:db/migration},
         * {@code filesystem:sql/migrations}) when the injector is created. See {@link Migrations}.
         */
        public Builder migrations(String... locations) {
            this.migrations = List.of(locations);
            return this;
        }

        /**
         * Strict mode against N+1 queries (Laravel's {@code preventLazyLoading}): reading a relation
         * that is not loaded yet, on an entity that came from a query returning several rows, throws
         * {@code LazyLoadingPreventedException} naming the entity, the relation and the
         * {@code with(...)} that loads it for every row at once. Turn it on in development and tests.
         */
        public Builder preventLazyLoading() {
            this.preventLazyLoading = true;
            return this;
        }

        /**
         * Checks every entity and relation declaration against the live schema when the injector is
         * created (after the migrations), Hibernate's {@code validate}: tables, attribute columns and
         * their types, key columns, pivot tables with their key, {@code withPivot} and timestamp
         * columns. Every problem is reported at once in one {@code SchemaMismatchException}, each
         * with its fix, and the injector is not created. Costs a few metadata queries per entity.
         *
         * <pre>{@code
         * Guice.createInjector(QuarryModule.builder().url(url).migrations("classpath:db/migration").validateSchema().build());
         * }</pre>
         */
        public Builder validateSchema() {
            this.validateSchema = true;
            return this;
        }

        /** Adds a listener told about every statement (for logs, metrics, or counting in tests). */
        public Builder statementListener(StatementListener listener) {
            listeners.add(listener);
            return this;
        }

        /** The settings as a {@link QuarryConfig}. */
        public QuarryConfig config() {
            return new QuarryConfig(url, username, password, naming, useIndex, entities, pool, migrations,
                    preventLazyLoading, validateSchema);
        }

        /** The module. */
        public QuarryModule build() {
            return new QuarryModule(config(), listeners);
        }
    }
}
