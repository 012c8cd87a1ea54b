package dev.quarry.entity;

import dev.quarry.QuarryException;
import java.util.List;

/**
 * One or more entity classes are declared in a way Quarry cannot use. Every problem found at
 * start-up is reported at once, each with its fix.
 */
public class InvalidEntityException extends QuarryException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidEntityException(List<String> problems) {
        this(problems, null);
    }

    public InvalidEntityException(List<String> problems, Throwable cause) {
        super("InvalidEntity", (problems.size() == 1 ? "An entity declaration is invalid:" : problems.size()
                + " entity declarations are invalid:") + format(problems), cause);
        this.problems = List.copyOf(problems);
    }

    /** Each problem, one sentence with its fix. */
    public List<String> problems() {
        return problems;
    }

    private static String format(List<String> problems) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < problems.size(); i++) {
            out.append("\n  ").append(i + 1).append(") ").append(problems.get(i));
        }
        return out.toString();
    }
}
