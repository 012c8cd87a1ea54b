package dev.quarry.entity;

import dev.quarry.internal.NearestNames;
import dev.quarry.naming.NamingStrategy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every entity the application knows, by mapping name and by class, with its metadata derived
 * once at start-up. Built by {@code QuarryModule}; problems in any entity are reported together.
 *
 * <pre>{@code
 * EntityRegistry registry = injector.getInstance(EntityRegistry.class);
 * registry.metadata("User@blog").table();
 * }</pre>
 */
public final class EntityRegistry {
    /** Where Quarry's annotation processor writes the entity index, one class name a line. */
    public static final String INDEX_RESOURCE = "META-INF/quarry/entities.index";

    private final Map<String, EntityMetadata<?>> byName = new LinkedHashMap<>();
    private final Map<Class<?>, EntityMetadata<?>> byClass = new LinkedHashMap<>();
    private final NamingStrategy naming;

    /**
     * Builds the registry.
     *
     * @param entities entity classes, each with an explicit mapping name or {@code null} for the
     *     one its {@code @Entity} annotation or class name gives
     * @throws InvalidEntityException listing every problem in every class
     */
    public EntityRegistry(Map<Class<?>, String> entities, NamingStrategy naming) {
        this.naming = naming;
        List<String> problems = new ArrayList<>();
        MetadataReader reader = new MetadataReader(naming, problems);
        for (Map.Entry<Class<?>, String> entry : entities.entrySet()) {
            EntityMetadata<?> metadata = reader.read(entry.getKey(), entry.getValue());
            if (metadata == null) {
                continue;
            }
            EntityMetadata<?> clash = byName.putIfAbsent(metadata.name(), metadata);
            if (clash != null) {
                problems.add(entry.getKey().getName() + " and " + clash.type().getName() + " are both mapped as "
                        + metadata.name() + ": give one of them another mapping name, or a module (\"" + metadata.baseName() + "@blog\").");
                continue;
            }
            byClass.put(metadata.type(), metadata);
        }
        if (!problems.isEmpty()) {
            throw new InvalidEntityException(problems);
        }
    }

    /** The naming strategy the registry derived its names with. */
    public NamingStrategy naming() {
        return naming;
    }

    /**
     * The metadata of the entity mapped as {@code name}.
     *
     * @throws UnknownEntityException naming the nearest known names
     */
    @SuppressWarnings("unchecked")
    public <T extends BaseEntity<T>> EntityMetadata<T> metadata(String name) {
        EntityMetadata<?> metadata = name == null ? null : byName.get(name);
        if (metadata == null) {
            throw new UnknownEntityException(name, NearestNames.of(name == null ? "" : name, byName.keySet()));
        }
        return (EntityMetadata<T>) metadata;
    }

    /**
     * The metadata of an entity class.
     *
     * @throws UnknownEntityException if the class is not registered
     */
    @SuppressWarnings("unchecked")
    public <T extends BaseEntity<T>> EntityMetadata<T> metadata(Class<T> type) {
        EntityMetadata<?> metadata = type == null ? null : byClass.get(type);
        if (metadata == null) {
            throw new UnknownEntityException(type == null ? null : type.getName(),
                    type == null ? List.of() : NearestNames.of(type.getSimpleName(), byName.keySet()));
        }
        return (EntityMetadata<T>) metadata;
    }

    /** The metadata of the entity mapped as {@code name}, if there is one. */
    public Optional<EntityMetadata<?>> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every registered mapping name. */
    public Set<String> names() {
        return new LinkedHashSet<>(byName.keySet());
    }

    /** Every registered entity. */
    public Collection<EntityMetadata<?>> all() {
        return List.copyOf(byName.values());
    }

    /**
     * The entity classes listed in every {@link #INDEX_RESOURCE} visible to {@code loader}, in
     * the order found. A class that cannot be loaded is reported with the index that named it.
     */
    public static List<Class<?>> indexedClasses(ClassLoader loader) {
        Set<String> names = new LinkedHashSet<>();
        Map<String, URL> source = new LinkedHashMap<>();
        try {
            Enumeration<URL> indexes = loader.getResources(INDEX_RESOURCE);
            while (indexes.hasMoreElements()) {
                URL index = indexes.nextElement();
                for (String line : readLines(index)) {
                    String name = line.strip();
                    if (!name.isEmpty() && !name.startsWith("#") && names.add(name)) {
                        source.put(name, index);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + INDEX_RESOURCE, e);
        }
        List<Class<?>> classes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            try {
                classes.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                problems.add(source.get(name) + " lists " + name + ", which cannot be loaded (" + e
                        + "): rebuild the project so the annotation processor rewrites the index.");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidEntityException(problems);
        }
        return classes;
    }

    private static List<String> readLines(URL url) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        }
    }
}
