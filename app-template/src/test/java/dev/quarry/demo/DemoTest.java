package dev.quarry.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoTest {

    @Test
    void theDemoCreatesThreeAuthorsAndRefusesTheInvalidOne() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        long authors = Demo.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String report = buffer.toString(StandardCharsets.UTF_8);

        assertEquals(3, authors);
        assertTrue(report.contains("refused: email must be a well-formed email address"), report);
        assertTrue(report.contains("refused: name must not be blank"), report);
        assertTrue(report.contains("dirty attributes: [name]"), report);
        assertTrue(report.contains("Ada Lovelace <ada@example.com>"), report);
        assertTrue(report.contains("page 1 of 2"), report);
    }
}
