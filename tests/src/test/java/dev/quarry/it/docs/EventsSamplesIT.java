package dev.quarry.it.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import dev.quarry.event.ChangeVetoedException;
import dev.quarry.event.EntityEvent;
import dev.quarry.event.EntityListener;
import dev.quarry.event.PivotEvent;
import dev.quarry.event.PivotListener;
import dev.quarry.inject.QuarryModule;
import dev.quarry.it.model.Band;
import dev.quarry.it.model.BandMember;
import dev.quarry.it.model.EventLog;
import dev.quarry.it.model.Musician;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.validation.PivotValidationException;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the samples of docs/events.md and docs/pivot-entities.md. */
class EventsSamplesIT extends DatabaseTest {

    // snippet:start events-audit-listener
    /** Hears every entity's updates, with each changed attribute's old and new value. */
    public static final class AuditListener implements EntityListener {
        private final EventLog audit;

        @Inject
        AuditListener(EventLog audit) {
            this.audit = audit;
        }

        @Override
        public void postUpdate(EntityEvent<?> event) {
            event.changes().forEach((attribute, change) -> audit.add(event.entity() + " " + attribute + ": "
                    + change.before() + " -> " + change.after()));
        }
    }
    // snippet:end

    // snippet:start events-role-guard
    /** Lets nobody take the admin role away through a relation. */
    public static final class RoleGuard implements PivotListener {
        @Override
        public void prePivotChange(PivotEvent event) {
            boolean removesAdmin = event.detached().stream()
                    .anyMatch(row -> "admin".equals(row.values().get("assignedBy")));
            if (event.relation().equals("roles") && removesAdmin) {
                event.veto("roles assigned by admin are removed by an admin");
            }
        }
    }
    // snippet:end

    @Override
    protected Module module(QuarryModule.Builder builder) {
        Module quarry = builder.build();
        // snippet:start events-binding
        Module listeners = new AbstractModule() {
            @Override
            protected void configure() {
                Multibinder.newSetBinder(binder(), EntityListener.class).addBinding().to(AuditListener.class);
                Multibinder.newSetBinder(binder(), PivotListener.class).addBinding().to(RoleGuard.class);
            }
        };
        // snippet:end
        return binder -> {
            binder.install(quarry);
            binder.install(listeners);
        };
    }

    @Test
    void theAuditListenerHearsEachChange() {
        User user = entities.get(User.class).create(Map.of("email", "ada@example.com", "name", "Ada"));

        user.setName("Ada Lovelace").save();

        assertEquals(List.of("User(" + user.getId() + ") name: Ada -> Ada Lovelace"), injector.getInstance(EventLog.class).lines());
    }

    @Test
    void theRoleGuardVetoesAndNothingIsWritten() {
        User user = entities.get(User.class).create(Map.of("email", "ada@example.com"));
        Role admin = entities.get(Role.class).create(Map.of("name", "admin"));
        Role editor = entities.get(Role.class).create(Map.of("name", "editor"));
        user.roles().attach(admin, Map.of("assignedBy", "admin"));
        // snippet:start events-veto
        try {
            user.roles().sync(List.of(editor));     // would detach admin
        } catch (ChangeVetoedException e) {
            e.reason();                             // "roles assigned by admin are removed by an admin"
        }
        // snippet:end
        assertEquals(List.of(admin.getId()), user.roles().get().stream().map(Role::getId).toList());
    }

    @Test
    void aBandRecordsItsPivotChanges() {
        Band blur = entities.get(Band.class).setName("Blur").save();
        Musician damon = entities.get(Musician.class).setName("Damon").save();
        EventLog log = injector.getInstance(EventLog.class);
        log.clear();

        blur.members().attach(damon);

        assertEquals(List.of("Band.prePivotChange attach on Band.members: attached [" + damon.getId()
                        + "], detached [], updated []", "Band.postPivotChange attach on Band.members: attached ["
                        + damon.getId() + "], detached [], updated []"),
                new ArrayList<>(log.lines()).subList(0, 2));
    }

    @Test
    void pivotEntitiesSamples() {
        Band blur = entities.get(Band.class).setName("Blur").save();
        Musician damon = entities.get(Musician.class).setName("Damon").save();
        Musician graham = entities.get(Musician.class).setName("Graham").save();
        // snippet:start pivot-entities-usage
        blur.members().attach(damon, Map.of("instrument", "keys", "since", "1988"));   // "1988" becomes 1988

        for (Musician musician : blur.members().get()) {
            BandMember membership = musician.pivot(BandMember.class);   // typed, loaded
            membership.getSince();                                      // 1988
            musician.pivot("membership").get("instrument");             // "keys", by the relation's alias
        }

        try {
            blur.members().attach(graham, Map.of("instrument", "guitar", "since", 1800));
        } catch (PivotValidationException e) {
            e.relatedId();        // graham's id
            e.violations();       // [since must be greater than or equal to 1900 (was '1800')]
        }
        // snippet:end
        assertEquals(1, countRows("band_members"));
        PivotValidationException e = assertThrows(PivotValidationException.class,
                () -> blur.members().attach(graham, Map.of("instrument", "guitar", "since", 1800)));
        assertTrue(e.violations().toString().contains("since must be greater than or equal to 1900 (was '1800')"), e.violations().toString());
        assertEquals(1988, blur.members().first().orElseThrow().pivot(BandMember.class).getSince());
    }
}
