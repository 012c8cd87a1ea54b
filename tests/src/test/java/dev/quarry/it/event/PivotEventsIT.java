package dev.quarry.it.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import dev.quarry.event.ChangeVetoedException;
import dev.quarry.event.PivotEvent;
import dev.quarry.event.PivotListener;
import dev.quarry.event.PivotRow;
import dev.quarry.event.ValueChange;
import dev.quarry.inject.QuarryModule;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.sql.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One event per pivot operation call, with its whole diff: "pre" inside the transaction (may veto), "post" after commit. */
class PivotEventsIT extends DatabaseTest {

    /** Keeps every event; runs the test's veto rule on "pre" events. */
    static final class Recorder implements PivotListener {
        final List<PivotEvent> pre = new ArrayList<>();
        final List<PivotEvent> post = new ArrayList<>();
        Consumer<PivotEvent> rule = event -> { };

        @Override
        public void prePivotChange(PivotEvent event) {
            pre.add(event);
            rule.accept(event);
        }

        @Override
        public void postPivotChange(PivotEvent event) {
            post.add(event);
        }
    }

    private final Recorder recorder = new Recorder();
    private User ada;
    private Role admin;
    private Role editor;
    private Role viewer;
    private Instant start;

    @Override
    protected Module module(QuarryModule.Builder builder) {
        return binder -> {
            binder.install(builder.build());
            Multibinder.newSetBinder(binder, PivotListener.class).addBinding().toInstance(recorder);
        };
    }

    @BeforeEach
    void seed() {
        ada = entities.get(User.class).create(Map.of("email", "ada@example.com"));
        admin = entities.get(Role.class).create(Map.of("name", "admin"));
        editor = entities.get(Role.class).create(Map.of("name", "editor"));
        viewer = entities.get(Role.class).create(Map.of("name", "viewer"));
        start = clock.instant();
    }

    private List<Map<String, Object>> pivotRows() {
        return rows("roles_users", "roleId");
    }

    @Test
    void attachFiresOnePreAndOnePostEventWithTheInsertedRows() {
        ada.roles().attach(List.of(admin.getId(), editor), Map.of("assignedBy", "root"));

        assertEquals(1, recorder.pre.size());
        assertEquals(1, recorder.post.size());
        PivotEvent event = recorder.post.get(0);
        assertEquals("attach", event.operation());
        assertEquals("User.roles", event.describe());
        assertEquals(ada, event.parent());
        assertEquals(List.of(admin.getId(), editor.getId()), event.attachedIds());
        Map<String, Object> row = event.attached().get(0).values();
        assertEquals("root", row.get("assignedBy"));
        assertEquals(start, row.get("createdAt"));
        assertEquals(ada.getId(), row.get("userId"));
        assertEquals(List.of(), event.detached());
    }

    @Test
    void detachedRowsCarryEveryColumnAsTheyWere() {
        ada.roles().attach(admin, Map.of("assignedBy", "root"));
        clock.advance(Duration.ofMinutes(5));

        ada.roles().detach(admin);

        PivotRow detached = recorder.post.get(1).detached().get(0);
        assertEquals(admin.getId(), detached.relatedId());
        assertEquals(Map.of("userId", ada.getId(), "roleId", admin.getId(), "assignedBy", "root", "createdAt", start,
                "updatedAt", start), detached.values());
    }

    @Test
    void syncFiresOneEventWithAttachedDetachedAndUpdatedRows() {
        ada.roles().attach(Map.of(admin.getId(), Map.of("assignedBy", "root"), editor.getId(), Map.of("assignedBy", "root")));
        clock.advance(Duration.ofMinutes(5));

        ada.roles().sync(Map.of(editor.getId(), Map.of("assignedBy", "hr"), viewer.getId(), Map.of("assignedBy", "hr")));

        assertEquals(2, recorder.post.size());
        PivotEvent sync = recorder.post.get(1);
        assertEquals("sync", sync.operation());
        assertEquals(List.of(viewer.getId()), sync.attachedIds());
        assertEquals(List.of(admin.getId()), sync.detachedIds());
        assertEquals(List.of(editor.getId()), sync.updatedIds());
        assertEquals(Map.of("assignedBy", new ValueChange("root", "hr"), "updatedAt", new ValueChange(start, clock.instant())),
                sync.updated().get(0).changes());
    }

