package dev.quarry.query;

import java.util.List;

/** {@code scope(name, ...)} named a scope the entity does not declare, or passed it the wrong arguments. */
public class UnknownScopeException extends InvalidQueryException {
    private static final long serialVersionUID = 1L;

    public UnknownScopeException(String entityName, String scope, List<String> nearest, List<String> known) {
        super("UnknownScope", "Entity " + entityName + " has no scope " + dev.quarry.sql.Identifiers.printable(scope) + "."
                + (nearest.isEmpty() ? "" : "\n  Did you mean " + String.join(", ", nearest) + "?")
                + "\n  Known scopes: " + (known.isEmpty() ? "none" : String.join(", ", known))
                + ". Declare one with @Scope on a method whose first parameter is the Query.");
    }
}
