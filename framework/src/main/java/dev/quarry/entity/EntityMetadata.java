package dev.quarry.entity;

import dev.quarry.internal.NearestNames;
import java.lang.invoke.MethodHandle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Quarry knows about one entity class, derived once when the registry is built: its mapping
 * name, table, key, attributes and scopes.
 *
 * <pre>{@code
 * EntityMetadata<User> user = entities.get(User.class).metadata();
 * user.name();        // "User"
 * user.table();       // "users"
 * user.keyColumns();  // ["id"]
 * }</pre>
 *
 * @param <T> the entity class
 */
public final class EntityMetadata<T extends BaseEntity<T>> {
    private final Class<T> type;
    private final String name;
    private final String table;
    private final List<Attribute> attributes;
    private final List<Attribute> keys;
    private final KeyGeneration keyGeneration;
    private final Attribute createdAt;
    private final Attribute updatedAt;
    private final Map<String, ScopeMethod> scopes;
    private final Map<String, RelationMethod> relations;
    private final MethodHandle constructor;
    private final boolean needsInjection;
    private final Map<String, Attribute> byName = new LinkedHashMap<>();
    private final Map<String, Attribute> byColumn = new LinkedHashMap<>();

    @SuppressWarnings("TooManyParameters") // built only by MetadataReader, which names every argument
    EntityMetadata(Class<T> type, String name, String table, List<Attribute> attributes, KeyGeneration keyGeneration,
                   Attribute createdAt, Attribute updatedAt, Map<String, ScopeMethod> scopes,
                   Map<String, RelationMethod> relations, MethodHandle constructor, boolean needsInjection) {
        this.type = type;
        this.name = name;
        this.table = table;
        this.attributes = List.copyOf(attributes);
        this.keys = attributes.stream().filter(Attribute::isKey).toList();
        this.keyGeneration = keyGeneration;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.scopes = Map.copyOf(scopes);
        this.relations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(relations));
        this.constructor = constructor;
        this.needsInjection = needsInjection;
        for (Attribute attribute : attributes) {
            byName.put(attribute.name(), attribute);
            byColumn.put(attribute.column(), attribute);
        }
    }

    /** The entity class. */
    public Class<T> type() {
        return type;
    }

    /** The mapping name, with its module if it has one: {@code User} or {@code User@blog}. */
    public String name() {
        return name;
    }

    /** The mapping name without its module: {@code User}. */
    public String baseName() {
        int at = name.indexOf('@');
        return at < 0 ? name : name.substring(0, at);
    }

    /** The table that stores the entity. */
    public String table() {
        return table;
    }

    /** Every persisted attribute, in declaration order (superclass attributes first). */
    public List<Attribute> attributes() {
        return attributes;
    }

    /** The key attributes: one, or several for a composite key. */
    public List<Attribute> keys() {
        return keys;
    }

    /** The key columns, in key order. */
    public List<String> keyColumns() {
        return keys.stream().map(Attribute::column).toList();
    }

    /** True if the key has more than one attribute. */
    public boolean hasCompositeKey() {
        return keys.size() > 1;
    }

    /** How a new entity's key gets its value ({@link KeyGeneration#AUTO} already resolved). */
    public KeyGeneration keyGeneration() {
        return keyGeneration;
    }

    /** The created timestamp attribute, if the entity has {@link Timestamps}. */
    public Optional<Attribute> createdAt() {
        return Optional.ofNullable(createdAt);
    }

    /** The updated timestamp attribute, if the entity has {@link Timestamps}. */
    public Optional<Attribute> updatedAt() {
        return Optional.ofNullable(updatedAt);
    }

    /** The attribute with this name, if there is one. */
    public Optional<Attribute> findAttribute(String attributeName) {
        return attributeName == null ? Optional.empty() : Optional.ofNullable(byName.get(attributeName));
    }

    /**
     * The attribute with this name.
     *
     * @throws UnknownAttributeException if there is none; the message lists the nearest names
     */
    public Attribute attribute(String attributeName) {
        Attribute attribute = attributeName == null ? null : byName.get(attributeName);
        if (attribute == null) {
            throw new UnknownAttributeException(name, attributeName,
                    attributeName == null ? List.of() : NearestNames.of(attributeName, byName.keySet()));
        }
        return attribute;
    }

    /** The attribute stored in this column, if there is one. */
    public Optional<Attribute> findAttributeByColumn(String column) {
        return column == null ? Optional.empty() : Optional.ofNullable(byColumn.get(column));
    }

    /** The names of all attributes. */
    public List<String> attributeNames() {
        return List.copyOf(byName.keySet());
    }

    /** The scope with this name, if the entity declares one. */
    public Optional<ScopeMethod> findScope(String scopeName) {
        return Optional.ofNullable(scopes.get(scopeName));
    }

    /** The names of the entity's scopes. */
    public List<String> scopeNames() {
        return scopes.keySet().stream().sorted().toList();
    }

    /** The relation with this name, if the entity declares one. */
    public Optional<RelationMethod> findRelation(String relationName) {
        return Optional.ofNullable(relations.get(relationName));
    }

    /** The names of the entity's relations, in declaration order. */
    public List<String> relationNames() {
        return List.copyOf(relations.keySet());
    }

    /**
     * True if the class has {@code @Inject} members of its own, so instances must come from the
     * injector; otherwise Quarry may construct rows it reads directly, which is faster.
     */
    public boolean needsInjection() {
        return needsInjection;
    }

    /** Constructs a bare instance with the no-argument constructor (no injection, no context). */
    public T construct() {
        try {
            return type.cast(constructor.invoke());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new InvalidEntityException(List.of(name + ": its constructor failed: " + t), t);
        }
    }

    @Override
    public String toString() {
        return "Entity " + name + " (" + type.getName() + ", table " + table + ")";
    }
}
