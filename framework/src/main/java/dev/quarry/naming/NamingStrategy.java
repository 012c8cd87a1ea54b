package dev.quarry.naming;

/**
 * Every naming convention Quarry derives a SQL name from, in one place.
 *
 * <p>Quarry ships two strategies: {@link #quick()} (the default, Quick's conventions:
 * {@code users}, {@code permissions_users}, {@code userId}, column = attribute name) and
 * {@link #snakeCase()} (Laravel Eloquent's: {@code users}, {@code permission_user},
 * {@code user_id}, column = snake_case attribute). Switch an app in one line:
 *
 * <pre>{@code
 * Guice.createInjector(QuarryModule.builder().naming(NamingStrategy.snakeCase()).build());
 * }</pre>
 *
 * <p>Entity names passed here are bare mapping names without a module suffix ({@code User},
 * not {@code User@blog}).
 */
public interface NamingStrategy {

    /** The table of an entity, e.g. {@code User} -> {@code users}, {@code BlogPost} -> {@code blog_posts}. */
    String tableName(String entityName);

    /** The column that stores an attribute, e.g. {@code createdAt} -> {@code createdAt} or {@code created_at}. */
    String columnName(String attributeName);

    /**
     * The column on another table that refers to an entity's key,
     * e.g. ({@code User}, {@code id}) -> {@code userId} or {@code user_id}.
     */
    String foreignKey(String entityName, String keyColumn);

    /**
     * The pivot table of a many-to-many relation between two entities,
     * e.g. {@code permissions_users} (Quick) or {@code permission_user} (Laravel).
     */
    String pivotTable(String entityName, String table, String otherEntityName, String otherTable);

    /** The name of a relation's count read by {@code withCount}: {@code postsCount}, or {@code posts_count}. */
    default String countAlias(String relation) {
        return relation + "Count";
    }

    /** The column holding the entity name of a polymorphic relation: {@code commentable_type}, as Quick names it. */
    default String polymorphicTypeColumn(String name) {
        return name + "_type";
    }

    /** The column holding the key of a polymorphic relation: {@code commentable_id}, as Quick names it. */
    default String polymorphicIdColumn(String name) {
        return name + "_id";
    }

    /** Quick's conventions; the default. */
    static NamingStrategy quick() {
        return QuickNamingStrategy.INSTANCE;
    }

    /** Laravel Eloquent's snake_case conventions. */
    static NamingStrategy snakeCase() {
        return SnakeCaseNamingStrategy.INSTANCE;
    }
}
