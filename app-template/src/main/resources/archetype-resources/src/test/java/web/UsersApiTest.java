package ${package}.web;

import static ${package}.web.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ${package}.model.User;
import ${package}.web.ApiClient.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /users} over real HTTP. */
class UsersApiTest {
    private static RunningApp running;
    private static ApiClient api;

    @BeforeAll
    static void startApp() {
        running = RunningApp.start();
        api = running.api;
    }

    @AfterAll
    static void stopApp() {
        running.close();
    }

    @Test
    void createsAUserWithTheAuthorRole() throws Exception {
        Response created = api.post("/users", json(Map.of("email", "ada@example.com", "name", "Ada Lovelace")));

        assertEquals(201, created.status(), created.json().toString());
        long id = created.json().get("id").asLong();
        Response shown = api.get("/users/" + id);
        assertEquals(200, shown.status());
        assertEquals("ada@example.com", shown.json().get("email").asText());
        assertEquals("Ada Lovelace", shown.json().get("name").asText());
        assertEquals("[\"author\"]", shown.json().get("roles").toString());
    }

    @Test
    void listsUsers() throws Exception {
        api.post("/users", json(Map.of("email", "grace@example.com", "name", "Grace Hopper")));

        Response list = api.get("/users");

        assertEquals(200, list.status());
        List<String> emails = list.json().findValuesAsText("email");
        assertTrue(emails.contains("grace@example.com"), emails.toString());
    }

    @Test
    void anInvalidUserIs422NamingEachFieldAndIsNotSaved() throws Exception {
        Response refused = api.post("/users", json(Map.of("email", "not-an-email", "name", "")));

        assertEquals(422, refused.status());
        assertEquals("ValidationFailed", refused.json().get("error").asText());
        assertEquals("[\"must be a well-formed email address\"]", refused.json().get("fields").get("email").toString());
        assertEquals("[\"must not be blank\"]", refused.json().get("fields").get("name").toString());
        assertEquals(0, running.app.entities().get(User.class).where("email", "not-an-email").count());
    }

    @Test
    void aTakenEmailIs409() throws Exception {
        String body = json(Map.of("email", "alan@example.com", "name", "Alan Turing"));
        assertEquals(201, api.post("/users", body).status());

        Response conflict = api.post("/users", body);

        assertEquals(409, conflict.status());
        assertEquals("Conflict", conflict.json().get("error").asText());
    }

    @Test
    void anUnknownUserIs404() throws Exception {
        Response missing = api.get("/users/999999");

        assertEquals(404, missing.status());
        assertEquals("NotFound", missing.json().get("error").asText());
        assertTrue(missing.json().get("message").asText().contains("User"), missing.json().toString());
    }

    @Test
    void aBodyThatIsNotJsonIs400() throws Exception {
        Response refused = api.post("/users", "{\"email\": ");

        assertEquals(400, refused.status());
        assertEquals("BadRequest", refused.json().get("error").asText());
    }

    @Test
    void aPathIdThatIsNotANumberIs400() throws Exception {
        Response refused = api.get("/users/ada");

        assertEquals(400, refused.status());
        assertTrue(refused.json().get("message").asText().contains("'ada'"), refused.json().toString());
    }

    @Test
    void anUnknownRouteIs404InTheSameJsonShape() throws Exception {
        Response missing = api.get("/nothing-here");

        assertEquals(404, missing.status());
        assertEquals("NotFound", missing.json().get("error").asText());
    }
}
