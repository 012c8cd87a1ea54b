package ${package}.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Real HTTP calls to the running app, with JSON responses read into trees. */
final class ApiClient {
    private static final ObjectMapper JSON = Json.mapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A response: its status and its body as JSON. */
    record Response(int status, JsonNode json) {}

    Response get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    Response post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json);
    }

    Response put(String path, String json) throws IOException, InterruptedException {
        return send("PUT", path, json);
    }

    /** {@code value} as JSON text, for request bodies. */
    static String json(Object value) throws JsonProcessingException {
        return JSON.writeValueAsString(value);
    }

    private Response send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), JSON.readTree(response.body()));
    }
}
