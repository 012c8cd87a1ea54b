package dev.quarry.relation;

import dev.quarry.entity.Attribute;
import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.EntityMetadata;
import dev.quarry.entity.RelationMethod;
import dev.quarry.internal.EntityAccess;
import dev.quarry.internal.EntityContext;
import dev.quarry.internal.EntityState;
import dev.quarry.internal.NearestNames;
import dev.quarry.internal.Persister;
import dev.quarry.internal.ValueConverter;
import dev.quarry.query.Constraints;
import dev.quarry.query.QueryBuilder;
import dev.quarry.sql.SqlBuilder;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What {@link HasManyThrough} and {@link HasOneThrough} share: the entities at the end of a chain
 * of relations, each name a relation of the entity the previous one reaches, of any type
 * (belongsTo, hasMany, hasOne, belongsToMany) and any length. It reads in one statement joined
 * along the chain, loads eagerly for many parents in one more, and takes part in relation
 * queries. It is read-only.
 *
 * <pre>{@code
 * public HasManyThrough<User, Permission> permissionsThroughRoles() {
 *     return hasManyThrough("roles", "permissions");          // User.roles() -> Role.permissions()
 * }
 *
 * public HasMany<User, UserPermission> userPermissions() { return hasMany(UserPermission.class); }
 * public HasManyThrough<User, Permission> permissions() {
 *     return hasManyThrough("userPermissions", "permission"); // through a pivot entity, as in Quick's page
 * }
 * }</pre>
 *
 * <p>The chain follows each relation's keys and pivot table; conditions a relation method of the
 * chain declares ({@code where}, {@code wherePivot}) are not applied along the way.
 *
 * @param <P> the parent entity
 * @param <R> the entity at the end of the chain
 * @param <Q> the relation's own type
 */
