package dev.quarry.validation;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Checks an entity's Hibernate Validator (Jakarta Validation) constraints.
 *
 * <pre>{@code
 * List<Violation> violations = validator.validate(user);
 * }</pre>
 */
@Singleton
public final class EntityValidator {
    private final Validator validator;

    @Inject
    public EntityValidator(Validator validator) {
        this.validator = validator;
    }

    /** Every violation of {@code entity}'s constraints, ordered by attribute then message. */
    public List<Violation> validate(Object entity) {
        return validator.validate(entity).stream()
                .map(EntityValidator::toViolation)
                .sorted(Comparator.comparing(Violation::attribute).thenComparing(Violation::message))
                .toList();
    }

    /** Throws {@link EntityValidationException} with every violation, if there is any. */
    public void check(Object entity, String entityName) {
        List<Violation> violations = validate(entity);
        if (!violations.isEmpty()) {
            throw new EntityValidationException(entityName, violations);
        }
    }

    /** The violations {@code values} (attribute name to value) would cause on {@code type}, attribute by attribute. */
    public List<Violation> validateValues(Class<?> type, Map<String, ?> values) {
        List<Violation> violations = new java.util.ArrayList<>();
        values.forEach((attribute, value) -> validator.validateValue(type, attribute, value).stream()
                .map(v -> new Violation(attribute, v.getMessage(), value)).forEach(violations::add));
        violations.sort(Comparator.comparing(Violation::attribute).thenComparing(Violation::message));
        return violations;
    }

    private static Violation toViolation(ConstraintViolation<Object> v) {
        return new Violation(v.getPropertyPath().toString(), v.getMessage(), v.getInvalidValue());
    }
}
