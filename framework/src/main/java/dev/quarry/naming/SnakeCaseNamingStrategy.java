package dev.quarry.naming;

/**
 * Laravel Eloquent's conventions: snake_case plural tables, snake_case columns, foreign keys
 * {@code user_id}, pivot tables from the two singular entity names in alphabetical order
 * ({@code permission_user}).
 */
final class SnakeCaseNamingStrategy implements NamingStrategy {
    static final SnakeCaseNamingStrategy INSTANCE = new SnakeCaseNamingStrategy();

    private SnakeCaseNamingStrategy() {}

    @Override
    public String tableName(String entityName) {
        return Inflector.pluralizeLastWord(Inflector.snakeCase(entityName));
    }

    @Override
    public String columnName(String attributeName) {
        return Inflector.snakeCase(attributeName);
    }

    @Override
    public String foreignKey(String entityName, String keyColumn) {
        return Inflector.snakeCase(entityName) + "_" + keyColumn;
    }

    @Override
    public String pivotTable(String entityName, String table, String otherEntityName, String otherTable) {
        String a = Inflector.snakeCase(entityName);
        String b = Inflector.snakeCase(otherEntityName);
        return a.compareTo(b) <= 0 ? a + "_" + b : b + "_" + a;
    }

    @Override
    public String countAlias(String relation) {
        return Inflector.snakeCase(relation) + "_count";
    }

    @Override
    public String toString() {
        return "NamingStrategy.snakeCase()";
    }
}
