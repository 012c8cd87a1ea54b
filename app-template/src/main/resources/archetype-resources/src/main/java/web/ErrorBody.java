package ${package}.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The JSON body of every error response.
 *
 * @param error a stable code: {@code NotFound}, {@code ValidationFailed}, {@code Conflict}, {@code BadRequest}, ...
 * @param message what went wrong, for people
 * @param fields for {@code ValidationFailed}: each invalid field with its messages
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String error, String message, Map<String, List<String>> fields) {

    /** An error without fields. */
    public ErrorBody(String error, String message) {
        this(error, message, null);
    }
}
