package dev.quarry.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NamingStrategyTest {
    private final NamingStrategy quick = NamingStrategy.quick();
    private final NamingStrategy snake = NamingStrategy.snakeCase();

    @Test
    void quickTablesArePluralSnakeCaseEntityNames() {
        assertEquals("users", quick.tableName("User"));
        assertEquals("user_permissions", quick.tableName("UserPermission"));
        assertEquals("people", quick.tableName("Person"));
    }

    @Test
    void quickColumnsAreTheAttributeNames() {
        assertEquals("createdAt", quick.columnName("createdAt"));
    }

    @Test
    void quickForeignKeysAreCamelCaseEntityPlusKey() {
        assertEquals("userId", quick.foreignKey("User", "id"));
        assertEquals("userPermissionId", quick.foreignKey("UserPermission", "id"));
        assertEquals("countryCode", quick.foreignKey("Country", "code"));
    }

    @Test
    void quickPivotTablesJoinTheTwoTablesInAlphabeticalOrder() {
        assertEquals("permissions_users", quick.pivotTable("User", "users", "Permission", "permissions"));
        assertEquals("permissions_users", quick.pivotTable("Permission", "permissions", "User", "users"));
    }

    @Test
    void snakeCaseColumnsAndForeignKeysAreSnakeCase() {
        assertEquals("created_at", snake.columnName("createdAt"));
        assertEquals("user_id", snake.foreignKey("User", "id"));
        assertEquals("user_permission_id", snake.foreignKey("UserPermission", "id"));
    }

    @Test
    void snakeCasePivotTablesJoinTheSingularEntityNamesInAlphabeticalOrder() {
        assertEquals("permission_user", snake.pivotTable("User", "users", "Permission", "permissions"));
        assertEquals("role_user", snake.pivotTable("Role", "roles", "User", "users"));
    }
}
