package dev.quarry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ValueConverterTest {
    enum Colour { RED, GREEN }

    @Test
    void convertsEveryRepresentationOfTheSameIdToOneLong() {
        assertEquals(4L, ValueConverter.convert("4", Long.class));
        assertEquals(4L, ValueConverter.convert(4, Long.class));
        assertEquals(4L, ValueConverter.convert(4L, Long.class));
        assertEquals(4L, ValueConverter.convert(new BigDecimal("4.00"), Long.class));
    }

    @Test
    void refusesLossyNumberConversions() {
        assertThrows(ValueConverter.ConversionFailed.class, () -> ValueConverter.convert(4.5, Long.class));
        assertThrows(ValueConverter.ConversionFailed.class, () -> ValueConverter.convert(Long.MAX_VALUE, Integer.class));
        assertThrows(ValueConverter.ConversionFailed.class, () -> ValueConverter.convert("12abc", Integer.class));
    }

    @Test
    void convertsTextToBooleansUuidsEnumsAndDates() {
        assertEquals(true, ValueConverter.convert("true", Boolean.class));
        assertEquals(false, ValueConverter.convert("0", Boolean.class));
        UUID id = UUID.randomUUID();
        assertEquals(id, ValueConverter.convert(id.toString(), UUID.class));
        assertEquals(Colour.GREEN, ValueConverter.convert("GREEN", Colour.class));
        assertEquals(LocalDate.of(2026, 11, 23), ValueConverter.convert("2026-11-23", LocalDate.class));
        assertEquals(Instant.parse("2026-11-23T10:00:00Z"), ValueConverter.convert("2026-11-23T10:00:00Z", Instant.class));
    }

    @Test
    void refusesTextThatIsNotOfTheTargetType() {
        assertThrows(ValueConverter.ConversionFailed.class, () -> ValueConverter.convert("maybe", Boolean.class));
        assertThrows(ValueConverter.ConversionFailed.class, () -> ValueConverter.convert("BLUE", Colour.class));
        assertThrows(ValueConverter.ConversionFailed.class, () -> ValueConverter.convert("not-a-uuid", UUID.class));
        assertThrows(ValueConverter.ConversionFailed.class, () -> ValueConverter.convert("yesterday", LocalDate.class));
    }

    @Test
    void convertsBetweenPointsInTime() {
        Instant instant = Instant.parse("2026-11-23T10:00:00Z");
        assertEquals(LocalDateTime.of(2026, 11, 23, 10, 0), ValueConverter.convert(instant, LocalDateTime.class));
        assertEquals(instant, ValueConverter.convert(java.sql.Timestamp.from(instant), Instant.class));
    }

    @Test
    void keepsValuesAlreadyOfTheTargetTypeAndNull() {
        String text = "same";
        assertEquals(text, ValueConverter.convert(text, String.class));
        assertEquals(null, ValueConverter.convert(null, Long.class));
    }

    @Test
    void refusesObjectsWithoutAConversion() {
        assertThrows(ValueConverter.ConversionFailed.class, () -> ValueConverter.convert(new Object(), Long.class));
    }
}
