package dev.quarry.sql.dialect;

import java.util.Optional;

/** The key types both databases take as an array parameter, by their standard SQL names. */
final class ArrayTypes {
    private ArrayTypes() {}

    /** BIGINT for {@code Long}, INTEGER for {@code Integer}; other types are bound value by value. */
    static Optional<String> integral(Class<?> elementType) {
        if (elementType == Long.class) {
            return Optional.of("BIGINT");
        }
        if (elementType == Integer.class) {
            return Optional.of("INTEGER");
        }
        return Optional.empty();
    }
}
