package dev.quarry.entity;

import dev.quarry.naming.NamingStrategy;
import dev.quarry.query.Query;
import dev.quarry.relation.Relationship;
import dev.quarry.sql.Identifiers;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Derives an entity's metadata from its class, once, and collects every problem it finds so that
 * start-up reports them all together.
 */
final class MetadataReader {
    private static final Pattern MAPPING_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern MODULE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final Set<Class<?>> INTEGRAL_KEYS = Set.of(
            Long.class, Integer.class, Short.class, BigInteger.class, long.class, int.class, short.class);
    private static final Set<Class<?>> TIMESTAMP_TYPES = Set.of(
            Instant.class, LocalDateTime.class, OffsetDateTime.class, Timestamp.class);
    private static final Set<String> INJECT_ANNOTATIONS = Set.of("jakarta.inject.Inject", "com.google.inject.Inject");
    private static final String JAVAX_INJECT = "javax.inject.Inject";

    private final NamingStrategy naming;
    private final List<String> problems;

    MetadataReader(NamingStrategy naming, List<String> problems) {
        this.naming = naming;
        this.problems = problems;
    }

    /** Reads {@code type}; returns null (and records why) if it cannot be an entity. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    EntityMetadata<?> read(Class<?> type, String explicitName) {
        int before = problems.size();
        String where = type.getName();
        if (!BaseEntity.class.isAssignableFrom(type)) {
            problem(where, "does not extend dev.quarry.entity.BaseEntity", "declare it as `class "
                    + type.getSimpleName() + " extends BaseEntity<" + type.getSimpleName() + ">`");
            return null;
        }
        checkShape(type, where);
        String name = mappingName(type, explicitName, where);
        String table = tableName(type, name, where);
        KeyGeneration requested = requestedGeneration(persistedFields(type));
        List<Attribute> attributes = attributes(type, requested, where);
        KeyGeneration generation = keyGeneration(attributes, requested, where);
        Attribute createdAt = null;
        Attribute updatedAt = null;
        Timestamps timestamps = type.getAnnotation(Timestamps.class);
        if (timestamps != null) {
            createdAt = timestampAttribute(attributes, timestamps.createdAt(), "createdAt", where);
            updatedAt = timestampAttribute(attributes, timestamps.updatedAt(), "updatedAt", where);
        }
        Map<String, ScopeMethod> scopes = scopes(type, where);
        Map<String, RelationMethod> relations = relations(type, where);
        MethodHandle constructor = noArgConstructor(type);
        boolean needsInjection = hasInjectedMembers(type);
        javaxInjected(type).forEach(member -> problem(where, "marks " + member + " with javax.inject.Inject, which Guice 7 ignores",
                "use jakarta.inject.Inject (or com.google.inject.Inject)"));
        boolean inner = type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers());
        if (constructor == null && !needsInjection && !inner) {
            problem(where, "has no constructor Quarry can call", "add a no-argument constructor, or an @Inject constructor");
        }
        if (problems.size() > before) {
            return null;
        }
        return new EntityMetadata(type, name, table, attributes, generation, createdAt, updatedAt, scopes, relations,
                constructor, needsInjection || constructor == null);
    }

    private void checkShape(Class<?> type, String where) {
        if (Modifier.isAbstract(type.getModifiers())) {
            problem(where, "is abstract", "only concrete classes can be entities; register its concrete subclasses");
        }
        if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            problem(where, "is an inner class", "make it a top-level class or a static nested class");
        }
        if (type.getSuperclass() == BaseEntity.class) {
            Type superType = type.getGenericSuperclass();
            if (superType instanceof ParameterizedType p && p.getActualTypeArguments()[0] != type) {
                problem(where, "extends BaseEntity<" + p.getActualTypeArguments()[0].getTypeName() + ">",
                        "an entity names itself: `extends BaseEntity<" + type.getSimpleName() + ">`");
            }
        }
    }

    private String mappingName(Class<?> type, String explicitName, String where) {
        Entity annotation = type.getAnnotation(Entity.class);
        String base = explicitName != null ? explicitName
                : annotation != null && !annotation.value().isEmpty() ? annotation.value() : type.getSimpleName();
        String module = annotation != null && explicitName == null ? annotation.module() : "";
        int at = base.indexOf('@');
        if (at >= 0) {
            module = base.substring(at + 1);
            base = base.substring(0, at);
        }
        if (!MAPPING_NAME.matcher(base).matches() || base.length() > Identifiers.MAX_PART_LENGTH) {
            problem(where, "has the mapping name " + Identifiers.printable(base), "a mapping name starts with a letter,"
                    + " has only letters, digits and _, and is at most " + Identifiers.MAX_PART_LENGTH + " characters long");
        }
        if (!module.isEmpty() && !MODULE_NAME.matcher(module).matches()) {
            problem(where, "has the module " + Identifiers.printable(module),
                    "a module name has only letters, digits, _, . and -");
        }
        return module.isEmpty() ? base : base + "@" + module;
    }

    private String tableName(Class<?> type, String name, String where) {
        Entity annotation = type.getAnnotation(Entity.class);
        int at = name.indexOf('@');
        String table = annotation != null && !annotation.table().isEmpty()
                ? annotation.table() : naming.tableName(at < 0 ? name : name.substring(0, at));
        if (!Identifiers.isValid(table)) {
            problem(where, "has the table name " + Identifiers.printable(table),
                    "a table name has only letters, digits and _ (optionally schema.table)");
        }
        return table;
    }

    private static List<Field> persistedFields(Class<?> type) {
        Deque<Class<?>> hierarchy = new ArrayDeque<>();
        for (Class<?> c = type; c != null && c != BaseEntity.class && c != Object.class; c = c.getSuperclass()) {
            hierarchy.push(c);
        }
        List<Field> fields = new ArrayList<>();
        for (Class<?> c : hierarchy) {
            for (Field field : c.getDeclaredFields()) {
                int mods = field.getModifiers();
                if (!Modifier.isStatic(mods) && !Modifier.isTransient(mods) && !field.isSynthetic() && !isInjected(field)) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    private List<Attribute> attributes(Class<?> type, KeyGeneration generation, String where) {
        List<Field> fields = persistedFields(type);
        boolean explicitKey = fields.stream().anyMatch(f -> f.isAnnotationPresent(Id.class));
        if (!explicitKey && fields.stream().noneMatch(f -> f.getName().equals("id"))) {
            problem(where, "has no key attribute", "add a field `Long id`, or mark the key field(s) with @Id");
        }
        List<Attribute> attributes = new ArrayList<>();
        Map<String, String> columns = new HashMap<>();
        for (Field field : fields) {
            boolean key = explicitKey ? field.isAnnotationPresent(Id.class) : field.getName().equals("id");
            Attribute attribute = attribute(attributes.size(), field, key, generation, fields, where);
            if (attribute == null) {
                continue;
            }
            String previous = columns.putIfAbsent(attribute.column(), attribute.name());
            if (previous != null) {
                problem(where, "maps attributes " + previous + " and " + attribute.name() + " to the same column "
                        + attribute.column(), "give one of them its own @Column");
            }
            attributes.add(attribute);
        }
        return attributes;
    }

    private Attribute attribute(int index, Field field, boolean key, KeyGeneration requested, List<Field> fields, String where) {
        Column column = field.getAnnotation(Column.class);
        String columnName = column != null ? column.value() : naming.columnName(field.getName());
        if (!Identifiers.isValidPart(columnName)) {
            problem(where, "maps attribute " + field.getName() + " to the column " + Identifiers.printable(columnName),
                    "a column name has only letters, digits and _");
            return null;
        }
        if (Modifier.isFinal(field.getModifiers())) {
            problem(where, "has the final attribute field " + field.getName(),
                    "attribute fields are written when rows are read: remove `final`, or mark the field transient");
            return null;
        }
        boolean generated = key && fields.stream().filter(f -> isKeyField(f, fields)).count() == 1
                && resolve(requested, field.getType()) != KeyGeneration.ASSIGNED;
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(field.getDeclaringClass(), MethodHandles.lookup());
            MethodHandle getter = lookup.unreflectGetter(field).asType(MethodType.methodType(Object.class, Object.class));
            MethodHandle setter = lookup.unreflectSetter(field).asType(MethodType.methodType(void.class, Object.class, Object.class));
            return new Attribute(index, field.getName(), columnName, field, key,
                    generated || field.isAnnotationPresent(Guarded.class), getter, setter);
        } catch (IllegalAccessException e) {
            problem(where, "does not let Quarry read its field " + field.getName() + " (" + e.getMessage() + ")",
                    "in a named module, open the entity's package to Quarry: `opens " + field.getDeclaringClass().getPackageName() + ";`");
            return null;
        }
    }

    private static boolean isKeyField(Field field, List<Field> fields) {
        boolean explicit = fields.stream().anyMatch(f -> f.isAnnotationPresent(Id.class));
        return explicit ? field.isAnnotationPresent(Id.class) : field.getName().equals("id");
    }

    private static KeyGeneration requestedGeneration(List<Field> fields) {
        return fields.stream().map(f -> f.getAnnotation(Id.class)).filter(id -> id != null)
                .map(Id::generation).filter(g -> g != KeyGeneration.AUTO).findFirst().orElse(KeyGeneration.AUTO);
    }

    private static KeyGeneration resolve(KeyGeneration requested, Class<?> keyType) {
        if (requested != KeyGeneration.AUTO) {
            return requested;
        }
        if (INTEGRAL_KEYS.contains(keyType)) {
            return KeyGeneration.IDENTITY;
        }
        return keyType == UUID.class ? KeyGeneration.UUID : KeyGeneration.ASSIGNED;
    }

    private KeyGeneration keyGeneration(List<Attribute> attributes, KeyGeneration requested, String where) {
        List<Attribute> keys = attributes.stream().filter(Attribute::isKey).toList();
        if (keys.isEmpty()) {
            return KeyGeneration.ASSIGNED;
        }
        if (keys.size() > 1) {
            if (requested != KeyGeneration.AUTO && requested != KeyGeneration.ASSIGNED) {
                problem(where, "asks for " + requested + " keys on a composite key",
                        "a composite key is assigned by the application: drop the generation from @Id");
            }
            return KeyGeneration.ASSIGNED;
        }
        Class<?> type = keys.get(0).type();
        KeyGeneration resolved = resolve(requested, type);
        if (resolved != KeyGeneration.ASSIGNED && keys.get(0).isPrimitive()) {
            problem(where, "has the generated key " + keys.get(0).name() + " of primitive type "
                    + type.getSimpleName().toLowerCase(java.util.Locale.ROOT),
                    "a generated key is null until the first save, so declare it as " + type.getSimpleName());
        }
        if (resolved == KeyGeneration.IDENTITY && !INTEGRAL_KEYS.contains(type)) {
            problem(where, "asks for IDENTITY keys on the " + type.getSimpleName() + " key " + keys.get(0).name(),
                    "an identity key is Long or Integer; use KeyGeneration.UUID or ASSIGNED for other types");
        }
        if (resolved == KeyGeneration.UUID && type != UUID.class && type != String.class) {
            problem(where, "asks for UUID keys on the " + type.getSimpleName() + " key " + keys.get(0).name(),
                    "a UUID key is java.util.UUID or String");
        }
        return resolved;
    }

    private Attribute timestampAttribute(List<Attribute> attributes, String name, String role, String where) {
        Attribute attribute = attributes.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
        if (attribute == null) {
            problem(where, "has @Timestamps but no attribute " + name,
                    "add a field `Instant " + name + "`, or name the attribute with @Timestamps(" + role + " = \"...\")");
            return null;
        }
        if (!TIMESTAMP_TYPES.contains(attribute.type())) {
            problem(where, "has the timestamp attribute " + name + " of type " + attribute.type().getSimpleName(),
                    "make it Instant, LocalDateTime, OffsetDateTime or java.sql.Timestamp");
        }
        return attribute;
    }

    private Map<String, ScopeMethod> scopes(Class<?> type, String where) {
        Map<String, ScopeMethod> scopes = new LinkedHashMap<>();
        for (Class<?> c = type; c != null && c != BaseEntity.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                Scope scope = method.getAnnotation(Scope.class);
                if (scope == null) {
                    continue;
                }
                String name = scope.value().isEmpty() ? method.getName() : scope.value();
                Class<?>[] params = method.getParameterTypes();
                if (params.length == 0 || params[0] != Query.class) {
                    problem(where, "has the scope " + method.getName() + " whose first parameter is not a Query",
                            "declare it as `void " + method.getName() + "(Query<" + type.getSimpleName() + "> query, ...)`");
                    continue;
                }
                if (method.getExceptionTypes().length > 0 && java.util.Arrays.stream(method.getExceptionTypes())
                        .anyMatch(e -> !RuntimeException.class.isAssignableFrom(e))) {
                    problem(where, "has the scope " + method.getName() + " that declares checked exceptions",
                            "a scope only adds conditions to a query: remove the throws clause");
                    continue;
                }
                if (scopes.containsKey(name)) {
                    continue; // a subclass's scope overrides its superclass's
                }
                try {
                    MethodHandle handle = MethodHandles.privateLookupIn(c, MethodHandles.lookup()).unreflect(method);
                    scopes.put(name, new ScopeMethod(name, method, handle));
                } catch (IllegalAccessException e) {
                    problem(where, "does not let Quarry call its scope " + method.getName(),
                            "in a named module, open the entity's package to Quarry");
                }
            }
        }
        return scopes;
    }

    private Map<String, RelationMethod> relations(Class<?> type, String where) {
        Map<String, RelationMethod> relations = new LinkedHashMap<>();
        for (Class<?> c = type; c != null && c != BaseEntity.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers()) || method.isBridge()
                        || method.isSynthetic() || !Relationship.class.isAssignableFrom(method.getReturnType())
                        || relations.containsKey(method.getName())) {
                    continue;
                }
                try {
                    MethodHandle handle = MethodHandles.privateLookupIn(c, MethodHandles.lookup()).unreflect(method)
                            .asType(MethodType.methodType(Object.class, Object.class));
                    relations.put(method.getName(), new RelationMethod(method.getName(), method.getReturnType(), handle,
                            pivotColumns(method, where)));
                } catch (IllegalAccessException e) {
                    problem(where, "does not let Quarry call its relation " + method.getName(),
                            "in a named module, open the entity's package to Quarry");
                }
            }
        }
        return relations;
    }

    /** The columns of the relation method's {@code @PivotColumns}, which only a belongsToMany may declare. */
    private List<String> pivotColumns(Method method, String where) {
        dev.quarry.relation.PivotColumns declared = method.getAnnotation(dev.quarry.relation.PivotColumns.class);
        if (declared == null) {
            return List.of();
        }
        if (!dev.quarry.relation.BelongsToMany.class.isAssignableFrom(method.getReturnType())) {
            problem(where, "declares @PivotColumns on its relation " + method.getName() + ", which has no pivot",
                    "move it to a method returning BelongsToMany, or remove it");
            return List.of();
        }
        List<String> columns = new ArrayList<>();
        for (String column : declared.value()) {
            if (!Identifiers.isValidPart(column)) {
                problem(where, "declares the pivot column " + Identifiers.printable(column) + " on its relation " + method.getName(),
                        "a column name has only letters, digits and _");
            } else if (!columns.contains(column)) {
                columns.add(column);
            }
        }
        return columns;
    }

