package dev.quarry.relation;

import dev.quarry.QuarryException;

/**
 * Strict mode ({@code QuarryModule.Builder#preventLazyLoading}) refused to load a relation lazily
 * on an entity that came from a query returning several rows: doing so for each row is the N+1
 * pattern, one SELECT per row where one for all would do.
 */
public class LazyLoadingPreventedException extends QuarryException {
    private static final long serialVersionUID = 1L;

    public LazyLoadingPreventedException(String entity, String relation, int rows) {
        super("LazyLoadingPrevented", entity + "." + relation + " is not loaded, and this " + entity
                + " came from a query that returned " + rows + " rows: loading it now would run one SELECT per row."
                + "\n  Load it with the query instead: .with(\"" + relation + "\") before get(), which loads it for every row"
                + " in one more statement. (Strict mode is on: QuarryModule.Builder#preventLazyLoading.)");
    }
}
