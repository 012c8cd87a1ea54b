package ${package}.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Reading what a request carries, refusing what cannot be read with 400 Bad Request. */
final class Requests {
    private Requests() {}

    /** The {@code {id}} path parameter as a number. */
    static long id(Context ctx) {
        String id = ctx.pathParam("id");
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("The id in the path must be a whole number, not '" + id + "'.");
        }
    }

    /** The body as a {@code type}, read by the app's JSON mapper. */
    static <T> T body(Context ctx, Class<T> type) {
        T body = ctx.bodyAsClass(type);
        if (body == null) {
            throw new BadRequestResponse("The body must be a JSON object.");
        }
        return body;
    }

    /** The body as a JSON array of ids, such as {@code [1, 2, 3]}. */
    static List<Long> ids(Context ctx) {
        Long[] ids = body(ctx, Long[].class);
        if (Arrays.stream(ids).anyMatch(Objects::isNull)) {
            throw new BadRequestResponse("The body must be a JSON array of ids; it holds a null.");
        }
        return List.of(ids);
    }
}
