package dev.quarry.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.inject.Module;
import dev.quarry.inject.QuarryModule;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.relation.pivot.SyncResult;
import dev.quarry.relation.pivot.ToggleResult;
import dev.quarry.sql.ExecutedStatement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The races {@link RandomConcurrentPivotOpsIT} found, replayed deterministically: a second caller
 * writes (and commits) right after the first caller's read of the pivot rows, before its write.
 * Before the fix, a toggle then lost its effect (reporting the id neither attached nor detached)
 * and a sync reported a row detached that another caller had detached. Now the operation sees
 * that its read went stale and runs again, so it behaves as if it had run after the other caller.
 */
class PivotRaceIT extends DatabaseTest {
    private final ExecutorService other = Executors.newSingleThreadExecutor();
    /** Run once, on the other thread, right after the test thread's next read of roles_users. */
    private final AtomicReference<Runnable> afterNextRead = new AtomicReference<>();
    private Thread testThread;
    private User ada;
    private User adaElsewhere;
    private long roleId;

    @Override
    protected Module module(QuarryModule.Builder builder) {
        return builder.statementListener(this::interleave).build();
    }

    private void interleave(ExecutedStatement statement) {
        if (Thread.currentThread() != testThread || !statement.sql().startsWith("SELECT")
                || !statement.sql().contains("\"roles_users\"")) {
            return;
        }
        Runnable write = afterNextRead.getAndSet(null);
        if (write != null) {
            try {
                other.submit(write).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the interleaved write failed or blocked", e);
            }
        }
    }

    @BeforeEach
    void aUserAndARole() {
        long adaId = entities.get(User.class).create(Map.of("email", "ada@example.com")).getId();
        roleId = entities.get(Role.class).create(Map.of("name", "admin")).getId();
        ada = entities.get(User.class).findOrFail(adaId);
        adaElsewhere = entities.get(User.class).findOrFail(adaId);
        testThread = Thread.currentThread();
    }

    @AfterEach
    void stopTheOtherThread() throws InterruptedException {
        other.shutdownNow();
        other.awaitTermination(30, TimeUnit.SECONDS);
    }

    @Test
    void aToggleOfARowAttachedSinceItsReadDetachesIt() {
        afterNextRead.set(() -> adaElsewhere.roles().attach(roleId));

        ToggleResult result = ada.roles().toggle(roleId);

        assertEquals(new ToggleResult(List.of(), List.of(roleId)), result);
        assertEquals(0, countRows("roles_users"));
    }

    @Test
    void aToggleOfARowDetachedSinceItsReadAttachesIt() {
        ada.roles().attach(roleId);
        afterNextRead.set(() -> adaElsewhere.roles().detach(roleId));

        ToggleResult result = ada.roles().toggle(roleId);

        assertEquals(new ToggleResult(List.of(roleId), List.of()), result);
        assertEquals(1, countRows("roles_users"));
    }

    @Test
    void aSyncDoesNotReportARowAnotherCallerDetachedSinceItsRead() {
        ada.roles().attach(roleId);
        afterNextRead.set(() -> adaElsewhere.roles().detach(roleId));

        SyncResult result = ada.roles().sync(List.of());

        assertEquals(new SyncResult(List.of(), List.of(), List.of()), result);
        assertEquals(0, countRows("roles_users"));
    }
}
