package dev.quarry.validation;

import dev.quarry.QuarryException;
import java.util.List;

/**
 * An entity failed its Hibernate Validator constraints on {@code save()} or {@code create()}.
 * Carries every violation; nothing was written.
 */
public class EntityValidationException extends QuarryException {
    private static final long serialVersionUID = 1L;

    private final String entityName;
    private final transient List<Violation> violations;

    public EntityValidationException(String entityName, List<Violation> violations) {
        this("EntityValidation", entityName + " failed validation", entityName, violations);
    }

    /** For a subclass with its own error id and a subject that says more than the entity's name. */
    protected EntityValidationException(String errorId, String subject, String entityName, List<Violation> violations) {
        super(errorId, subject + ", so nothing was written:" + format(violations));
        this.entityName = entityName;
        this.violations = List.copyOf(violations);
    }

    /** The mapping name of the entity. */
    public String entityName() {
        return entityName;
    }

    /** Every violation, ordered by attribute. */
    public List<Violation> violations() {
        return violations;
    }

    private static String format(List<Violation> violations) {
        StringBuilder out = new StringBuilder();
        for (Violation v : violations) {
            out.append("\n  - ").append(v);
        }
        return out.toString();
    }
}
