package dev.quarry.internal;

import dev.quarry.entity.Attribute;
import dev.quarry.entity.InvalidValueException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

/**
 * Converts values given in maps, ids and query-string-like input to an attribute's type, and
 * refuses what cannot be converted without loss. {@code "4"}, {@code 4} and {@code 4L} all become
 * the same {@code Long} key.
 */
public final class ValueConverter {
    private ValueConverter() {}

    /** {@code value} as {@code attribute}'s type. */
    public static Object convert(Object value, Attribute attribute, String entityName) {
        if (value == null && attribute.isPrimitive()) {
            throw new InvalidValueException(entityName, attribute.name(), null, attribute.type(),
                    "the field is a primitive " + attribute.type().getSimpleName().toLowerCase(Locale.ROOT)
                            + " and cannot hold null");
        }
        try {
            return convert(value, attribute.type());
        } catch (ConversionFailed e) {
            throw new InvalidValueException(entityName, attribute.name(), value, attribute.type(), e.getMessage());
        }
    }

    /**
     * True if a value read from the database and a value given by the application mean the same:
     * {@code 4L} and {@code 4}, {@code 1.50} and {@code 1.5}, a {@code Timestamp} and the same {@code Instant}.
     */
    public static boolean sameValue(Object stored, Object given) {
        if (stored == null || given == null) {
            return stored == given;
        }
        if (stored instanceof byte[] a && given instanceof byte[] b) {
            return java.util.Arrays.equals(a, b);
        }
        if (stored instanceof Number a && given instanceof Number b) {
            if (!Double.isFinite(a.doubleValue()) || !Double.isFinite(b.doubleValue())) {
                return Double.compare(a.doubleValue(), b.doubleValue()) == 0; // NaN and infinities have no BigDecimal
            }
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        if (stored.getClass().isInstance(given)) {
            return stored.equals(given);
        }
        try {
            return sameValue(stored, convert(given, stored.getClass()));
        } catch (ConversionFailed e) {
            return stored.toString().equals(given.toString());
        }
    }

    /** {@code value} as {@code target}, or empty if it cannot be converted without loss. */
    public static java.util.Optional<Object> tryConvert(Object value, Class<?> target) {
        try {
            return java.util.Optional.ofNullable(convert(value, target));
        } catch (ConversionFailed e) {
            return java.util.Optional.empty();
        }
    }

    /** {@code value} as {@code target}; throws {@link ConversionFailed} with the reason. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object convert(Object value, Class<?> target) {
        if (value == null || target.isInstance(value)) {
            return value;
        }
        try {
            if (value instanceof Number n) {
                return fromNumber(n, target);
            }
            if (value instanceof String s) {
                return fromString(s.strip(), target);
            }
            if (value instanceof Timestamp t) {
                return fromInstant(t.toInstant(), target);
            }
            if (value instanceof Instant i) {
                return fromInstant(i, target);
            }
            if (value instanceof OffsetDateTime o) {
                return fromInstant(o.toInstant(), target);
            }
            if (value instanceof LocalDateTime l) {
                return fromInstant(l.toInstant(ZoneOffset.UTC), target);
            }
            if (value instanceof UUID u && target == String.class) {
                return u.toString();
            }
            if (value instanceof Enum<?> e && target == String.class) {
                return e.name();
            }
            if (value instanceof Boolean b && target == String.class) {
                return b.toString();
            }
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw new ConversionFailed(e.getMessage() == null ? "it does not parse" : e.getMessage());
        }
        throw new ConversionFailed("no conversion from " + value.getClass().getSimpleName());
    }

    private static Object fromNumber(Number n, Class<?> target) {
        if (target == Long.class) {
            return exact(n).longValueExact();
        }
        if (target == Integer.class) {
            return exact(n).intValueExact();
        }
        if (target == Short.class) {
            return exact(n).shortValueExact();
        }
        if (target == Byte.class) {
            return exact(n).byteValueExact();
        }
        if (target == BigInteger.class) {
            return exact(n).toBigIntegerExact();
        }
        if (target == BigDecimal.class) {
            return new BigDecimal(n.toString());
        }
        if (target == Double.class) {
            return n.doubleValue();
        }
        if (target == Float.class) {
            return n.floatValue();
        }
        if (target == Boolean.class && (n.intValue() == 0 || n.intValue() == 1) && n.doubleValue() == n.intValue()) {
            return n.intValue() == 1;
        }
        if (target == String.class) {
            return n.toString();
        }
        throw new ConversionFailed("no conversion from a number");
    }

    private static BigDecimal exact(Number n) {
        BigDecimal d = new BigDecimal(n.toString());
        if (d.stripTrailingZeros().scale() > 0) {
            throw new ConversionFailed("it has a fractional part");
        }
        return d;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object fromString(String s, Class<?> target) {
        if (Number.class.isAssignableFrom(target)) {
            return fromNumber(new BigDecimal(s), target);
        }
        if (target == Boolean.class) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "on" -> true;
                case "false", "0", "no", "off" -> false;
                default -> throw new ConversionFailed("it is not a boolean");
            };
        }
        if (target == UUID.class) {
            try {
                return UUID.fromString(s);
            } catch (IllegalArgumentException e) {
                throw new ConversionFailed("it is not a UUID");
            }
        }
        if (target.isEnum()) {
            try {
                return Enum.valueOf((Class<Enum>) target, s);
            } catch (IllegalArgumentException e) {
                throw new ConversionFailed("it is not one of " + java.util.Arrays.toString(target.getEnumConstants()));
            }
        }
        if (target == LocalDate.class) {
            return LocalDate.parse(s);
        }
        if (target == LocalDateTime.class) {
            return LocalDateTime.parse(s);
        }
        if (target == Instant.class) {
            return Instant.parse(s);
        }
        if (target == OffsetDateTime.class) {
            return OffsetDateTime.parse(s);
        }
        if (target == Character.class && s.length() == 1) {
            return s.charAt(0);
        }
        throw new ConversionFailed("no conversion from text");
    }

    private static Object fromInstant(Instant instant, Class<?> target) {
        if (target == Instant.class) {
            return instant;
        }
        if (target == OffsetDateTime.class) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (target == LocalDateTime.class) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (target == Timestamp.class) {
            return Timestamp.from(instant);
        }
        if (target == LocalDate.class) {
            return LocalDate.ofInstant(instant, ZoneOffset.UTC);
        }
        throw new ConversionFailed("no conversion from a point in time");
    }

    /** Why a conversion was refused. */
    static final class ConversionFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConversionFailed(String reason) {
            super(reason, null, false, false);
        }
    }
}
