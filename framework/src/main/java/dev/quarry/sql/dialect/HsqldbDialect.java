package dev.quarry.sql.dialect;

import java.sql.SQLException;
import java.util.Optional;

/** HSQLDB, Quarry's embedded default database. */
public final class HsqldbDialect implements Dialect {

    @Override
    public String name() {
        return "hsqldb";
    }

    @Override
    public int maxBindParameters() {
        return 32_767;
    }

    @Override
    public Optional<String> hintFor(SQLException failure) {
        // HSQLDB reports a missing table or column as 42501 "user lacks privilege or object not found".
        if ("42501".equals(failure.getSQLState())) {
            return Optional.of("HSQLDB folds unquoted names to UPPER CASE, while Quarry quotes every name and keeps its case:"
                    + " create tables and columns with quoted names, e.g. CREATE TABLE \"users\" (\"id\" ..., \"email\" ...).");
        }
        return Optional.empty();
    }
}
