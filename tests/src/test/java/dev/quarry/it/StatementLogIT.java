package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.quarry.it.model.Person;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.sql.DataIntegrityException;
import dev.quarry.sql.ExecutedStatement;
import dev.quarry.sql.StatementFailedException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The statement log (SLF4J logger {@code dev.quarry.sql}, captured with a logback ListAppender
 * configured here rather than in a logback-test.xml) and the statement listener it is built on.
 */
class StatementLogIT extends DatabaseTest {
    private Logger logger;
    private Level originalLevel;
    private ListAppender<ILoggingEvent> appender;

    @BeforeEach
    void captureTheStatementLog() {
        logger = (Logger) LoggerFactory.getLogger("dev.quarry.sql");
        originalLevel = logger.getLevel();
        appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        statements.reset();
    }

    @AfterEach
    void restoreTheStatementLog() {
        logger.detachAppender(appender);
        appender.stop();
        logger.setLevel(originalLevel);
    }

    // ---- DEBUG ---------------------------------------------------------------------------------

    @Test
    void atDebugAQueryLogsOneDebugEventWithItsSqlAndBoundValue() {
        seedUser("ada@example.com");
        logger.setLevel(Level.DEBUG);
        appender.list.clear();

        List<User> found = entities.get(User.class).query().where("email", "ada@example.com").get();

        assertEquals(1, found.size());
        assertEquals(1, appender.list.size(), messages().toString());
        ILoggingEvent event = appender.list.get(0);
        assertEquals(Level.DEBUG, event.getLevel());
        assertEquals("dev.quarry.sql", event.getLoggerName());
        String message = event.getFormattedMessage();
        assertTrue(message.contains("SELECT \"users\".\"id\""), message);
        assertTrue(message.contains("FROM \"users\" WHERE \"users\".\"email\" = ?"), message);
        assertTrue(message.contains("ada@example.com"), message);
    }

    @Test
    void atDebugTheSqlKeepsItsPlaceholderAndTheValueIsLoggedAfterIt() {
        logger.setLevel(Level.DEBUG);
        entities.get(User.class).query().where("name", "Zed").get();
        String message = appender.list.get(0).getFormattedMessage();
        int bar = message.lastIndexOf(" | ");
        assertTrue(bar > 0, message);
        assertTrue(message.substring(0, bar).endsWith("WHERE \"users\".\"name\" = ?"), message);
        assertFalse(message.substring(0, bar).contains("Zed"), message);
        assertTrue(message.substring(bar).contains("Zed"), message);
    }

    @Test
    void atDebugEveryStatementLogsExactlyOneEvent() {
        logger.setLevel(Level.DEBUG);
        User user = entities.get(User.class).setEmail("ada@example.com").save();
        user.setName("Ada").save();
        entities.get(User.class).count();
        user.delete();
        assertEquals(4, statements.count());
        assertEquals(4, appender.list.size(), messages().toString());
        assertTrue(appender.list.stream().allMatch(e -> e.getLevel() == Level.DEBUG), messages().toString());
        assertTrue(messages().get(0).contains("INSERT INTO \"users\""), messages().get(0));
        assertTrue(messages().get(1).contains("UPDATE \"users\" SET \"name\" = ?"), messages().get(1));
        assertTrue(messages().get(2).contains("SELECT COUNT(*)"), messages().get(2));
        assertTrue(messages().get(3).contains("DELETE FROM \"users\""), messages().get(3));
    }

    // ---- INFO and above ------------------------------------------------------------------------

    @Test
    void atInfoNothingIsLoggedForASuccessfulStatement() {
        logger.setLevel(Level.INFO);
        entities.get(User.class).setEmail("ada@example.com").save();
        entities.get(User.class).query().where("email", "ada@example.com").get();
        assertEquals(2, statements.count(), "the statements did run");
        assertEquals(List.of(), messages());
    }

    @Test
    void aFailingStatementLogsAWarnWithItsSqlAndValues() {
        seedUser("ada@example.com");
        logger.setLevel(Level.INFO);
        appender.list.clear();

        assertThrows(DataIntegrityException.class, () -> entities.get(User.class).setEmail("ada@example.com").save());

        assertEquals(1, appender.list.size(), messages().toString());
        ILoggingEvent event = appender.list.get(0);
        assertEquals(Level.WARN, event.getLevel());
        String message = event.getFormattedMessage();
        assertTrue(message.startsWith("failed after "), message);
        assertTrue(message.contains("INSERT INTO \"users\" (\"email\") VALUES (?)"), message);
        assertTrue(message.contains("ada@example.com"), message);
    }

