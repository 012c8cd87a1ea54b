package dev.quarry.it.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.quarry.Entities;
import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.Entity;
import dev.quarry.inject.QuarryModule;
import dev.quarry.it.support.TestDatabases;
import dev.quarry.migration.MigrationFailedException;
import dev.quarry.migration.Migrations;
import dev.quarry.migration.Migrations.AppliedMigration;
import dev.quarry.sql.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flyway migrations named in the module run when the injector is created, on both databases. */
class MigrationsIT {
    private static final String NOTES = "classpath:db/it-migrations/notes";
    private static final String BROKEN = "classpath:db/it-migrations/broken";

    private final List<Injector> injectors = new ArrayList<>();
    private String url;

    @Entity(value = "Note", module = "migrations", table = "notes")
    static class Note extends BaseEntity<Note> {
        Long id;
        String title;
        String body;
    }

    @BeforeEach
    void emptyDatabase() {
        url = TestDatabases.createEmpty("MigrationsIT");
    }

    @AfterEach
    void dropDatabase() {
        injectors.forEach(injector -> injector.getInstance(Database.class).close());
        TestDatabases.drop(url);
    }

    private Injector injector(String... locations) {
        Injector injector = Guice.createInjector(QuarryModule.builder().url(url).migrations(locations).build());
        injectors.add(injector);
        return injector;
    }

    @Test
    void creatingTheInjectorAppliesEveryMigrationInVersionOrder() {
        Entities entities = injector(NOTES).getInstance(Entities.class);

        Note note = entities.get(Note.class).create(Map.of("title", "V2's column", "body", "V1's table"));

        assertEquals("V2's column", entities.get(Note.class).findOrFail(note.id).title);
    }

    @Test
    void aSecondStartAppliesNothingAndNothingIsPending() {
        injector(NOTES);

        Migrations again = injector(NOTES).getInstance(Migrations.class);

        assertEquals(List.of(), again.pending());
        assertEquals(List.of(), again.migrate());
    }

    @Test
    void migrateReportsWhatItApplied() {
        Migrations migrations = new Migrations(injector().getInstance(javax.sql.DataSource.class), List.of(NOTES), "test");

        List<AppliedMigration> applied = migrations.migrate();

        assertEquals(List.of("1", "2"), applied.stream().map(AppliedMigration::version).toList());
        assertEquals(List.of("create notes", "add note title"), applied.stream().map(AppliedMigration::description).toList());
    }

    @Test
    void pendingListsTheMigrationsNotYetApplied() {
        Migrations migrations = new Migrations(injector().getInstance(javax.sql.DataSource.class), List.of(NOTES), "test");

        assertEquals(List.of("1", "2"), migrations.pending().stream().map(AppliedMigration::version).toList());
    }

    @Test
    void aModuleWithoutMigrationsTouchesNoSchema() {
        Injector injector = injector();

        long tables = injector.getInstance(Database.class).withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) = 'flyway_schema_history'")
                .mapTo(Long.class).one());

        assertEquals(0, tables);
    }

    @Test
    void aFailingMigrationFailsCreatingTheInjectorWithMigrationFailed() {
        CreationException e = assertThrows(CreationException.class, () -> injector(BROKEN));

        MigrationFailedException failure = assertInstanceOf(MigrationFailedException.class, e.getCause());
        assertTrue(failure.getMessage().contains("V2__misspelt_keyword.sql"), failure.getMessage());
        assertTrue(failure.getMessage().contains(url), failure.getMessage());
    }

    @Test
    void theMigrationsBeforeTheFailingOneStayApplied() {
        assertThrows(CreationException.class, () -> injector(BROKEN));

        long drafts = injector().getInstance(Database.class).withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM \"drafts\"").mapTo(Long.class).one());

        assertEquals(0, drafts, "V1 created the table");
    }

    @Test
    void aFixedScriptRunsOnTheNextStart(@TempDir Path scripts) throws IOException {
        Files.writeString(scripts.resolve("V1__create_drafts.sql"), "CREATE TABLE \"drafts\" (\"id\" BIGINT PRIMARY KEY);");
        Files.writeString(scripts.resolve("V2__create_revisions.sql"), "CRAETE TABLE \"revisions\" (\"id\" BIGINT);");
        String location = "filesystem:" + scripts;
        assertThrows(CreationException.class, () -> injector(location));

        Files.writeString(scripts.resolve("V2__create_revisions.sql"), "CREATE TABLE \"revisions\" (\"id\" BIGINT);");
        Migrations migrations = new Migrations(injector().getInstance(javax.sql.DataSource.class), List.of(location), "test");
        migrations.repair();   // needed on HSQLDB, which records the failed script; nothing to do on PostgreSQL

        assertEquals(List.of("2"), migrations.migrate().stream().map(AppliedMigration::version).toList());
    }

    @Test
    void aMisspeltLocationIsAnErrorNotAnEmptyRun() {
        CreationException e = assertThrows(CreationException.class, () -> injector("classpath:db/it-migrationz"));

        MigrationFailedException failure = assertInstanceOf(MigrationFailedException.class, e.getCause());
        assertTrue(failure.getMessage().contains("db/it-migrationz"), failure.getMessage());
    }
}
