package dev.quarry.it.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.quarry.Entities;
import dev.quarry.inject.QuarryModule;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.relation.LazyLoadingPreventedException;
import dev.quarry.sql.Database;
import dev.quarry.testing.StatementRecorder;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the samples of docs/strict-mode.md. */
class StrictModeSamplesIT extends DatabaseTest {

    @BeforeEach
    void threeUsersWithARole() {
        Role admin = entities.get(Role.class).create(Map.of("name", "admin"));
        for (String email : new String[] {"a@example.com", "b@example.com", "c@example.com"}) {
            entities.get(User.class).create(Map.of("email", email)).roles().attach(admin);
        }
        statements.reset();
    }

    @Test
    void theNPlusOneLoopRunsOneStatementPerUserWithoutStrictMode() {
        StatementRecorder counted = new StatementRecorder();
        Injector lenient = Guice.createInjector(QuarryModule.builder().url(url).statementListener(counted).build());
        Entities entities = lenient.getInstance(Entities.class);
        try {
            // snippet:start strict-n-plus-one
            for (User user : entities.get(User.class).all()) {           // 1 statement
                user.getRoles();                                          // + 1 statement per user
            }
            // snippet:end
            assertEquals(1 + 3, counted.count());
        } finally {
            lenient.getInstance(Database.class).close();
        }
    }

    @Test
    void theEagerLoopRunsTwoStatements() {
        // snippet:start strict-eager-loop
        for (User user : entities.get(User.class).with("roles").get()) {   // 2 statements in all
            user.getRoles();                                                // already loaded
        }
        // snippet:end
        assertEquals(2, statements.count());
    }

    @Test
    void strictModeRefusesTheNPlusOneLoop() {
        // snippet:start strict-enable
        Injector injector = Guice.createInjector(QuarryModule.builder()
                .url(url)
                .preventLazyLoading()
                .build());
        // snippet:end
        try {
            User first = injector.getInstance(Entities.class).get(User.class).all().get(0);
            LazyLoadingPreventedException e = assertThrows(LazyLoadingPreventedException.class, first::getRoles);
            assertTrue(DocPage.read("strict-mode.md").contains(e.getMessage().replace(
                    "\n  Learn more: docs/errors.md#lazyloadingprevented", "").replace("3 rows", "2 rows")), e.getMessage());
        } finally {
            injector.getInstance(Database.class).close();
        }
    }
}
