package dev.quarry;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.EntityMetadata;
import dev.quarry.entity.EntityRegistry;
import dev.quarry.internal.EntityContext;
import dev.quarry.sql.Database;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.function.Supplier;

/**
 * The entry point of a Quarry application: entities by mapping name or class, and transactions.
 * Inject it, or get it from the injector.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new QuarryModule());
 * Entities entities = injector.getInstance(Entities.class);
 *
 * User user = entities.get("User");                 // a new, unsaved User
 * user.setEmail("ada@example.com").save();
 * long users = entities.get(User.class).count();
 *
 * entities.transaction(() -> {
 *     order.save();
 *     invoice.save();                               // if this throws, neither row is written
 * });
 * }</pre>
 */
@Singleton
public final class Entities {
    private final EntityContext context;

    @Inject
    Entities(EntityContext context) {
        this.context = context;
    }

    /**
     * A new instance of the entity mapped as {@code name} ({@code "User"}, {@code "User@blog"}),
     * with its own {@code @Inject} members injected. Each call returns a new instance.
     *
     * @throws dev.quarry.entity.UnknownEntityException naming the nearest known names
     */
    // The type parameter lets `User user = entities.get("User")` compile without a cast, as
    // WireBox's getInstance does in Quick; get(Class) is the checked alternative.
    @SuppressWarnings("TypeParameterUnusedInFormals")
    public <T extends BaseEntity<T>> T get(String name) {
        EntityMetadata<T> metadata = context.registry().metadata(name);
        return context.newInstance(metadata);
    }

    /** A new instance of an entity class. Each call returns a new instance. */
    public <T extends BaseEntity<T>> T get(Class<T> type) {
        return context.newInstance(context.registry().metadata(type));
    }

    /**
     * Runs {@code work} in one transaction and returns its result. Every Quarry call inside joins it;
     * an exception rolls all of it back and propagates. A nested call runs under a savepoint.
     */
    public <R> R transaction(Supplier<R> work) {
        return context.database().inTransaction(work);
    }

    /** {@link #transaction(Supplier)} for work without a result. */
    public void transaction(Runnable work) {
        context.database().inTransaction(work);
    }

    /** Every registered entity, with its metadata. */
    public EntityRegistry registry() {
        return context.registry();
    }

    /** The database, for SQL of your own through JDBI. */
    public Database database() {
        return context.database();
    }
}
