package dev.quarry.relation;

import dev.quarry.entity.Attribute;
import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.EntityMetadata;
import dev.quarry.internal.EntityAccess;
import dev.quarry.internal.EntityContext;
import dev.quarry.internal.EntityState;
import dev.quarry.internal.Persister;
import dev.quarry.internal.ValueConverter;
import dev.quarry.naming.Inflector;
import dev.quarry.naming.NamingStrategy;
import dev.quarry.query.Constraints;
import dev.quarry.query.InvalidQueryException;
import dev.quarry.query.QueryBuilder;
import dev.quarry.relation.pivot.PivotWriter;
import dev.quarry.relation.pivot.SyncResult;
import dev.quarry.relation.pivot.ToggleResult;
import dev.quarry.sql.Identifiers;
import dev.quarry.sql.RowMaps;
import dev.quarry.sql.SqlBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A many-to-many relation to a table that has no entity (Mongoloquent's form): it reads plain
 * rows, each a map of the related table's columns plus its pivot row under {@code "pivot"}, and
 * writes the pivot table with the same operations as {@link BelongsToMany}, taking ids as given.
 *
 * <pre>{@code
 * public BelongsToManyTable<User> roleRows() {
 *     return belongsToManyTable("roles");            // pivot roles_users(userId, roleId), related key "id"
 * }
 *
 * List<Map<String, Object>> rows = user.roleRows().orderBy("name").get();
 * Pivot pivot = (Pivot) rows.get(0).get("pivot");
 * user.roleRows().attach(1, 2);
 * }</pre>
 *
 * <p>It is declared with its own method so that a misspelled entity name in {@code belongsToMany}
 * is an error rather than a silent switch to rows.
 *
 * @param <P> the parent entity
 */
public final class BelongsToManyTable<P extends BaseEntity<P>> implements Relationship<P> {
    private static final String PIVOT_ALIAS = "pivot_";

    private final EntityContext context;
    private final P parent;
    private final String name;
    private final String relatedTable;
    private String table;
    private List<String> foreignPivotKeys;
    private List<String> relatedPivotKeys;
    private List<String> parentKeys;
    private List<String> relatedKeys = List.of("id");
    private Class<?> keyType = Long.class;
    private final List<String> pivotColumns = new ArrayList<>();
    private boolean timestamps;
    private final List<Object[]> conditions = new ArrayList<>();
    private final List<Order> orders = new ArrayList<>();
    private Integer limit;
    private List<P> eagerParents;

    /** Made by {@code BaseEntity.belongsToManyTable(...)}. */
    public BelongsToManyTable(EntityContext context, P parent, String name, String relatedTable) {
        this.context = context;
        this.parent = parent;
        this.name = name;
        this.relatedTable = Identifiers.require(relatedTable, "related table", "relation " + name + " of " + parent.mappingName());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public P parent() {
        return parent;
    }

    // ---- declaration --------------------------------------------------------------------------

    /** The pivot table, instead of the convention's. */
    public BelongsToManyTable<P> table(String pivotTable) {
        this.table = pivotTable;
        return this;
    }

    /** The pivot column(s) holding the parent's key. */
    public BelongsToManyTable<P> foreignPivotKey(String... columns) {
        this.foreignPivotKeys = List.of(columns);
        return this;
    }

    /** The pivot column(s) holding the related row's key. */
    public BelongsToManyTable<P> relatedPivotKey(String... columns) {
        this.relatedPivotKeys = List.of(columns);
        return this;
    }

    /** The parent attribute(s) stored in the pivot, instead of the parent's primary key. */
    public BelongsToManyTable<P> parentKey(String... attributes) {
        this.parentKeys = List.of(attributes);
        return this;
    }

    /** The related table's key column(s), instead of {@code id}. */
    public BelongsToManyTable<P> relatedKey(String... columns) {
        this.relatedKeys = List.of(columns);
        return this;
    }

    /**
     * The Java type of the related key, to which given ids are converted ({@code "4"}, {@code 4} and
     * {@code 4L} are one id); {@code Long} unless set. Use {@code String.class} for text keys.
     */
    public BelongsToManyTable<P> keyType(Class<?> type) {
        this.keyType = type;
        return this;
    }

    /** Reads these pivot columns with every row. */
    public BelongsToManyTable<P> withPivot(String... columns) {
        for (String column : columns) {
            pivotColumns.add(Identifiers.requirePart(column, "pivot column", "withPivot on " + describe()));
        }
        return this;
    }

    /** Keeps created/updated timestamps on the pivot, as {@link BelongsToMany#withTimestamps()} does. */
    public BelongsToManyTable<P> withTimestamps() {
        this.timestamps = true;
        return this;
    }

    // ---- reading ----------------------------------------------------------------------------

    /** Only rows whose related column equals {@code value} (null means IS NULL). */
    public BelongsToManyTable<P> where(String column, Object value) {
        return where(column, "=", value);
    }

    /** Only rows matching {@code column operator value}; operators as {@code where} accepts them. */
    public BelongsToManyTable<P> where(String column, String operator, Object value) {
        String sql = Constraints.normalizeOperator(operator);
        if (value == null && !sql.equals("=") && !sql.equals("<>")) {
            throw new InvalidQueryException("where(" + column + ", " + operator + ", null) on " + describe()
                    + " compares with null, which never matches: use = or <> with null.");
        }
        conditions.add(new Object[] {qualified(column), sql, value});
        return this;
    }

    /** Orders the rows by a related column, {@code asc} or {@code desc}. */
    public BelongsToManyTable<P> orderBy(String column, String direction) {
        String dir = direction == null ? "" : direction.strip().toLowerCase(Locale.ROOT);
        if (!dir.equals("asc") && !dir.equals("desc")) {
            throw new InvalidQueryException("orderBy on " + describe() + " takes asc or desc, not " + Identifiers.printable(direction) + ".");
        }
        orders.add(new Order(qualified(column), dir.equals("desc")));
        return this;
    }

    /** Orders the rows by a related column, ascending. */
    public BelongsToManyTable<P> orderBy(String column) {
        return orderBy(column, "asc");
    }

    /** At most {@code count} rows. */
    public BelongsToManyTable<P> limit(int count) {
        if (count < 0) {
            throw new InvalidQueryException("limit on " + describe() + " must be 0 or more, not " + count + ".");
        }
        this.limit = count;
        return this;
    }

    /** The related rows: one SELECT joined through the pivot, each row with its pivot under {@code "pivot"}. */
    public List<Map<String, Object>> get() {
        if (limit != null && limit == 0) {
            return new ArrayList<>();
        }
        SqlBuilder sql = select();
        PivotTable pivot = pivotTable();
        return context.database().withHandle(h -> sql.bindTo(h.createQuery(sql.sql())).map(RowMaps.exactLabels()).list())
                .stream().map(row -> withPivot(row, pivot)).toList();
    }

    /** The first related row, if any. */
    public Optional<Map<String, Object>> first() {
        Integer previous = limit;
        limit = 1;
        try {
            return get().stream().findFirst();
        } finally {
            limit = previous;
        }
    }

    /** How many related rows there are. */
    public long count() {
        SqlBuilder sql = new SqlBuilder(context.database().dialect()).append("SELECT COUNT(*) FROM ");
        from(sql);
        where(sql);
        return context.database().withHandle(h -> sql.bindTo(h.createQuery(sql.sql())).mapTo(Long.class).one());
    }

    /** True if there is any related row. */
    public boolean exists() {
        return count() > 0;
    }

    /** The rows, loaded once and cached on the parent; with call-site conditions, that query, uncached. */
    @Override
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> getResults() {
        if (!isAsDeclared()) {
            return List.copyOf(get());
        }
        EntityState<P> state = EntityAccess.state(parent);
        if (!state.hasRelation(name)) {
            state.setRelation(name, List.copyOf(get()));
        }
        return (List<Map<String, Object>>) state.relation(name);
    }

    @Override
    public List<Map<String, Object>> eagerLoad(List<P> parents, Consumer<QueryBuilder<?, ?>> constraint) {
        if (constraint != null) {
            throw new InvalidQueryException("The eager load of " + describe() + " takes no constraint: it reads plain rows"
                    + " of " + relatedTable + "; declare conditions in the relation method instead.");
        }
        if (limit != null) {
            throw new InvalidQueryException("A limit in the eager load of " + describe() + " would apply to all parents together.");
        }
        Map<List<Object>, P> byKey = new LinkedHashMap<>();
        parents.stream().filter(BaseEntity::isLoaded).forEach(p -> byKey.putIfAbsent(parentKeyValues(p), p));
        PivotTable pivot = pivotTable();
        Map<List<Object>, List<Map<String, Object>>> grouped = new HashMap<>();
        List<Map<String, Object>> all = new ArrayList<>();
        List<List<Object>> keys = new ArrayList<>(byKey.keySet());
        int chunk = Math.max(1, context.database().dialect().keysPerStatement() / pivot.parentKeys().size());
        for (int from = 0; from < keys.size(); from += chunk) {
            this.eagerParents = keys.subList(from, Math.min(keys.size(), from + chunk)).stream().map(byKey::get).toList();
            try {
                for (Map<String, Object> row : get()) {
                    Pivot values = (Pivot) row.get("pivot");
                    List<Object> parentKey = new ArrayList<>();
                    for (int i = 0; i < pivot.parentKeys().size(); i++) {
                        parentKey.add(ValueConverter.convert(values.get(pivot.foreignPivotKeys().get(i)), pivot.parentKeys().get(i),
                                parent.mappingName()));
                    }
                    grouped.computeIfAbsent(parentKey, k -> new ArrayList<>()).add(row);
                    all.add(row);
                }
            } finally {
                this.eagerParents = null;
            }
        }
        for (P p : parents) {
            List<Map<String, Object>> rows = p.isLoaded() ? grouped.get(parentKeyValues(p)) : null;
            EntityAccess.state(p).setRelation(name, rows == null ? List.of() : List.copyOf(rows));
        }
        return all;
    }

    /** The pivot table's name, keys and columns, as declared and derived. */
    public PivotTable pivotTable() {
        EntityMetadata<P> parentMeta = parent.metadata();
        NamingStrategy naming = context.registry().naming();
        String relatedEntity = pascal(Inflector.singularizeLastWord(lastPart(relatedTable)));
        List<Attribute> parentAttrs = parentKeys == null ? parentMeta.keys() : parentKeys.stream()
                .map(k -> parentMeta.findAttribute(k).or(() -> parentMeta.findAttributeByColumn(k)).orElseThrow(() ->
                        new InvalidRelationException(parentMeta.name(), name, "its parentKey " + Identifiers.printable(k)
                                + " is not an attribute of " + parentMeta.name() + ".")))
                .toList();
        String pivot = table != null ? table : naming.pivotTable(parentMeta.baseName(), lastPart(parentMeta.table()),
                relatedEntity, lastPart(relatedTable));
        List<String> fpk = foreignPivotKeys != null ? foreignPivotKeys
                : parentAttrs.stream().map(a -> naming.foreignKey(parentMeta.baseName(), a.column())).toList();
        List<String> rpk = relatedPivotKeys != null ? relatedPivotKeys
                : relatedKeys.stream().map(k -> naming.foreignKey(relatedEntity, k)).toList();
        if (fpk.stream().anyMatch(rpk::contains)) {
            throw new InvalidRelationException(parentMeta.name(), name, "its foreign and related pivot keys " + fpk + " / " + rpk
                    + " share a column: name them with foreignPivotKey(...) and relatedPivotKey(...).");
        }
        if (fpk.size() != parentAttrs.size() || rpk.size() != relatedKeys.size()) {
            throw new InvalidRelationException(parentMeta.name(), name, "its pivot keys " + fpk + " / " + rpk
                    + " do not match its keys " + parentAttrs + " / " + relatedKeys + ": give one column per key.");
        }
        Identifiers.require(pivot, "pivot table", describe());
        fpk.forEach(c -> Identifiers.requirePart(c, "foreign pivot key", describe()));
        rpk.forEach(c -> Identifiers.requirePart(c, "related pivot key", describe()));
        relatedKeys.forEach(c -> Identifiers.requirePart(c, "related key", describe()));
        String createdAt = timestamps ? naming.columnName("createdAt") : null;
        String updatedAt = timestamps ? naming.columnName("updatedAt") : null;
        return new PivotTable(pivot, fpk, rpk, parentAttrs, List.of(), pivotColumns, createdAt, updatedAt, List.of());
    }

    /** The SELECT this relation would run, with {@code ?} for each bound value. */
    public String toSql() {
        return select().sql();
    }

    /** The values the SELECT binds. */
    public List<Object> bindings() {
        return select().values();
    }

    // ---- writing ----------------------------------------------------------------------------

    /** Attaches these ids (those already attached are skipped); returns the ids attached. */
    public List<Object> attach(Object... ids) {
        return attach(Arrays.asList(ids), Map.of());
    }

    /** Attaches these ids, each with the same pivot attributes. */
    public List<Object> attach(Collection<?> ids, Map<String, ?> pivotAttributes) {
        return written(writer("attach").attach(ids, pivotAttributes));
    }

    /** Detaches every related row of this parent; returns how many pivot rows were removed. */
    public int detach() {
        return written(writer("detach").detachAll());
    }

    /** Detaches these ids; an empty list removes nothing. */
    public int detach(Collection<?> ids) {
        return written(writer("detach").detach(ids));
    }

    /** Afterwards exactly these ids are attached. */
    public SyncResult sync(Collection<?> ids) {
        return written(writer("sync").sync(PivotWriter.withoutAttributes(ids), true));
    }

    /** Attaches the missing ones of these ids and detaches nothing. */
    public SyncResult syncWithoutDetaching(Collection<?> ids) {
        return written(writer("syncWithoutDetaching").sync(PivotWriter.withoutAttributes(ids), false));
    }

    /** Attaches those not attached, detaches those attached. */
    public ToggleResult toggle(Collection<?> ids) {
        return written(writer("toggle").toggle(ids));
    }

    /** Updates the pivot row of one id; returns how many rows were updated. */
    public int updateExistingPivot(Object id, Map<String, ?> pivotAttributes) {
        return written(writer("updateExistingPivot").updateExisting(id, pivotAttributes));
    }

    // ---- helpers ----------------------------------------------------------------------------

    private SqlBuilder select() {
        PivotTable pivot = pivotTable();
        SqlBuilder sql = new SqlBuilder(context.database().dialect()).append("SELECT ").identifier(relatedTable).append(".*");
        List<String> read = pivot.readColumns();
        for (int i = 0; i < read.size(); i++) {
            sql.append(", ").identifier(pivot.table() + "." + read.get(i)).append(" AS ").identifier(PIVOT_ALIAS + i);
        }
        sql.append(" FROM ");
        from(sql);
        where(sql);
        for (int i = 0; i < orders.size(); i++) {
            sql.append(i == 0 ? " ORDER BY " : ", ").identifier(orders.get(i).column())
                    .append(orders.get(i).descending() ? " DESC" : " ASC");
        }
        sql.append(sql.dialect().limitClause(limit, null));
        return sql;
    }

    private void from(SqlBuilder sql) {
        PivotTable pivot = pivotTable();
        sql.identifier(relatedTable).append(" INNER JOIN ").identifier(pivot.table()).append(" ON ");
        for (int i = 0; i < relatedKeys.size(); i++) {
            sql.append(i == 0 ? "" : " AND ").identifier(relatedTable + "." + relatedKeys.get(i)).append(" = ")
                    .identifier(pivot.table() + "." + pivot.relatedPivotKeys().get(i));
        }
    }

    private void where(SqlBuilder sql) {
        PivotTable pivot = pivotTable();
        sql.append(" WHERE ");
        if (eagerParents == null) {
            requireSavedParent();
            List<Object> key = parentKeyValues(parent);
            for (int i = 0; i < key.size(); i++) {
                sql.append(i == 0 ? "" : " AND ").identifier(pivot.table() + "." + pivot.foreignPivotKeys().get(i)).append(" = ")
                        .param(key.get(i), Persister.bindType(pivot.parentKeys().get(i)));
            }
        } else {
            List<String> columns = pivot.foreignPivotKeys();
            sql.append("(");
            for (int i = 0; i < columns.size(); i++) {
                sql.append(i == 0 ? "" : ", ").identifier(pivot.table() + "." + columns.get(i));
            }
            sql.append(") IN (");
            for (int p = 0; p < eagerParents.size(); p++) {
                List<Object> key = parentKeyValues(eagerParents.get(p));
                sql.append(p == 0 ? "(" : ", (");
                for (int i = 0; i < key.size(); i++) {
                    sql.append(i == 0 ? "" : ", ").param(key.get(i), Persister.bindType(pivot.parentKeys().get(i)));
                }
                sql.append(")");
            }
            sql.append(")");
        }
        for (Object[] condition : conditions) {
            sql.append(" AND ").identifier((String) condition[0]);
            if (condition[2] == null) {
                sql.append(condition[1].equals("=") ? " IS NULL" : " IS NOT NULL");
            } else {
                sql.append(" ").append((String) condition[1]).append(" ").param(condition[2]);
            }
        }
    }

    private static Map<String, Object> withPivot(Map<String, Object> row, PivotTable table) {
        List<String> read = table.readColumns();
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> pivot = new LinkedHashMap<>();
        row.forEach((label, value) -> {
            if (label.startsWith(PIVOT_ALIAS) && label.substring(PIVOT_ALIAS.length()).chars().allMatch(Character::isDigit)) {
                pivot.put(read.get(Integer.parseInt(label.substring(PIVOT_ALIAS.length()))), Pivot.normalize(value));
            } else {
                values.put(label, Pivot.normalize(value));
            }
        });
        values.put("pivot", new Pivot(table.table(), pivot));
        return values;
    }

    private boolean isAsDeclared() {
        return parent.metadata().findRelation(name).map(method -> method.relationOf(parent))
                .filter(declared -> declared instanceof BelongsToManyTable<?>)
                .map(declared -> (BelongsToManyTable<?>) declared)
                .map(declared -> declared.toSql().equals(toSql()) && declared.bindings().equals(bindings()))
                .orElse(false);
    }

    private <V> V written(V result) {
        EntityAccess.state(parent).forgetRelations(); // other relations may read the same pivot rows
        return result;
    }

    private PivotWriter writer(String operation) {
        requireSavedParent();
        return new PivotWriter(operation, context.database(), context.clock(), pivotTable(), null, "the table " + relatedTable,
                parentKeyValues(parent), describe()).withTableKeyType(keyType);
    }

    private void requireSavedParent() {
        if (!parent.isLoaded()) {
            throw new dev.quarry.entity.UnsavedEntityException(parent.mappingName(), "use its relation " + name);
        }
    }

    private List<Object> parentKeyValues(P entity) {
        List<Attribute> keys = pivotTable().parentKeys();
        List<Object> values = new ArrayList<>(keys.size());
        keys.forEach(key -> values.add(key.read(entity)));
        return values;
    }

    private String qualified(String column) {
        Identifiers.require(column, "column", "a query on " + describe());
        return column.indexOf('.') < 0 ? relatedTable + "." + column : column;
    }

    private String describe() {
        return parent + "." + name;
    }

    /** {@code user_group} -> {@code UserGroup}: the entity-like name the naming strategy expects. */
    private static String pascal(String snake) {
        StringBuilder out = new StringBuilder(snake.length());
        boolean upper = true;
        for (int i = 0; i < snake.length(); i++) {
            char c = snake.charAt(i);
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private record Order(String column, boolean descending) {}

    private static String lastPart(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