    @Test
    void aStatementTheDatabaseRejectsWhilePreparingLogsAWarn() {
        // HSQLDB reports a missing table when the statement is prepared, not when it executes.
        execute("DROP TABLE \"people\"");
        logger.setLevel(Level.INFO);
        appender.list.clear();
        assertThrows(StatementFailedException.class, () -> entities.get(Person.class).all());
        assertEquals(List.of(Level.WARN), appender.list.stream().map(ILoggingEvent::getLevel).toList(), messages().toString());
        assertTrue(messages().get(0).contains("FROM \"people\""), messages().get(0));
    }

    @Test
    void atDebugAFailingStatementLogsOnlyTheWarn() {
        seedUser("ada@example.com");
        logger.setLevel(Level.DEBUG);
        appender.list.clear();
        assertThrows(DataIntegrityException.class, () -> entities.get(User.class).setEmail("ada@example.com").save());
        assertEquals(List.of(Level.WARN), appender.list.stream().map(ILoggingEvent::getLevel).toList());
    }

    @Test
    void atErrorEvenAFailingStatementIsNotLogged() {
        seedUser("ada@example.com");
        logger.setLevel(Level.ERROR);
        appender.list.clear();
        assertThrows(DataIntegrityException.class, () -> entities.get(User.class).setEmail("ada@example.com").save());
        assertEquals(List.of(), messages());
    }

    // ---- the statement listener --------------------------------------------------------------

    @Test
    void theRecorderSeesAFailedStatementAsNotSucceeded() {
        seedUser("ada@example.com");
        statements.reset();
        assertThrows(DataIntegrityException.class, () -> entities.get(User.class).setEmail("ada@example.com").save());
        assertEquals(1, statements.count());
        ExecutedStatement failed = statements.statements().get(0);
        assertFalse(failed.succeeded());
        assertFalse(failed.isSelect());
        assertTrue(failed.sql().startsWith("INSERT INTO \"users\""), failed.sql());
        assertTrue(failed.bindings().contains("ada@example.com"), failed.bindings());
    }

    @Test
    void theRecorderSeesAStatementTheDatabaseRejectsWhilePreparingAsFailed() {
        execute("DROP TABLE \"people\"");
        statements.reset();
        assertThrows(StatementFailedException.class, () -> entities.get(Person.class).all());
        assertEquals(1, statements.count(), "a failed statement is still a statement Quarry ran");
        ExecutedStatement failed = statements.statements().get(0);
        assertFalse(failed.succeeded());
        assertTrue(failed.isSelect(), failed.sql());
    }

    @Test
    void theRecorderSeesSelectsAsSelectsAndWritesAsNot() {
        User user = entities.get(User.class).setEmail("ada@example.com").save();
        entities.get(User.class).query().where("email", "ada@example.com").get();
        entities.get(User.class).exists();
        entities.get(User.class).query().update(Map.of("name", "Ada"));
        user.delete();
        List<ExecutedStatement> recorded = statements.statements();
        assertEquals(List.of(false, true, true, false, false), recorded.stream().map(ExecutedStatement::isSelect).toList());
        assertTrue(recorded.stream().allMatch(ExecutedStatement::succeeded));
        assertTrue(recorded.stream().noneMatch(s -> s.elapsed().compareTo(Duration.ZERO) < 0));
    }

    @Test
    void aWithQueryCountsAsASelect() {
        assertTrue(new ExecutedStatement("  with x as (select 1) select * from x", "{}", Duration.ZERO, true).isSelect());
        assertFalse(new ExecutedStatement("UPDATE t SET a = 1", "{}", Duration.ZERO, true).isSelect());
    }

    @Test
    void theStatementLoggerIsOffWithoutChangingWhatTheRecorderSees() {
        logger.setLevel(Level.OFF);
        entities.get(User.class).setEmail("ada@example.com").save();
        assertEquals(1, statements.count());
        assertEquals(List.of(), messages());
    }

    // ---- helpers --------------------------------------------------------------------------------

    private List<String> messages() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private void seedUser(String email) {
        execute("INSERT INTO \"users\" (\"email\") VALUES (?)", email);
    }
}
