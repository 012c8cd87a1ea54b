package ${package};

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/**
 * A tour of the API: starts the app on a fresh in-memory database and a free port, makes the
 * requests a client would make, prints each request and response, and stops.
 */
final class Demo {
    private final HttpClient client = HttpClient.newHttpClient();
    private final String baseUrl;
    private final PrintStream out;

    private Demo(String baseUrl, PrintStream out) {
        this.baseUrl = baseUrl;
        this.out = out;
    }

    /** Runs the tour, printing to {@code out}; returns the last response's body. */
    static String run(PrintStream out) {
        AppConfig config = AppConfig.fromEnvironment()
                .withDatabase("jdbc:hsqldb:mem:demo-" + UUID.randomUUID())
                .withPort(0);
        try (App app = App.start(config)) {
            out.println("The app is running at " + app.url() + " on a fresh in-memory HSQLDB database.");
            return new Demo(app.url(), out).tour();
        }
    }

    private String tour() {
        call("POST", "/users", "{\"email\": \"ada@example.com\", \"name\": \"Ada Lovelace\"}");
        call("POST", "/tags", "{\"name\": \"java\"}");
        call("POST", "/tags", "{\"name\": \"orm\"}");
        call("POST", "/tags", "{\"name\": \"guice\"}");
        call("POST", "/posts", "{\"userId\": 1, \"title\": \"Hello, Quarry\", \"body\": \"My first post.\"}");
        call("PUT", "/posts/1/tags", "[1, 2]");
        call("PUT", "/posts/1/tags", "[2, 3]");
        call("POST", "/users", "{\"email\": \"not-an-email\", \"name\": \"\"}");
        call("GET", "/posts/42", null);
        return call("GET", "/users/1/posts", null);
    }

    private String call(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        out.println();
        out.println("> " + method + " " + path + (json == null ? "" : " " + json));
        HttpResponse<String> response = send(request.build());
        out.println("< " + response.statusCode() + " " + response.body());
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + request.uri(), e);
        }
    }
}
