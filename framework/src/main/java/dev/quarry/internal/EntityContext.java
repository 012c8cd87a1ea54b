package dev.quarry.internal;

import com.google.inject.Injector;
import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.EntityMetadata;
import dev.quarry.entity.EntityRegistry;
import dev.quarry.inject.QuarryConfig;
import dev.quarry.sql.Database;
import dev.quarry.validation.EntityValidator;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Everything an entity needs at run time, shared by all entities of one injector. */
@Singleton
public final class EntityContext {
    private final Database database;
    private final EntityRegistry registry;
    private final EntityValidator validator;
    private final Clock clock;
    private final Injector injector;
    private final boolean preventLazyLoading;
    private final Events events;
    private final Map<Object, Object> derived = new ConcurrentHashMap<>();

    @Inject
    public EntityContext(Database database, EntityRegistry registry, EntityValidator validator, Clock clock,
                         Injector injector, QuarryConfig config, Events events) {
        this.events = events;
        this.database = database;
        this.registry = registry;
        this.validator = validator;
        this.clock = clock;
        this.injector = injector;
        this.preventLazyLoading = config.preventLazyLoading();
    }

    /** True in strict mode, see {@code QuarryModule.Builder#preventLazyLoading}. */
    public boolean preventsLazyLoading() {
        return preventLazyLoading;
    }

    /** Fires entity and pivot events to the entities' own methods and the bound listeners. */
    public Events events() {
        return events;
    }

    public Database database() {
        return database;
    }

    public EntityRegistry registry() {
        return registry;
    }

    public EntityValidator validator() {
        return validator;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * What {@code derive} makes of {@code key}, made once per injector: for what a relation or a row
     * mapper would otherwise work out again on every call (a pivot table from its declaration, the
     * attributes of a result set's columns). The key must be a value (equals and hashCode) that
     * holds everything the result depends on, and the set of keys must stay small: a declaration's
     * shape, never a user's values.
     *
     * <pre>{@code
     * PivotTable pivot = context.derived(new Shape(...), shape -> resolve());
     * }</pre>
     */
    @SuppressWarnings("unchecked")
    public <K, V> V derived(K key, Function<? super K, ? extends V> derive) {
        Object known = derived.get(key);
        if (known == null) {
            known = derive.apply(key); // outside computeIfAbsent: a derivation may derive something else
            if (derived.size() < MAX_DERIVED) { // beyond it (an app building endless query shapes), derive per call
                Object raced = derived.putIfAbsent(key, known);
                known = raced == null ? known : raced;
            }
        }
        return (V) known;
    }

    /** How many derived values one injector keeps: far more shapes than an application declares. */
    static final int MAX_DERIVED = 10_000;

    /** How many derived values are kept. */
    int derivedCount() {
        return derived.size();
    }

    /**
     * A new, unsaved instance. Classes with {@code @Inject} members of their own come from the
     * injector; the others are constructed directly, which is much cheaper when reading rows.
     */
    public <T extends BaseEntity<T>> T newInstance(EntityMetadata<T> metadata) {
        if (metadata.needsInjection()) {
            return injector.getInstance(metadata.type()); // its @Inject method attaches the state
        }
        T entity = metadata.construct();
        EntityState<T> state = new EntityState<>(this, metadata);
        EntityAccess.attach(entity, state);
        state.markLoaded(entity, false);
        return entity;
    }
}
