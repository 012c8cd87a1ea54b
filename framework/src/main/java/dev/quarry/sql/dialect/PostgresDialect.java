package dev.quarry.sql.dialect;

import java.sql.SQLException;
import java.util.Optional;

/** PostgreSQL, and the databases that speak its protocol. */
public final class PostgresDialect implements Dialect {

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public int maxBindParameters() {
        return 65_535;
    }

    @Override
    public Optional<String> hintFor(SQLException failure) {
        String state = failure.getSQLState();
        if ("42P01".equals(state) || "42703".equals(state)) {
            return Optional.of("PostgreSQL folds unquoted names to lower case, while Quarry quotes every name and keeps its case:"
                    + " a camelCase column such as userId must be created as \"userId\".");
        }
        return Optional.empty();
    }
}
