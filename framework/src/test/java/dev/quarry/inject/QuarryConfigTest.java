package dev.quarry.inject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class QuarryConfigTest {

    private static QuarryConfig from(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return QuarryConfig.fromProperties(properties);
    }

    @Test
    void theDefaultsPoolTenConnectionsAndRunNoMigrations() {
        QuarryConfig config = QuarryConfig.defaults();

        assertEquals(Optional.of(PoolSettings.defaults()), config.pool());
        assertEquals(10, PoolSettings.defaults().maximumSize());
        assertEquals(List.of(), config.migrations());
    }

    @Test
    void theSchemaIsValidatedOnlyWhenAsked() {
        assertEquals(false, QuarryConfig.defaults().validateSchema());
        assertEquals(true, from("quarry.validateSchema", "true").validateSchema());
        assertEquals(true, QuarryModule.builder().validateSchema().config().validateSchema());
    }

    @Test
    void aValidateSchemaPropertyThatIsNotABooleanIsRefused() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> from("quarry.validateSchema", "yes"));
        assertTrue(e.getMessage().contains("quarry.validateSchema"), e.getMessage());
    }

    @Test
    void migrationLocationsAreCommaSeparated() {
        assertEquals(List.of("classpath:db/migration", "filesystem:sql"),
                from("quarry.migrations", "classpath:db/migration , filesystem:sql").migrations());
    }

    @Test
    void poolSettingsAreReadInMilliseconds() {
        PoolSettings pool = from("quarry.pool.maximumSize", "20", "quarry.pool.minimumIdle", "2",
                "quarry.pool.connectionTimeout", "5000", "quarry.pool.idleTimeout", "60000",
                "quarry.pool.maxLifetime", "600000").pool().orElseThrow();

        assertEquals(20, pool.maximumSize());
        assertEquals(2, pool.minimumIdle());
        assertEquals(Duration.ofSeconds(5), pool.connectionTimeout());
        assertEquals(Duration.ofMinutes(1), pool.idleTimeout());
        assertEquals(Duration.ofMinutes(10), pool.maxLifetime());
    }

    @Test
    void aFixedSizePoolStaysFixedWhenItsSizeChanges() {
        assertEquals(20, PoolSettings.defaults().maximumSize(20).minimumIdle());
        assertEquals(2, PoolSettings.defaults().minimumIdle(2).maximumSize(20).minimumIdle());
        assertEquals(3, PoolSettings.defaults().minimumIdle(5).maximumSize(3).minimumIdle());
    }

    @Test
    void poolEnabledFalseConnectsWithoutAPool() {
        assertEquals(Optional.empty(), from("quarry.pool.enabled", "false").pool());
    }

    @Test
    void aNonNumericPoolSizeNamesTheSetting() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> from("quarry.pool.maximumSize", "ten"));

        assertTrue(e.getMessage().contains("The setting quarry.pool.maximumSize is 'ten', but must be a whole number."),
                e.getMessage());
    }

    @Test
    void aPoolOfZeroConnectionsIsRefused() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> PoolSettings.defaults().maximumSize(0));

        assertTrue(e.getMessage().contains("quarry.pool.maximumSize is '0', but must be at least 1"), e.getMessage());
    }

    @Test
    void moreIdleConnectionsThanTheMaximumAreRefused() {
        assertThrows(InvalidConfigurationException.class, () -> PoolSettings.defaults().maximumSize(5).minimumIdle(6));
    }

    @Test
    void aConnectionTimeoutBelowHikarisMinimumIsRefused() {
        assertThrows(InvalidConfigurationException.class,
                () -> PoolSettings.defaults().connectionTimeout(Duration.ofMillis(100)));
    }

    @Test
    void poolEnabledMustBeTrueOrFalse() {
        assertThrows(InvalidConfigurationException.class, () -> from("quarry.pool.enabled", "yes"));
    }
}
