package dev.quarry.it.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.it.docs.DocSnippets.Page;
import dev.quarry.it.docs.DocSnippets.Snippet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ```java} block of README.md and docs/*.md is code that a test compiles and runs: the
 * block is the region of test source its {@code <!-- snippet: name -->} marker names (see
 * docs/README.md, "How the samples are checked"). No database needed.
 *
 * <p>With {@code -Dquarry.docs.update=true} the pages' blocks are first rewritten from the sources.
 */
class DocSnippetsTest {
    /**
     * Pages whose blocks may still lack a marker, because they are being rewritten elsewhere. Temporary:
     * empty it once those pages are converted (the test fails when a listed page needs it no longer).
     */
    static final Set<String> PAGES_NOT_YET_CONVERTED = Set.of();

    @Test
    void everyJavaBlockOfTheGuideIsItsTestedSnippet() {
        Path root = DocSnippets.repositoryRoot();
        List<String> problems = new ArrayList<>();
        Map<String, Snippet> snippets = DocSnippets.scanSources(root.resolve("tests/src/test/java"), problems);
        if (Boolean.getBoolean("quarry.docs.update")) {
            System.out.println("quarry.docs.update: rewrote " + DocSnippets.updatePages(root, snippets));
        }
        List<Page> pages = DocSnippets.pageFiles(root).stream().map(f -> DocSnippets.readPage(root, f)).toList();
        problems.addAll(DocSnippets.check(pages, snippets, PAGES_NOT_YET_CONVERTED, path -> DocSnippets.readRepositoryFile(root, path)));

        assertFalse(snippets.isEmpty(), "no '// snippet:start' region under " + root.resolve("tests/src/test/java"));
        assertTrue(problems.isEmpty(), problems.size() + " problem(s) with the guide's Java samples:\n\n" + String.join("\n\n", problems));
    }

    // ---- the checker itself, on made-up sources and pages ------------------------------------------

    /** A source text written with '#' for '//', so that this file holds no real markers. */
    private static Map<String, Snippet> sources(String text, List<String> problems) {
        Map<String, Snippet> map = new java.util.LinkedHashMap<>();
        for (Snippet s : DocSnippets.parseSource("T.java", text.replace("#", "//"), problems)) {
            map.put(s.name(), s);
        }
        return map;
    }

    private static final String SOURCE = """
            class T {
                void t() {
                    int setup = 1;
                    # snippet:start outer
                    int a = 1;
                    # snippet:start inner
                    if (a > 0) {
                        # snippet:hide not worth showing
                        a += 0;
                        # snippet:show
                        a++;
                    }
                    # snippet:end
                    # snippet:end
                    assert a == 2;
                }
            }
            """;

    @Test
    void aRegionIsDedentedAndLeavesOutNestedMarkersAndHiddenLines() {
        List<String> problems = new ArrayList<>();
        Map<String, Snippet> snippets = sources(SOURCE, problems);

        assertEquals(List.of(), problems);
        assertEquals("if (a > 0) {\n    a++;\n}\n", snippets.get("inner").code());
        assertEquals("int a = 1;\nif (a > 0) {\n    a++;\n}\n", snippets.get("outer").code());
        assertEquals(4, snippets.get("outer").line());
    }

    @Test
    void malformedRegionsAreReportedWithTheirLine() {
        List<String> problems = new ArrayList<>();
        sources("# snippet:start a\nx();\n# snippet:end\n# snippet:end\n# snippet:begin b\n# snippet:start c\n", problems);

        assertEquals(3, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("T.java:4: '// snippet:end' without"), problems.get(0));
        assertTrue(problems.get(1).startsWith("T.java:5: malformed snippet marker"), problems.get(1));
        assertTrue(problems.get(2).startsWith("T.java:6: snippet 'c' has no"), problems.get(2));
    }

    @Test
    void everyKindOfProblemIsReportedAtOnceWithPageAndLine() {
        Map<String, Snippet> snippets = sources(SOURCE, new ArrayList<>());
        Page page = new Page("docs/p.md", """
                # P

                ```java
                unmarked();
                ```

                <!-- snippet: inner -->
                ```java
                if (a > 1) {
                    a++;
                }
                ```

                <!-- snippet: missing -->
                ```java
                x();
                ```

                <!-- not-run: -->
                ```java
                y();
                ```
                """);

        List<String> problems = DocSnippets.check(List.of(page), snippets, Set.of());

        assertEquals(5, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("docs/p.md:3: ```java block without a marker"), problems.get(0));
        assertTrue(problems.get(1).startsWith("docs/p.md:8: block 'inner' differs from its region at T.java:6"), problems.get(1));
        assertTrue(problems.get(1).contains("    - if (a > 1) {\n    + if (a > 0) {\n          a++;\n"), problems.get(1));
        assertTrue(problems.get(2).startsWith("docs/p.md:15: no test source has the snippet 'missing'"), problems.get(2));
        assertTrue(problems.get(3).startsWith("docs/p.md:20: '<!-- not-run: -->' needs a reason"), problems.get(3));
        assertTrue(problems.get(4).startsWith("T.java:4: snippet 'outer' is used by no page"), problems.get(4));
    }

    @Test
    void anAllowListedPageMayHaveUnmarkedBlocksUntilItHasNone() {
        Page unconverted = new Page("docs/a.md", "```java\nx();\n```\n");
        Page converted = new Page("docs/b.md", "<!-- not-run: a signature -->\n```java\nvoid x();\n```\n");

        List<String> problems = DocSnippets.check(List.of(unconverted, converted), Map.of(), Set.of("docs/a.md", "docs/b.md"));

        assertEquals(List.of("docs/b.md: every Java block now has a marker; remove the page from PAGES_NOT_YET_CONVERTED."), problems);
    }

    @Test
    void aFromFileBlockIsLinesOfThatFileEachSideDedented() {
        String file = "package ${package}.model;\n\nclass Post {\n    void a() {\n        x();\n\n        y();\n    }\n}\n";
        Map<String, String> files = Map.of("app/Post.java", file);
        Page page = new Page("docs/p.md", """
                <!-- from-file: app/Post.java -->
                ```java
                void a() {
                    x();

                    y();
                }
                ```

                <!-- from-file: app/Post.java -->
                ```java
                package com.example.myapp.model;
                ```

                <!-- from-file: app/Post.java -->
                ```java
                    x();
                    z();
                ```

                <!-- from-file: app/Missing.java -->
                ```java
                x();
                ```
                """);

        List<String> problems = DocSnippets.check(List.of(page), Map.of(), Set.of(),
                path -> java.util.Optional.ofNullable(files.get(path)));

        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("docs/p.md:16: the block is not in app/Post.java"), problems.get(0));
        assertTrue(problems.get(1).startsWith("docs/p.md:22: '<!-- from-file: app/Missing.java -->' names no file"), problems.get(1));
        assertFalse(DocSnippets.quotes("  a();\n  b();\n", "a();\n  b();\n"), "the lines keep their relative indentation");
    }

    @Test
    void updateRewritesOnlyTheMarkedBlocks() {
        Map<String, Snippet> snippets = sources(SOURCE, new ArrayList<>());
        Page page = new Page("docs/p.md", "<!-- snippet: inner -->\n```java\nold();\n```\n\n```java\nkept();\n```\n");

        String updated = DocSnippets.update(page, snippets);

        assertEquals("<!-- snippet: inner -->\n```java\nif (a > 0) {\n    a++;\n}\n```\n\n```java\nkept();\n```\n", updated);
        assertEquals(List.of("docs/p.md:8: ```java block without a marker"),
                DocSnippets.check(List.of(new Page("docs/p.md", updated)), Map.of("inner", snippets.get("inner")), Set.of())
                        .stream().map(p -> p.substring(0, p.indexOf(". Put"))).toList());
    }
}
