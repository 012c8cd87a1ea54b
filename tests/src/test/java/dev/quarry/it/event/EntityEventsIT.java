package dev.quarry.it.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import dev.quarry.event.ChangeVetoedException;
import dev.quarry.event.EntityEvent;
import dev.quarry.event.EntityListener;
import dev.quarry.event.PreLoadEvent;
import dev.quarry.event.ValueChange;
import dev.quarry.inject.QuarryModule;
import dev.quarry.it.model.Band;
import dev.quarry.it.model.EventLog;
import dev.quarry.it.model.Tag;
import dev.quarry.it.support.DatabaseTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Entity lifecycle events, with Quick's names: the entity's own methods first, then the bound listeners. */
class EntityEventsIT extends DatabaseTest {

    /** Writes what it hears to the EventLog; vetoes inserts of a band named "Veto", fails after one named "Boom". */
    static final class Recorder implements EntityListener {
        private final EventLog log;
        final List<EntityEvent<?>> updates = new ArrayList<>();

        @Inject
        Recorder(EventLog log) {
            this.log = log;
        }

        @Override
        public void preLoad(PreLoadEvent event) {
            log.add("listener.preLoad " + event.entityName() + " " + event.key());
        }

        @Override
        public void preInsert(EntityEvent<?> event) {
            log.add("listener.preInsert " + event.entityName());
            if (event.entity() instanceof Band band && "Veto".equals(band.getName())) {
                event.veto("no band called Veto");
            }
        }

        @Override
        public void postInsert(EntityEvent<?> event) {
            log.add("listener.postInsert " + event.entityName());
            if (event.entity() instanceof Band band && "Boom".equals(band.getName())) {
                throw new IllegalStateException("the audit log is down");
            }
        }

        @Override
        public void postUpdate(EntityEvent<?> event) {
            updates.add(event);
        }

        @Override
        public void postDelete(EntityEvent<?> event) {
            log.add("listener.postDelete " + event.entityName());
        }
    }

    private Recorder recorder;

    @Override
    protected Module module(QuarryModule.Builder builder) {
        return binder -> {
            binder.install(builder.build());
            Multibinder.newSetBinder(binder, EntityListener.class).addBinding().to(Recorder.class);
            binder.bind(Recorder.class).in(com.google.inject.Singleton.class);
        };
    }

    private EventLog log() {
        return injector.getInstance(EventLog.class);
    }

    private Band createBand(String name) {
        Band band = entities.get(Band.class).setName(name).save();
        log().clear();
        recorder = injector.getInstance(Recorder.class);
        recorder.updates.clear();
        return band;
    }

    @Test
    void anInsertFiresPreSavePreInsertPostInsertPostSaveInThatOrder() {
        entities.get(Band.class).setName("Blur").save();

        assertEquals(List.of("Band.preSave", "Band.preInsert false", "listener.preInsert Band", "Band.postInsert true",
                "listener.postInsert Band", "Band.postSave"), log().lines());
    }

    @Test
    void anUpdateCarriesEachChangedAttributeWithItsOldAndNewValue() {
        Band band = createBand("Blur");
        clock.advance(java.time.Duration.ofSeconds(60));

        band.setName("Gorillaz").save();

        EntityEvent<?> update = injector.getInstance(Recorder.class).updates.get(0);
        assertEquals(new ValueChange("Blur", "Gorillaz"), update.changes().get("name"));
        assertEquals(new ValueChange(band.getCreatedAt(), clock.instant()), update.changes().get("updatedAt"));
        assertEquals(List.of("Band.preSave", "Band.preUpdate [name]", "Band.postUpdate [name, updatedAt]", "Band.postSave"),
                log().lines());
    }

    @Test
    void aPreUpdateHandlersChangeIsWrittenByTheSameUpdate() {
        Band band = createBand("Blur");
        statements.reset();

        band.setName("Nirvana").save();

        assertEquals("Nirvana (band)", rows("bands", "id").get(0).get("name"));
        assertEquals(1, statementKinds().stream().filter("UPDATE"::equals).count());
        assertFalse(band.isDirty());
    }

    @Test
    void aSaveWithNothingChangedFiresNoEventAndRunsNoStatement() {
        Band band = createBand("Blur");
        statements.reset();

        band.save();

        assertEquals(List.of(), log().lines());
        assertEquals(List.of(), statementKinds());
    }

    @Test
    void aDeleteFiresPreDeleteThenPostDelete() {
        Band band = createBand("Blur");

        band.delete();

        assertEquals(List.of("Band.preDelete", "Band.postDelete", "listener.postDelete Band"), log().lines());
        assertEquals(0, countRows("bands"));
    }

    @Test
    void everyRowReadFiresPostLoad() {
        createBand("Blur");
        createBand("Oasis");

        entities.get(Band.class).orderBy("name").get();

        assertEquals(List.of("Band.postLoad Blur", "Band.postLoad Oasis"), log().lines());
    }

    @Test
    void findFiresPreLoadWithTheKeyOnTheEntityItWasCalledOnAndOnTheListeners() {
        Band band = createBand("Blur");

        entities.get(Band.class).find(band.getId());

        assertEquals(List.of("Band.preLoad " + band.getId(), "listener.preLoad Band " + band.getId(), "Band.postLoad Blur"),
                log().lines());
    }

    @Test
    void aListenersVetoInPreInsertWritesNothing() {
        Band veto = entities.get(Band.class).setName("Veto");

        ChangeVetoedException e = assertThrows(ChangeVetoedException.class, veto::save);

        assertTrue(e.getMessage().contains("no band called Veto"), e.getMessage());
        assertTrue(e.getMessage().contains("insert of Band"), e.getMessage());
        assertEquals(0, countRows("bands"));
        assertFalse(veto.isLoaded());
        assertEquals(null, veto.getCreatedAt()); // stamped only by a write that happened
    }

    @Test
    void aPostInsertHandlerThatThrowsRollsTheInsertBack() {
        Band boom = entities.get(Band.class).setName("Boom");

        assertThrows(IllegalStateException.class, boom::save);

        assertEquals(0, countRows("bands"));
        assertFalse(boom.isLoaded());
        assertEquals(null, boom.getId());
    }

    @Test
    void aListenerHearsEntitiesWithoutHandlersOfTheirOwn() {
        entities.get(Tag.class).create(Map.of("name", "jvm"));

        assertEquals(List.of("listener.preInsert Tag", "listener.postInsert Tag"), log().lines());
    }
}
