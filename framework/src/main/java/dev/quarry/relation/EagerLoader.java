package dev.quarry.relation;

import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.EntityMetadata;
import dev.quarry.entity.RelationMethod;
import dev.quarry.internal.NearestNames;
import dev.quarry.query.InvalidQueryException;
import dev.quarry.query.QueryBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Loads relation paths ({@code "roles"}, {@code "roles.permissions"}) for a list of entities: one
 * statement per relation and level, whatever the number of entities.
 */
public final class EagerLoader {
    private EagerLoader() {}

    /** Loads every path in {@code paths} (each with its constraint or null) into {@code entities}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T extends BaseEntity<T>> void load(List<T> entities, Map<String, Consumer<QueryBuilder<?, ?>>> paths) {
        if (entities.isEmpty() || paths.isEmpty()) {
            return;
        }
        // The parents of a polymorphic relation are of several entities: load each kind on its own.
        Map<Class<?>, List<BaseEntity<?>>> byType = new LinkedHashMap<>();
        for (T entity : entities) {
            byType.computeIfAbsent(entity.getClass(), c -> new ArrayList<>()).add(entity);
        }
        if (byType.size() > 1) {
            byType.values().forEach(group -> load((List) group, paths));
            return;
        }
        Map<String, Map<String, Consumer<QueryBuilder<?, ?>>>> nested = new LinkedHashMap<>();
        Map<String, Consumer<QueryBuilder<?, ?>>> constraints = new LinkedHashMap<>();
        for (Map.Entry<String, Consumer<QueryBuilder<?, ?>>> path : paths.entrySet()) {
            String full = path.getKey();
            int dot = full.indexOf('.');
            String head = dot < 0 ? full : full.substring(0, dot);
            nested.computeIfAbsent(head, h -> new LinkedHashMap<>());
            if (dot < 0) {
                constraints.put(head, path.getValue());
            } else {
                nested.get(head).put(full.substring(dot + 1), path.getValue());
            }
        }
        for (Map.Entry<String, Map<String, Consumer<QueryBuilder<?, ?>>>> level : nested.entrySet()) {
            List<?> related = loadOne(entities, level.getKey(), constraints.get(level.getKey()));
            loadNested(related, level.getValue());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void loadNested(List<?> related, Map<String, Consumer<QueryBuilder<?, ?>>> paths) {
        if (paths.isEmpty() || related.isEmpty()) {
            return;
        }
        if (!(related.get(0) instanceof BaseEntity<?>)) {
            throw new InvalidQueryException("Cannot eager load " + paths.keySet() + " below a relation to a table without an"
                    + " entity: its rows are plain maps, which have no relations.");
        }
        load((List) related, paths);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T extends BaseEntity<T>> List<?> loadOne(
            List<T> entities, String relationName, Consumer<QueryBuilder<?, ?>> constraint) {
        T first = entities.get(0);
        EntityMetadata<T> metadata = first.metadata();
        RelationMethod method = metadata.findRelation(relationName).orElseThrow(() -> new UnknownRelationException(
                metadata.name(), relationName, NearestNames.of(relationName, metadata.relationNames()), metadata.relationNames()));
        Relationship relation = method.relationOf(first);
        return new ArrayList<>(relation.eagerLoad(entities, constraint));
    }
}