public abstract class ThroughRelation<P extends BaseEntity<P>, R extends BaseEntity<R>, Q extends ThroughRelation<P, R, Q>>
        extends Relation<P, R, Q> {
    private static final String THROUGH_ALIAS = "through_";

    private final List<String> chain;
    private final List<Link> links;
    private final List<String> tables;
    private List<List<Object>> eagerKeys;

    /** The chain resolved by {@link #resolve}. */
    protected record Chain(List<String> names, List<Link> links, List<String> tables, EntityMetadata<?> end) {}

    protected ThroughRelation(EntityContext context, EntityMetadata<R> related, P parent, String name, Chain chain) {
        this(context, related, parent, name, chain.names(), chain.links(), chain.tables());
    }

    private ThroughRelation(EntityContext context, EntityMetadata<R> related, P parent, String name, List<String> chain,
                            List<Link> links, List<String> tables) {
        super(context, related, parent, name);
        this.chain = chain;
        this.links = links;
        this.tables = tables;
    }

    /**
     * Resolves the chain from {@code parent}'s entity; made by {@code BaseEntity.hasManyThrough(...)}.
     *
     * @throws UnknownRelationException naming the link that does not exist
     */
    protected static Chain resolve(EntityContext context, BaseEntity<?> parent, String name, List<String> chain) {
        if (chain.isEmpty()) {
            throw new InvalidRelationException(parent.mappingName(), name, "hasManyThrough needs at least one relation name.");
        }
        List<Link> links = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        EntityMetadata<?> current = parent.metadata();
        for (String step : chain) {
            RelationMethod method = find(current, step, parent.mappingName(), name);
            Relationship<?> relation = method.relationOf(prototype(context, current));
            if (!(relation instanceof Relation<?, ?, ?> entityRelation) || relation instanceof ThroughRelation<?, ?, ?>) {
                throw new InvalidRelationException(parent.mappingName(), name, "its link " + step + " of " + current.name()
                        + " is a " + relation.getClass().getSimpleName()
                        + "; a chain links belongsTo, hasOne, hasMany and belongsToMany relations of entities.");
            }
            links.add(entityRelation.link());
            current = entityRelation.related();
            tables.add(current.table());
        }
        return new Chain(List.copyOf(chain), links, tables, current);
    }

    /** The chain as resolved, for a subclass's copies. */
    protected final Chain chainResolved() {
        return new Chain(chain, links, tables, metadata);
    }

    /** Copies the eager state into a copy made by a subclass. */
    protected final Q copyInto(Q copy) {
        ((ThroughRelation<P, R, Q>) copy).eagerKeys = eagerKeys;
        return copy;
    }

    /** The relation names of the chain. */
    public List<String> chain() {
        return chain;
    }

    /** Two paths along the chain may reach the same entity: read it once. */
    @Override
    protected boolean distinct() {
        return true;
    }

    @Override
    Link link() {
        throw new InvalidRelationException(parent.mappingName(), name, "a relation through a chain cannot itself be a link of another chain;"
                + " list the relations of both chains in one.");
    }

    // ---- SQL: FROM the first link's table, joined along the chain to the related table --------

    @Override
    protected void renderFrom(SqlBuilder sql) {
        for (int i = 0; i < links.size(); i++) {
            Link link = links.get(i);
            if (link.hasPivot()) {
                if (i == 0) {
                    sql.identifier(link.pivotTable()).append(" ").identifier(pivotAlias(i));
                } else {
                    join(sql, link.pivotTable(), pivotAlias(i), tableAlias(i - 1), link.parentColumns(), link.pivotParentColumns());
                }
                join(sql, tables.get(i), tableAlias(i), pivotAlias(i), link.pivotRelatedColumns(), link.relatedColumns());
            } else if (i == 0) {
                table(sql, 0);
            } else {
                join(sql, tables.get(i), tableAlias(i), tableAlias(i - 1), link.parentColumns(), link.relatedColumns());
            }
        }
    }

    @Override
    protected void renderExtraColumns(SqlBuilder sql) {
        List<String> first = firstColumns();
        for (int i = 0; i < first.size(); i++) {
            sql.append(", ").identifier(first.get(i)).append(" AS ").identifier(THROUGH_ALIAS + i);
        }
    }

    @Override
    protected void constrain(Constraints constraints) {
        List<String> first = firstColumns();
        List<Attribute> parentKeys = parentAttributes();
        List<Type> types = parentKeys.stream().map(Persister::bindType).toList();
        if (correlatedOuter() != null) {
            for (int i = 0; i < first.size(); i++) {
                constraints.columnsEqual(first.get(i), correlatedOuter() + "." + parentKeys.get(i).column());
            }
        } else if (eagerKeys != null) {
            constraints.anyTuple(first, eagerKeys, types);
        } else {
            requireSavedParent("read " + name);
            List<Object> key = parentValues(parent);
            for (int i = 0; i < first.size(); i++) {
                constraints.compare(first.get(i), "=", key.get(i), types.get(i));
            }
        }
    }

    @Override
    protected final boolean limitsPerParent() {
        return true;
    }

    @Override
    protected final PerParent perParent() {
        if (eagerKeys == null) {
            return null;
        }
        List<Attribute> parentKeys = parentAttributes();
        return new PerParent(firstColumns(), parentKeys.stream().map(Attribute::column).toList(), eagerKeys,
                parentKeys.stream().map(Persister::bindType).toList());
    }

    @Override
    protected List<R> loaded(List<R> rows) {
        for (R row : rows) {
            EntityState<R> state = EntityAccess.state(row);
            Map<String, Object> extras = new HashMap<>(state.extras());
            if (eagerGrouping != null) {
                eagerGrouping.accept(row, extras);
            }
            extras.keySet().removeIf(k -> k.startsWith(THROUGH_ALIAS));
            state.setExtras(extras);
        }
        return rows;
    }

    /** Loads for every parent at once; {@code store} caches each parent's rows. */
    protected final List<R> eagerLoadThrough(List<P> parents, Consumer<QueryBuilder<?, ?>> constraint,
                                             java.util.function.BiConsumer<P, List<R>> store) {
        Q query = eagerQuery(constraint);
        Set<List<Object>> keys = new LinkedHashSet<>();
        parents.stream().filter(BaseEntity::isLoaded).map(this::parentValues).filter(k -> !k.contains(null)).forEach(keys::add);
        List<List<Object>> list = new ArrayList<>(keys);
        List<Attribute> parentKeys = parentAttributes();
        Map<List<Object>, List<R>> grouped = new HashMap<>();
        List<R> all = new ArrayList<>();
        int chunk = Math.max(1, context.database().dialect().keysPerStatement() / parentKeys.size());
        for (int from = 0; from < list.size(); from += chunk) {
            Q part = query.copy();
            ThroughRelation<P, R, Q> through = part;
            through.eagerKeys = list.subList(from, Math.min(list.size(), from + chunk));
            for (R row : through.getWithThroughKeys(parentKeys, grouped)) {
                all.add(row);
            }
        }
        for (P p : parents) {
            List<R> rows = p.isLoaded() ? grouped.get(parentValues(p)) : null;
            store.accept(p, rows == null ? List.of() : List.copyOf(rows));
        }
        return all;
    }

    /** Runs the query, grouping each row by the parent key it was reached from (read before loaded() drops it). */
    private List<R> getWithThroughKeys(List<Attribute> parentKeys, Map<List<Object>, List<R>> grouped) {
        List<R> rows = new ArrayList<>();
        eagerGrouping = (row, extras) -> {
            List<Object> key = new ArrayList<>();
            for (int i = 0; i < parentKeys.size(); i++) {
                key.add(ValueConverter.convert(extras.get(THROUGH_ALIAS + i), parentKeys.get(i), parent.mappingName()));
            }
            grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
            rows.add(row);
        };
        try {
            get();
        } finally {
            eagerGrouping = null;
        }
        return rows;
    }

    /** Set during an eager load: loaded() hands it each row with its through-keys before dropping them. */
    private java.util.function.BiConsumer<R, Map<String, Object>> eagerGrouping;

    // ---- helpers ----------------------------------------------------------------------------

    private List<String> firstColumns() {
        Link first = links.get(0);
        String ref = first.hasPivot() ? pivotAlias(0) : tableAlias(0);
        List<String> columns = first.hasPivot() ? first.pivotParentColumns() : first.relatedColumns();
        return columns.stream().map(c -> ref + "." + c).toList();
    }

    private List<Attribute> parentAttributes() {
        EntityMetadata<P> parentMeta = parent.metadata();
        return KeyPairs.byColumns(parentMeta, links.get(0).parentColumns(), parentMeta.name(), name, "key");
    }

    private List<Object> parentValues(P entity) {
        List<Attribute> keys = parentAttributes();
        List<Object> values = new ArrayList<>(keys.size());
        keys.forEach(k -> values.add(k.read(entity)));
        return values;
    }

    private String tableAlias(int index) {
        return index == links.size() - 1 ? tableRef() : "quarry_t" + depthTag() + index;
    }

    private String pivotAlias(int index) {
        return "quarry_p" + depthTag() + index;
    }

    /** Keeps the aliases of a chain inside a subquery apart from those of the query around it. */
    private String depthTag() {
        return correlatedOuter() == null ? "" : tableRef() + "_";
    }

    private void table(SqlBuilder sql, int index) {
        if (index == links.size() - 1) {
            renderTable(sql);
        } else {
            sql.identifier(tables.get(index)).append(" ").identifier(tableAlias(index));
        }
    }

    private void join(SqlBuilder sql, String table, String alias, String leftRef, List<String> leftColumns,
                      List<String> rightColumns) {
        sql.append(" INNER JOIN ");
        if (alias.equals(tableRef())) {
            renderTable(sql);
        } else {
            sql.identifier(table).append(" ").identifier(alias);
        }
        sql.append(" ON ");
        for (int i = 0; i < leftColumns.size(); i++) {
            sql.append(i == 0 ? "" : " AND ").identifier(leftRef + "." + leftColumns.get(i)).append(" = ")
                    .identifier(alias + "." + rightColumns.get(i));
        }
    }

    private static RelationMethod find(EntityMetadata<?> entity, String step, String owner, String relation) {
        return entity.findRelation(step)
                .or(() -> entity.relationNames().stream().filter(n -> n.equalsIgnoreCase(step)).findFirst()
                        .flatMap(entity::findRelation))
                .orElseThrow(() -> new UnknownRelationException(entity.name(), step + " (in the chain of " + owner + "." + relation + ")",
                        NearestNames.of(step.toLowerCase(Locale.ROOT), entity.relationNames()), entity.relationNames()));
    }

    private static BaseEntity<?> prototype(EntityContext context, EntityMetadata<?> entity) {
        return newInstance(context, entity);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static BaseEntity<?> newInstance(EntityContext context, EntityMetadata entity) {
        return context.newInstance(entity);
    }
}
