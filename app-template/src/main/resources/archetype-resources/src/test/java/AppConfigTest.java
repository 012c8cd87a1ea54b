package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AppConfigTest {

    @Test
    void withNothingSetTheAppUsesTheEmbeddedDatabaseOnPort8080() {
        AppConfig config = AppConfig.from(new Properties(), Map.of());

        assertEquals(AppConfig.DEFAULT_DATABASE_URL, config.databaseUrl());
        assertEquals(8080, config.port());
        assertEquals("localhost", config.host());
        assertTrue(config.preventLazyLoading());
    }

    @Test
    void strictModeIsTurnedOffOnlyByFalse() {
        assertFalse(AppConfig.from(new Properties(), Map.of("QUARRY_PREVENT_LAZY_LOADING", "false")).preventLazyLoading());
        assertTrue(AppConfig.from(new Properties(), Map.of("QUARRY_PREVENT_LAZY_LOADING", "no")).preventLazyLoading());
    }

    @Test
    void environmentVariablesSetTheDatabaseAndPort() {
        AppConfig config = AppConfig.from(new Properties(), Map.of(
                "QUARRY_URL", "jdbc:postgresql://db/app", "QUARRY_USERNAME", "app", "PORT", "9000"));

        assertEquals("jdbc:postgresql://db/app", config.databaseUrl());
        assertEquals("app", config.databaseUser());
        assertEquals(9000, config.port());
    }

    @Test
    void aSystemPropertyWinsOverTheEnvironment() {
        Properties properties = new Properties();
        properties.setProperty("quarry.url", "jdbc:hsqldb:mem:from-property");

        AppConfig config = AppConfig.from(properties, Map.of("QUARRY_URL", "jdbc:hsqldb:mem:from-environment"));

        assertEquals("jdbc:hsqldb:mem:from-property", config.databaseUrl());
    }

    @Test
    void aPortThatIsNotANumberIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AppConfig.from(new Properties(), Map.of("PORT", "http")));

        assertTrue(e.getMessage().contains("'http'"), e.getMessage());
    }

    @Test
    void aPasswordInTheUrlIsMaskedWhenPrinted() {
        AppConfig config = AppConfig.from(new Properties(), Map.of(
                "QUARRY_URL", "jdbc:postgresql://db/app?user=app&password=secret&ssl=true"));

        assertEquals("jdbc:postgresql://db/app?user=app&password=***&ssl=true", config.printableDatabaseUrl());
    }
}
