package ${package}.web;

import com.fasterxml.jackson.core.JacksonException;
import dev.quarry.QuarryException;
import dev.quarry.entity.EntityNotFoundException;
import dev.quarry.relation.InvalidRelatedIdException;
import dev.quarry.sql.DataIntegrityException;
import dev.quarry.validation.EntityValidationException;
import dev.quarry.validation.Violation;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns exceptions into JSON error responses ({@link ErrorBody}) with the right status. */
final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {}

    /** Registers the handlers; the most specific exception type wins. */
    static void register(RoutesConfig routes) {
        routes.exception(EntityNotFoundException.class, (e, ctx) ->
                respond(ctx, HttpStatus.NOT_FOUND, new ErrorBody("NotFound", summary(e))));
        routes.exception(EntityValidationException.class, (e, ctx) ->
                respond(ctx, HttpStatus.UNPROCESSABLE_CONTENT, validationFailed(e)));
        routes.exception(InvalidRelatedIdException.class, (e, ctx) ->
                respond(ctx, HttpStatus.UNPROCESSABLE_CONTENT, new ErrorBody("InvalidId", summary(e))));
        routes.exception(DataIntegrityException.class, (e, ctx) ->
                respond(ctx, HttpStatus.CONFLICT, new ErrorBody("Conflict", conflict(e))));
        routes.exception(QuarryException.class, (e, ctx) -> serverError(ctx, e, e.errorId()));
        routes.exception(JacksonException.class, (e, ctx) ->
                respond(ctx, HttpStatus.BAD_REQUEST, new ErrorBody("BadRequest", unreadable(e))));
        routes.exception(HttpResponseException.class, (e, ctx) ->
                respond(ctx, HttpStatus.forStatus(e.getStatus()), new ErrorBody(reason(e.getStatus()), e.getMessage())));
        routes.exception(Exception.class, (e, ctx) -> serverError(ctx, e, "InternalError"));
    }

    private static ErrorBody validationFailed(EntityValidationException e) {
        Map<String, List<String>> fields = e.violations().stream().collect(Collectors.groupingBy(
                Violation::attribute, TreeMap::new, Collectors.mapping(Violation::message, Collectors.toList())));
        return new ErrorBody("ValidationFailed", e.entityName() + " is invalid: " + String.join(", ", fields.keySet()),
                new LinkedHashMap<>(fields));
    }

    /** A unique key or foreign key refused the write; the database's own words are in the log only. */
    private static String conflict(DataIntegrityException e) {
        LOG.info("Refused by a database constraint: {}", summary(e));
        return "The change conflicts with existing data (a value that must be unique is taken, or a row it refers to is gone).";
    }

    private static String unreadable(JacksonException e) {
        return "The body is not the JSON expected: " + e.getOriginalMessage();
    }

    private static void serverError(Context ctx, Exception e, String error) {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        respond(ctx, HttpStatus.INTERNAL_SERVER_ERROR, new ErrorBody(error, "The server failed; its log has the details."));
    }

    private static void respond(Context ctx, HttpStatus status, ErrorBody body) {
        ctx.status(status).json(body);
    }

    /** The status as an error code in the style of the others: 404 is "NotFound", 405 "MethodNotAllowed". */
    private static String reason(int status) {
        return Arrays.stream(HttpStatus.forStatus(status).name().split("_"))
                .map(word -> word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining());
    }

    /** A Quarry message without its "[Quarry/Id]" prefix and its "Learn more" line. */
    private static String summary(QuarryException e) {
        String message = e.getMessage();
        String firstPart = message.lines().takeWhile(line -> !line.strip().startsWith("Learn more:"))
                .collect(Collectors.joining("\n")).strip();
        String prefix = "[Quarry/" + e.errorId() + "] ";
        return firstPart.startsWith(prefix) ? firstPart.substring(prefix.length()) : firstPart;
    }
}
