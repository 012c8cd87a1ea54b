package dev.quarry.naming;

import java.util.Locale;

/**
 * Quick's conventions: table = plural of the snake_case entity name, columns named as the
 * attributes, foreign keys {@code userId}, pivot tables from the two table names in
 * alphabetical order ({@code permissions_users}).
 */
final class QuickNamingStrategy implements NamingStrategy {
    static final QuickNamingStrategy INSTANCE = new QuickNamingStrategy();

    private QuickNamingStrategy() {}

    @Override
    public String tableName(String entityName) {
        return Inflector.pluralizeLastWord(Inflector.snakeCase(entityName));
    }

    @Override
    public String columnName(String attributeName) {
        return attributeName;
    }

    @Override
    public String foreignKey(String entityName, String keyColumn) {
        String entity = Character.toLowerCase(entityName.charAt(0)) + entityName.substring(1);
        return entity + keyColumn.substring(0, 1).toUpperCase(Locale.ROOT) + keyColumn.substring(1);
    }

    @Override
    public String pivotTable(String entityName, String table, String otherEntityName, String otherTable) {
        // Quick compares without regard to case (compareNoCase).
        return table.compareToIgnoreCase(otherTable) <= 0 ? table + "_" + otherTable : otherTable + "_" + table;
    }

    @Override
    public String toString() {
        return "NamingStrategy.quick()";
    }
}
