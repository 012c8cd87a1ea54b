package dev.quarry.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.sql.dialect.HsqldbDialect;
import dev.quarry.sql.dialect.PostgresDialect;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SqlBuilderInListTest {
    private static final List<Long> MANY_IDS = LongStream.rangeClosed(1, SqlBuilder.ARRAY_FROM).boxed().toList();

    @Test
    void aLongListOfLongKeysIsOneArrayParameterOnPostgresql() {
        SqlBuilder sql = new SqlBuilder(new PostgresDialect()).in("t.id", MANY_IDS, Long.class);

        assertEquals("\"t\".\"id\" = ANY(?)", sql.sql());
        assertEquals(1, sql.parameterCount());
    }

    @Test
    void aLongListOfLongKeysIsOneUnnestedArrayOnHsqldb() {
        SqlBuilder sql = new SqlBuilder(new HsqldbDialect()).in("t.id", MANY_IDS, null);

        assertEquals("\"t\".\"id\" IN (UNNEST(?))", sql.sql());
        assertEquals(1, sql.parameterCount());
    }

    @Test
    void aShortListStaysAPlaceholderPerValue() {
        SqlBuilder sql = new SqlBuilder(new PostgresDialect()).in("id", MANY_IDS.subList(0, SqlBuilder.ARRAY_FROM - 1), Long.class);

        assertEquals(SqlBuilder.ARRAY_FROM - 1, sql.parameterCount());
        assertTrue(sql.sql().startsWith("\"id\" IN (?, ?"), sql.sql());
    }

    @Test
    void stringsAreBoundValueByValue() {
        List<String> emails = Collections.nCopies(SqlBuilder.ARRAY_FROM, "a@b");

        assertEquals(SqlBuilder.ARRAY_FROM, new SqlBuilder(new PostgresDialect()).in("email", emails, String.class).parameterCount());
    }

    @Test
    void aListMixingTypesOrHoldingANullIsBoundValueByValue() {
        List<Object> mixed = new ArrayList<>(MANY_IDS);
        mixed.set(3, 4);
        List<Object> withNull = new ArrayList<>(MANY_IDS);
        withNull.set(0, null);

        assertEquals(SqlBuilder.ARRAY_FROM, new SqlBuilder(new PostgresDialect()).in("id", mixed, null).parameterCount());
        assertEquals(SqlBuilder.ARRAY_FROM, new SqlBuilder(new HsqldbDialect()).in("id", withNull, null).parameterCount());
    }

    @Test
    void twoArraysOfTheSameValuesAreEqualBindings() {
        List<Object> first = new SqlBuilder(new PostgresDialect()).in("id", MANY_IDS, Long.class).values();
        List<Object> second = new SqlBuilder(new PostgresDialect()).in("id", new ArrayList<>(MANY_IDS), Long.class).values();

        assertEquals(first, second);
    }
}
