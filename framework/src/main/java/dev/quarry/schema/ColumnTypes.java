package dev.quarry.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which JDBC column types can hold which Java attribute types. Lenient where drivers differ:
 * PostgreSQL reports {@code boolean} as {@code BIT}, {@code timestamptz} as {@code TIMESTAMP},
 * {@code uuid} and {@code json} as {@code OTHER}; HSQLDB reports {@code UUID} as {@code BINARY}.
 * A Java type not listed here (a custom type) is not checked.
 */
final class ColumnTypes {
    private static final Set<Integer> TEXT = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR,
            Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB);
    private static final Set<Integer> INTEGRAL = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT,
            Types.NUMERIC, Types.DECIMAL);
    private static final Set<Integer> DECIMAL = union(INTEGRAL, Set.of(Types.FLOAT, Types.REAL, Types.DOUBLE));
    private static final Set<Integer> BOOLEAN = Set.of(Types.BOOLEAN, Types.BIT);
    private static final Set<Integer> TIMESTAMP = Set.of(Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE);
    private static final Set<Integer> BINARY = Set.of(Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB);
    private static final Map<Class<?>, Set<Integer>> BY_JAVA_TYPE = Map.ofEntries(
            Map.entry(String.class, union(TEXT, Set.of(Types.OTHER))),
            Map.entry(Character.class, TEXT),
            Map.entry(Long.class, INTEGRAL),
            Map.entry(Integer.class, INTEGRAL),
            Map.entry(Short.class, INTEGRAL),
            Map.entry(Byte.class, INTEGRAL),
            Map.entry(BigInteger.class, INTEGRAL),
            Map.entry(BigDecimal.class, DECIMAL),
            Map.entry(Double.class, DECIMAL),
            Map.entry(Float.class, DECIMAL),
            Map.entry(Boolean.class, BOOLEAN),
            Map.entry(Instant.class, TIMESTAMP),
            Map.entry(OffsetDateTime.class, TIMESTAMP),
            Map.entry(ZonedDateTime.class, TIMESTAMP),
            Map.entry(LocalDateTime.class, TIMESTAMP),
            Map.entry(Timestamp.class, TIMESTAMP),
            Map.entry(LocalDate.class, union(Set.of(Types.DATE), TIMESTAMP)),
            Map.entry(LocalTime.class, Set.of(Types.TIME, Types.TIME_WITH_TIMEZONE)),
            Map.entry(UUID.class, union(Set.of(Types.OTHER, Types.JAVA_OBJECT, Types.CHAR, Types.VARCHAR), BINARY)),
            Map.entry(byte[].class, BINARY));

    private ColumnTypes() {}

    /** True if a column of JDBC type {@code jdbcType} can hold {@code javaType}, or if Quarry does not know. */
    static boolean compatible(Class<?> javaType, int jdbcType) {
        if (javaType.isEnum()) {
            return TEXT.contains(jdbcType) || INTEGRAL.contains(jdbcType) || jdbcType == Types.OTHER;
        }
        Set<Integer> accepted = BY_JAVA_TYPE.get(javaType);
        return accepted == null || accepted.contains(jdbcType);
    }

    /** What to declare the column as, for a fix: {@code VARCHAR}, {@code BIGINT}, ... */
    static String suggestedColumn(Class<?> javaType) {
        if (javaType.isEnum() || javaType == String.class || javaType == Character.class) {
            return "VARCHAR";
        }
        if (javaType == Long.class || javaType == BigInteger.class) {
            return "BIGINT";
        }
        if (javaType == Integer.class || javaType == Short.class || javaType == Byte.class) {
            return "INTEGER";
        }
        if (javaType == Boolean.class) {
            return "BOOLEAN";
        }
        if (javaType == BigDecimal.class) {
            return "NUMERIC";
        }
        if (javaType == Double.class || javaType == Float.class) {
            return "DOUBLE PRECISION";
        }
        if (Set.of(Instant.class, OffsetDateTime.class, ZonedDateTime.class, LocalDateTime.class, Timestamp.class).contains(javaType)) {
            return "TIMESTAMP";
        }
        if (javaType == LocalDate.class) {
            return "DATE";
        }
        if (javaType == LocalTime.class) {
            return "TIME";
        }
        if (javaType == UUID.class) {
            return "UUID";
        }
        return "a column type the driver maps to " + javaType.getSimpleName();
    }

    private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
        java.util.HashSet<Integer> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
