package dev.quarry.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InflectorTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "user, users", "permission, permissions", "category, categories", "person, people", "child, children",
        "status, statuses", "box, boxes", "church, churches", "address, addresses", "leaf, leaves", "wife, wives",
        "day, days", "key, keys", "equipment, equipment", "news, news", "analysis, analyses", "matrix, matrices",
        "quiz, quizzes", "bus, buses", "hero, heroes", "photo, photos", "movie, movies", "users, users"
    })
    void pluralizesRegularIrregularAndUncountableWords(String singular, String plural) {
        assertEquals(plural, Inflector.pluralize(singular));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"Person, People", "Category, Categories"})
    void keepsTheCaseOfTheFirstLetter(String singular, String plural) {
        assertEquals(plural, Inflector.pluralize(singular));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "User, user", "UserPermission, user_permission", "createdAt, created_at", "HTTPLog, http_log",
        "userId, user_id", "already_snake, already_snake", "Item2Box, item2_box"
    })
    void snakeCasesCamelAndPascalNames(String name, String snake) {
        assertEquals(snake, Inflector.snakeCase(name));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"user_permission, user_permissions", "blog_category, blog_categories", "person, people"})
    void pluralizesOnlyTheLastWordOfASnakeName(String singular, String plural) {
        assertEquals(plural, Inflector.pluralizeLastWord(singular));
    }
}
