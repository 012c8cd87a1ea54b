package ${package}.web;

import static ${package}.web.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ${package}.web.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /posts} and {@code /tags} over real HTTP, and the post's tags in the database. */
class PostsApiTest {
    private static RunningApp running;
    private static ApiClient api;
    private static long authorId;

    @BeforeAll
    static void startApp() throws Exception {
        running = RunningApp.start();
        api = running.api;
        authorId = api.post("/users", json(Map.of("email", "ada@example.com", "name", "Ada"))).json().get("id").asLong();
    }

    @AfterAll
    static void stopApp() {
        running.close();
    }

    @Test
    void createsAPostWithItsAuthor() throws Exception {
        Response created = api.post("/posts", json(Map.of("userId", authorId, "title", "Hello", "body", "First post")));

        assertEquals(201, created.status(), created.json().toString());
        assertEquals(authorId, created.json().get("author").get("id").asLong());
        assertEquals("Ada", created.json().get("author").get("name").asText());
        long id = created.json().get("id").asLong();
        assertEquals("Hello", api.get("/posts/" + id).json().get("title").asText());
        List<Long> authorsPosts = ids(api.get("/users/" + authorId + "/posts").json());
        assertTrue(authorsPosts.contains(id), authorsPosts.toString());
    }

    @Test
    void listsPostsWithTheirAuthorsAndTags() throws Exception {
        long first = createPost("First");
        long second = createPost("Second");
        long listed = createTag("listed");
        api.put("/posts/" + first + "/tags", json(List.of(listed)));
        api.put("/posts/" + second + "/tags", json(List.of(listed)));

        // Strict mode is on: a list that did not load authors and tags with with(...) would fail here.
        Response list = api.get("/posts");

        assertEquals(200, list.status(), list.json().toString());
        for (JsonNode post : list.json()) {
            assertEquals("Ada", post.get("author").get("name").asText());
        }
        List<Long> tagged = new java.util.ArrayList<>();
        for (JsonNode post : list.json()) {
            if (tagNames(post).contains("listed")) {
                tagged.add(post.get("id").asLong());
            }
        }
        assertEquals(List.of(first, second), tagged);
        assertTrue(api.get("/tags").json().findValuesAsText("name").contains("listed"));
    }

    @Test
    void aPostWithoutTitleOrAuthorIs422NamingBoth() throws Exception {
        Response refused = api.post("/posts", json(Map.of("title", " ")));

        assertEquals(422, refused.status());
        assertEquals(List.of("title", "userId"), fieldNames(refused.json().get("fields")));
    }

    @Test
    void aPostByAnUnknownUserIs404() throws Exception {
        Response refused = api.post("/posts", json(Map.of("userId", 999999, "title", "Hello")));

        assertEquals(404, refused.status());
        assertTrue(refused.json().get("message").asText().contains("No User"), refused.json().toString());
    }

    @Test
    void anUnknownPostIs404() throws Exception {
        Response missing = api.get("/posts/999999");

        assertEquals(404, missing.status());
        assertEquals("NotFound", missing.json().get("error").asText());
    }

    @Test
    void putTagsSetsThenReplacesThePostsTags() throws Exception {
        long post = createPost("Tagged");
        long java = createTag("java");
        long orm = createTag("orm");
        long guice = createTag("guice");

        Response first = api.put("/posts/" + post + "/tags", json(List.of(java, orm)));

        assertEquals(200, first.status(), first.json().toString());
        assertEquals(List.of("java", "orm"), tagNames(first.json()));
        assertEquals(List.of("java", "orm"), tagNames(api.get("/posts/" + post).json()));
        assertEquals(List.of(java, orm), running.tagIdsInDatabase(post));

        Response second = api.put("/posts/" + post + "/tags", json(List.of(orm, guice)));

        assertEquals(List.of("guice", "orm"), tagNames(second.json()));
        assertEquals(List.of("guice", "orm"), tagNames(api.get("/posts/" + post).json()));
        assertEquals(List.of(orm, guice), running.tagIdsInDatabase(post));

        api.put("/posts/" + post + "/tags", "[]");

        assertEquals(List.of(), running.tagIdsInDatabase(post));
    }

    @Test
    void putTagsWithAnUnknownTagIs404AndChangesNothing() throws Exception {
        long post = createPost("Kept");
        long kept = createTag("kept");
        api.put("/posts/" + post + "/tags", json(List.of(kept)));

        Response refused = api.put("/posts/" + post + "/tags", json(List.of(kept, 999999)));

        assertEquals(404, refused.status());
        assertTrue(refused.json().get("message").asText().contains("999999"), refused.json().toString());
        assertEquals(List.of(kept), running.tagIdsInDatabase(post));
    }

    @Test
    void putTagsOnAnUnknownPostIs404() throws Exception {
        assertEquals(404, api.put("/posts/999999/tags", "[]").status());
    }

    @Test
    void putTagsWithoutAnArrayIs400() throws Exception {
        long post = createPost("Untagged");

        assertEquals(400, api.put("/posts/" + post + "/tags", "{\"tags\": [1]}").status());
        assertEquals(400, api.put("/posts/" + post + "/tags", "[1, null]").status());
    }

    @Test
    void anInvalidTagNameIs422() throws Exception {
        Response refused = api.post("/tags", json(Map.of("name", "Not A Slug")));

        assertEquals(422, refused.status());
        assertEquals("[\"must be lower-case letters, digits and dashes\"]", refused.json().get("fields").get("name").toString());
    }

    private static long createPost(String title) throws Exception {
        Response created = api.post("/posts", json(Map.of("userId", authorId, "title", title)));
        assertEquals(201, created.status(), created.json().toString());
        return created.json().get("id").asLong();
    }

    private static long createTag(String name) throws Exception {
        Response created = api.post("/tags", json(Map.of("name", name)));
        assertEquals(201, created.status(), created.json().toString());
        return created.json().get("id").asLong();
    }

    private static List<String> tagNames(JsonNode post) {
        return post.get("tags").findValuesAsText("name");
    }

    private static List<Long> ids(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(node -> node.get("id").asLong()).toList();
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
