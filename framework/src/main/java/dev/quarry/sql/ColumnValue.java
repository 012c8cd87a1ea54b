package dev.quarry.sql;

import java.lang.reflect.Type;

/** A column, the value to write to it, and the type to bind the value as (so that a null is typed). */
public record ColumnValue(String column, Object value, Type type) {}
