package dev.quarry.validation;

/**
 * One failed constraint of an entity.
 *
 * <pre>{@code
 * for (Violation v : user.validate()) {
 *     System.out.println(v.attribute() + ": " + v.message());
 * }
 * }</pre>
 *
 * @param attribute the attribute (property path) at fault, e.g. {@code email}
 * @param message the constraint's message, e.g. {@code must be a well-formed email address}
 * @param invalidValue the value that failed
 */
public record Violation(String attribute, String message, Object invalidValue) {

    @Override
    public String toString() {
        return attribute + " " + message + " (was " + dev.quarry.sql.Identifiers.printable(invalidValue) + ")";
    }
}
