package dev.quarry.entity;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Type;

/**
 * One persisted attribute of an entity: a field of the entity class and the column that
 * stores it. Read from {@link EntityMetadata#attributes()}.
 *
 * <pre>{@code
 * Attribute email = entities.get(User.class).metadata().attribute("email");
 * email.column();   // "email"
 * }</pre>
 */
public final class Attribute {
    private final int index;
    private final String name;
    private final String column;
    private final Field field;
    private final boolean key;
    private final boolean guarded;
    private final MethodHandle getter;
    private final MethodHandle setter;

    Attribute(int index, String name, String column, Field field, boolean key, boolean guarded,
              MethodHandle getter, MethodHandle setter) {
        this.index = index;
        this.name = name;
        this.column = column;
        this.field = field;
        this.key = key;
        this.guarded = guarded;
        this.getter = getter;
        this.setter = setter;
    }

    /** The attribute's position in {@link EntityMetadata#attributes()}. */
    public int index() {
        return index;
    }

    /** The attribute's name: the field name. */
    public String name() {
        return name;
    }

    /** The column that stores it. */
    public String column() {
        return column;
    }

    /** The Java type of the attribute; primitives are boxed. */
    public Class<?> type() {
        return box(field.getType());
    }

    /** The declared generic type of the field. */
    public Type genericType() {
        return field.getGenericType();
    }

    /** True if the field is a primitive, so it can never hold {@code null}. */
    public boolean isPrimitive() {
        return field.getType().isPrimitive();
    }

    /** True if the attribute is (part of) the entity's key. */
    public boolean isKey() {
        return key;
    }

    /** True if mass assignment ({@code fill}, {@code create}, {@code update}) may not set it. */
    public boolean isGuarded() {
        return guarded;
    }

    /** Reads the field of {@code entity} directly. */
    public Object read(Object entity) {
        try {
            return (Object) getter.invokeExact(entity); // the handles were adapted to Object types when read
        } catch (Throwable t) {
            throw sneaky(t);
        }
    }

    /**
     * Writes the field of {@code entity} directly, bypassing conversion. {@code null} on a
     * primitive field writes the primitive's zero.
     */
    public void write(Object entity, Object value) {
        try {
            setter.invokeExact(entity, value == null && isPrimitive() ? zero(field.getType()) : value);
        } catch (Throwable t) {
            throw sneaky(t);
        }
    }

    @Override
    public String toString() {
        return name + (name.equals(column) ? "" : " (column " + column + ")");
    }

    static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == float.class) {
            return Float.class;
        }
        if (type == short.class) {
            return Short.class;
        }
        if (type == byte.class) {
            return Byte.class;
        }
        return Character.class;
    }

    private static Object zero(Class<?> primitive) {
        if (primitive == boolean.class) {
            return false;
        }
        if (primitive == char.class) {
            return '\0';
        }
        if (primitive == long.class) {
            return 0L;
        }
        if (primitive == double.class) {
            return 0d;
        }
        if (primitive == float.class) {
            return 0f;
        }
        if (primitive == short.class) {
            return (short) 0;
        }
        if (primitive == byte.class) {
            return (byte) 0;
        }
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
