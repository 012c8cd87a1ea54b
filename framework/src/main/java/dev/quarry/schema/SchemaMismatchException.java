package dev.quarry.schema;

import dev.quarry.QuarryException;
import java.util.List;

/**
 * The database's schema does not match the entity and relation declarations: thrown by the opt-in
 * start-up check ({@code QuarryModule.builder().validateSchema()}) with every problem found,
 * numbered, each saying what was declared, what the database has, and the fix.
 *
 * <pre>{@code
 * try {
 *     Guice.createInjector(QuarryModule.builder().url(url).validateSchema().build());
 * } catch (CreationException e) {
 *     SchemaMismatchException mismatch = (SchemaMismatchException) e.getCause();
 *     mismatch.problems().forEach(System.err::println);
 * }
 * }</pre>
 */
public class SchemaMismatchException extends QuarryException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /**
     * @param target the database checked, for the message ({@code "the database at jdbc:..."})
     * @param problems each problem, one or two sentences with its fix
     */
    public SchemaMismatchException(String target, List<String> problems) {
        super("SchemaMismatch", "The schema of " + target + " does not match " + (problems.size() == 1 ? "a declaration"
                : problems.size() + " declarations") + " (checked at start-up because of validateSchema):" + format(problems)
                + "\n\n  " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + ". Fix the schema (a migration) or the declarations; the check runs again at the next start.");
        this.problems = List.copyOf(problems);
    }

    /** Each problem, in the order found: entities in registration order, attributes, then relations. */
    public List<String> problems() {
        return problems;
    }

    private static String format(List<String> problems) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < problems.size(); i++) {
            out.append("\n\n  ").append(i + 1).append(") ").append(problems.get(i).replace("\n", "\n" + " ".repeat(String.valueOf(i + 1).length() + 4)));
        }
        return out.toString();
    }
}
