package dev.quarry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mockito.Mockito.mock;

import com.google.inject.Injector;
import dev.quarry.entity.EntityRegistry;
import dev.quarry.inject.QuarryConfig;
import dev.quarry.sql.Database;
import dev.quarry.validation.EntityValidator;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EntityContextDerivedTest {
    private final EntityContext context = new EntityContext(mock(Database.class), mock(EntityRegistry.class),
            mock(EntityValidator.class), Clock.systemUTC(), mock(Injector.class), mock(QuarryConfig.class), mock(Events.class));

    @Test
    void aShapeIsDerivedOnceAndThenKept() {
        AtomicInteger derivations = new AtomicInteger();

        Object first = context.derived("users.roles", key -> new Object[] {derivations.incrementAndGet()});
        Object second = context.derived("users.roles", key -> new Object[] {derivations.incrementAndGet()});

        assertSame(first, second);
        assertEquals(1, derivations.get());
    }

    @Test
    void beyondTheCapValuesAreDerivedPerCallAndNotKept() {
        for (int i = 0; i < EntityContext.MAX_DERIVED; i++) {
            context.derived(i, key -> key);
        }
        AtomicInteger derivations = new AtomicInteger();

        context.derived("one more", key -> derivations.incrementAndGet());
        context.derived("one more", key -> derivations.incrementAndGet());

        assertEquals(2, derivations.get());
        assertEquals(EntityContext.MAX_DERIVED, context.derivedCount());
    }
}