    private static MethodHandle noArgConstructor(Class<?> type) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            if (Modifier.isPrivate(constructor.getModifiers())) {
                return null;
            }
            return MethodHandles.privateLookupIn(type, MethodHandles.lookup()).unreflectConstructor(constructor)
                    .asType(MethodType.methodType(Object.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }

    private static boolean hasInjectedMembers(Class<?> type) {
        for (Class<?> c = type; c != null && c != BaseEntity.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (isInjected(field)) {
                    return true;
                }
            }
            for (Method method : c.getDeclaredMethods()) {
                if (isInjected(method)) {
                    return true;
                }
            }
            for (Constructor<?> constructor : c.getDeclaredConstructors()) {
                if (isInjected(constructor)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> javaxInjected(Class<?> type) {
        List<String> members = new ArrayList<>();
        for (Class<?> c = type; c != null && c != BaseEntity.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (hasAnnotation(field, JAVAX_INJECT)) {
                    members.add("the field " + field.getName());
                }
            }
            for (Method method : c.getDeclaredMethods()) {
                if (hasAnnotation(method, JAVAX_INJECT)) {
                    members.add("the method " + method.getName());
                }
            }
            for (Constructor<?> constructor : c.getDeclaredConstructors()) {
                if (hasAnnotation(constructor, JAVAX_INJECT)) {
                    members.add("a constructor");
                }
            }
        }
        return members;
    }

    private static boolean hasAnnotation(AccessibleObject member, String annotation) {
        for (Annotation a : member.getDeclaredAnnotations()) {
            if (a.annotationType().getName().equals(annotation)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isInjected(AccessibleObject member) {
        for (Annotation annotation : member.getDeclaredAnnotations()) {
            if (INJECT_ANNOTATIONS.contains(annotation.annotationType().getName())) {
                return true;
            }
        }
        return false;
    }

    private void problem(String where, String found, String fix) {
        problems.add(where + " " + found + ": " + fix + ".");
    }
}
