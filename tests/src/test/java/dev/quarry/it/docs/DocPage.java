package dev.quarry.it.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the user guide's Markdown pages (docs/, next to the tests module), so tests can check them. */
final class DocPage {
    private static final Pattern FENCE = Pattern.compile("```([a-z]*)\\n(.*?)```", Pattern.DOTALL);

    private DocPage() {}

    /** The text of docs/{@code name}. */
    static String read(String name) {
        Path page = Path.of("..", "docs", name);
        if (!Files.exists(page)) {
            page = Path.of("docs", name);   // run from the repository root
        }
        try {
            return Files.readString(page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the guide page " + page.toAbsolutePath(), e);
        }
    }

    /** The code blocks of a page fenced with {@code ```language}, in order. */
    static List<String> codeBlocks(String markdown, String language) {
        List<String> blocks = new ArrayList<>();
        Matcher m = FENCE.matcher(markdown);
        while (m.find()) {
            if (m.group(1).equals(language)) {
                blocks.add(m.group(2));
            }
        }
        return blocks;
    }

    /** The text of every heading of the given level ({@code 2} for {@code ## }), in order. */
    static List<String> headings(String markdown, int level) {
        String prefix = "#".repeat(level) + " ";
        return markdown.lines().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()).strip())
                .toList();
    }
}