    @Test
    void aCallThatChangesNothingFiresNoEvent() {
        ada.roles().attach(admin, Map.of("assignedBy", "root"));
        recorder.post.clear();
        recorder.pre.clear();

        ada.roles().sync(Map.of(admin.getId(), Map.of("assignedBy", "root")));
        ada.roles().attach(admin);
        ada.roles().syncWithoutDetaching(admin);
        ada.roles().detach(editor);
        ada.roles().detach(List.of());
        ada.roles().toggle(List.of());

        assertEquals(List.of(), recorder.pre);
        assertEquals(List.of(), recorder.post);
    }

    @Test
    void withAListenerDetachingIdsThatAreNotAttachedReadsAndDeletesNothing() {
        statements.reset();

        assertEquals(0, ada.roles().detach(editor, viewer));

        assertEquals(List.of("SELECT"), statementKinds());
    }

    @Test
    void aVetoingListenerLeavesTheDatabaseUnchanged() {
        ada.roles().attach(List.of(admin, editor));
        List<Map<String, Object>> before = pivotRows();
        recorder.rule = event -> {
            if (event.detachedIds().contains(admin.getId())) {
                event.veto("admin is removed by security only");
            }
        };
        statements.reset();

        ChangeVetoedException e = assertThrows(ChangeVetoedException.class, () -> ada.roles().sync(List.of(viewer)));
        List<String> kinds = statementKinds();

        assertEquals(List.of("SELECT"), kinds); // vetoed after the read, before any write
        assertTrue(e.getMessage().contains("sync on User.roles was vetoed"), e.getMessage());
        assertTrue(e.getMessage().contains("admin is removed by security only"), e.getMessage());
        assertEquals(before, pivotRows());
        assertEquals(1, recorder.post.size()); // the first attach only
    }

    @Test
    void thePostEventWaitsForTheOutermostCommit() {
        Database database = injector.getInstance(Database.class);
        AtomicReference<Integer> postEventsInside = new AtomicReference<>();

        database.inTransaction(() -> {
            ada.roles().attach(admin);
            postEventsInside.set(recorder.post.size());
        });

        assertEquals(0, postEventsInside.get());
        assertEquals(1, recorder.post.size());
        assertEquals(1, recorder.pre.size());
    }

    @Test
    void noPostEventFiresWhenTheOuterTransactionRollsBack() {
        Database database = injector.getInstance(Database.class);

        assertThrows(IllegalStateException.class, () -> database.inTransaction(() -> {
            ada.roles().attach(admin);
            throw new IllegalStateException("changed my mind");
        }));

        assertEquals(1, recorder.pre.size());
        assertEquals(List.of(), recorder.post);
        assertEquals(List.of(), pivotRows());
    }

    @Test
    void toggleFiresOneEventForBothDirections() {
        ada.roles().attach(admin);

        ada.roles().toggle(admin, editor);

        PivotEvent toggle = recorder.post.get(1);
        assertEquals("toggle", toggle.operation());
        assertEquals(List.of(editor.getId()), toggle.attachedIds());
        assertEquals(List.of(admin.getId()), toggle.detachedIds());
    }

    @Test
    void updateExistingPivotCarriesTheOldAndNewValues() {
        ada.roles().attach(admin, Map.of("assignedBy", "root"));
        clock.advance(Duration.ofMinutes(1));

        ada.roles().updateExistingPivot(admin, Map.of("assignedBy", "hr"));

        PivotEvent update = recorder.post.get(1);
        assertEquals("updateExistingPivot", update.operation());
        assertEquals(Map.of("assignedBy", new ValueChange("root", "hr"), "updatedAt", new ValueChange(start, clock.instant())),
                update.updated().get(0).changes());
    }

    @Test
    void detachingEverythingFiresOneEventListingEveryRow() {
        ada.roles().attach(List.of(admin, editor, viewer));

        assertEquals(3, ada.roles().detach());

        assertEquals(List.of(admin.getId(), editor.getId(), viewer.getId()), recorder.post.get(1).detachedIds());
    }

    @Test
    void theGeneratedSetterFiresOneSyncEvent() {
        ada.roles().attach(admin);

        ada.setRoles(List.of(editor, viewer));

        assertEquals(2, recorder.post.size());
        assertEquals(List.of(editor.getId(), viewer.getId()), recorder.post.get(1).attachedIds());
        assertEquals(List.of(admin.getId()), recorder.post.get(1).detachedIds());
    }
}
