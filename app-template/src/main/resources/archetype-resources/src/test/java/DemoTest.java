package ${package};

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo ({@code mvn compile exec:java -Dexec.args=--demo}) still walks the whole API. */
class DemoTest {

    @Test
    void theTourEndsWithThePostRetagged() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        String last = Demo.run(new PrintStream(printed, true, StandardCharsets.UTF_8));

        String output = printed.toString(StandardCharsets.UTF_8);
        assertTrue(last.contains("\"tags\":[{\"id\":3,\"name\":\"guice\"},{\"id\":2,\"name\":\"orm\"}]"), last);
        assertTrue(output.contains("< 422 "), output);
        assertTrue(output.contains("< 404 "), output);
    }
}
