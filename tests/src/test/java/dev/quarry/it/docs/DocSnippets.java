package dev.quarry.it.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps the guide's Java samples identical to tested code.
 *
 * <p>In test sources, a region {@code // snippet:start <name>} ... {@code // snippet:end} names some
 * code. In a Markdown page, a {@code ```java} block right after a line {@code <!-- snippet: <name> -->}
 * must be that region, dedented, with any nested marker lines left out, and without the lines between
 * {@code // snippet:hide <why>} and {@code // snippet:show} (code the sample needs but does not show). A block that is not runnable
 * code (a signature, a compile error) follows {@code <!-- not-run: <reason> -->} instead. A block that
 * quotes a file no test source may carry markers for (the app the archetype generates) follows
 * {@code <!-- from-file: <path from the repository root> -->}: the block, dedented, must be lines of
 * that file, dedented alike ({@code ${package}} in the file read as {@code com.example.myapp}).
 * {@link #check} reports every difference; {@link #update} rewrites the blocks from the sources.
 */
final class DocSnippets {
    /** The command that rewrites the guide's blocks from the test sources. */
    static final String UPDATE_COMMAND =
            "mvn -pl tests -am -Dtest=DocSnippetsTest -Dsurefire.failIfNoSpecifiedTests=false -Dquarry.docs.update=true test";

    private static final Pattern START = Pattern.compile("^\\s*//\\s*snippet:start\\s+(\\S+)\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*//\\s*snippet:end\\s*$");
    private static final Pattern HIDE = Pattern.compile("^\\s*//\\s*snippet:hide\\b.*$");
    private static final Pattern SHOW = Pattern.compile("^\\s*//\\s*snippet:show\\s*$");
    private static final Pattern ANY_MARKER = Pattern.compile("^\\s*//\\s*snippet:");
    private static final Pattern SNIPPET_REF = Pattern.compile("^<!--\\s*snippet:\\s*(\\S*)\\s*-->$");
    private static final Pattern NOT_RUN = Pattern.compile("^<!--\\s*not-run:(.*?)-->$");
    private static final Pattern FROM_FILE = Pattern.compile("^<!--\\s*from-file:\\s*(\\S*)\\s*-->$");
    /** The package the page's quotes of the archetype's files use, for the archetype's {@code ${package}}. */
    static final String ARCHETYPE_PACKAGE = "com.example.myapp";
    private static final Pattern FENCE = Pattern.compile("^```(\\S*)\\s*$");

    private DocSnippets() {}

    /** A named region of test code. */
    record Snippet(String name, String source, int line, String code) {}

    /** What precedes a {@code ```java} block: a snippet name, a not-run reason, a quoted file, or nothing. */
    enum MarkerKind { SNIPPET, NOT_RUN, FROM_FILE, NONE }

    /**
     * One {@code ```java} block of a page. {@code fenceLine} is the 1-based line of the opening fence,
     * {@code firstLine}/{@code endLine} the 0-based lines of its content and of its closing fence.
     */
    record Block(String page, int fenceLine, MarkerKind kind, String label, int firstLine, int endLine, String code) {}

    /** A page of the guide (its name as shown in messages, and its text). */
    record Page(String name, String text) {}

    // ---- test sources -----------------------------------------------------------------------------

    /** Every snippet region in the {@code .java} files under {@code root}, by name; malformed regions go to {@code problems}. */
    static Map<String, Snippet> scanSources(Path root, List<String> problems) {
        Map<String, Snippet> snippets = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                for (Snippet s : parseSource(name, Files.readString(file, StandardCharsets.UTF_8), problems)) {
                    Snippet previous = snippets.putIfAbsent(s.name(), s);
                    if (previous != null) {
                        problems.add(s.source() + ":" + s.line() + ": snippet '" + s.name() + "' is also defined at "
                                + previous.source() + ":" + previous.line() + ". Give each region its own name.");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the test sources under " + root.toAbsolutePath(), e);
        }
        return snippets;
    }

    /** The snippet regions of one source file, in the order they end. */
    static List<Snippet> parseSource(String source, String text, List<String> problems) {
        List<String> lines = text.lines().toList();
        List<Snippet> found = new ArrayList<>();
        Deque<int[]> open = new ArrayDeque<>();      // {line index of the start marker}
        Deque<String> names = new ArrayDeque<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher start = START.matcher(lines.get(i));
            if (start.matches()) {
                open.push(new int[] {i});
                names.push(start.group(1));
            } else if (END.matcher(lines.get(i)).matches()) {
                if (open.isEmpty()) {
                    problems.add(source + ":" + (i + 1) + ": '// snippet:end' without a '// snippet:start <name>' before it.");
                    continue;
                }
                int from = open.pop()[0];
                found.add(new Snippet(names.pop(), source, from + 1, regionCode(lines.subList(from + 1, i))));
            } else if (ANY_MARKER.matcher(lines.get(i)).find() && !HIDE.matcher(lines.get(i)).matches()
                    && !SHOW.matcher(lines.get(i)).matches()) {
                problems.add(source + ":" + (i + 1) + ": malformed snippet marker '" + lines.get(i).strip()
                        + "'. Write '// snippet:start <name>' or '// snippet:end' alone on the line.");
            }
        }
        while (!open.isEmpty()) {
            problems.add(source + ":" + (open.pop()[0] + 1) + ": snippet '" + names.pop() + "' has no '// snippet:end'.");
        }
        return found;
    }

    /**
     * The lines of a region without nested marker lines and without the lines between
     * {@code // snippet:hide <why>} and {@code // snippet:show} (compiled, but not shown), dedented by
     * their common indentation.
     */
    private static String regionCode(List<String> region) {
        List<String> kept = new ArrayList<>();
        boolean hidden = false;
        for (String line : region) {
            if (HIDE.matcher(line).matches() || SHOW.matcher(line).matches()) {
                hidden = HIDE.matcher(line).matches();
            } else if (!hidden && !START.matcher(line).matches() && !END.matcher(line).matches()) {
                kept.add(line.stripTrailing());
            }
        }
        int indent = kept.stream().filter(l -> !l.isBlank()).mapToInt(DocSnippets::indentation).min().orElse(0);
        StringBuilder code = new StringBuilder();
        for (String line : kept) {
            code.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return code.toString();
    }

    private static int indentation(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    // ---- Markdown pages ---------------------------------------------------------------------------

    /** The {@code ```java} blocks of a page, with the marker line before each. */
    static List<Block> javaBlocks(Page page) {
        List<String> lines = page.text().lines().toList();
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher fence = FENCE.matcher(lines.get(i));
            if (!fence.matches()) {
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                end++;
            }
            if (fence.group(1).equals("java")) {
                blocks.add(block(page.name(), lines, i, end));
            }
            i = end;
        }
        return blocks;
    }

    private static Block block(String page, List<String> lines, int fence, int end) {
        String before = fence > 0 ? lines.get(fence - 1).strip() : "";
        MarkerKind kind = MarkerKind.NONE;
        String label = "";
        Matcher ref = SNIPPET_REF.matcher(before);
        Matcher notRun = NOT_RUN.matcher(before);
        Matcher fromFile = FROM_FILE.matcher(before);
        if (ref.matches()) {
            kind = MarkerKind.SNIPPET;
            label = ref.group(1);
        } else if (notRun.matches()) {
            kind = MarkerKind.NOT_RUN;
            label = notRun.group(1).strip();
        } else if (fromFile.matches()) {
            kind = MarkerKind.FROM_FILE;
            label = fromFile.group(1);
        }
        StringBuilder code = new StringBuilder();
        for (String line : lines.subList(fence + 1, Math.min(end, lines.size()))) {
            code.append(line.stripTrailing()).append('\n');
        }
        return new Block(page, fence + 1, kind, label, fence + 1, end, code.toString());
    }

    // ---- checking ---------------------------------------------------------------------------------

    /**
     * Every problem with the pages' Java blocks: a block without a marker (unless its page is in
     * {@code notYetConverted}), an unknown snippet, a block that differs from its region, a not-run
     * without a reason, a region no page uses, and an allow-listed page that no longer needs to be.
     */
    static List<String> check(List<Page> pages, Map<String, Snippet> snippets, Set<String> notYetConverted) {
        return check(pages, snippets, notYetConverted, path -> Optional.empty());
    }

    /**
     * As {@link #check(List, Map, Set)}, reading the files that {@code <!-- from-file: path -->} blocks
     * quote with {@code files} (a path from the repository root to the file's text, or empty).
     */
    static List<String> check(List<Page> pages, Map<String, Snippet> snippets, Set<String> notYetConverted,
            Function<String, Optional<String>> files) {
        List<String> problems = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        for (Page page : pages) {
            boolean unmarked = false;
            for (Block block : javaBlocks(page)) {
                unmarked |= block.kind() == MarkerKind.NONE;
                checkBlock(block, snippets, notYetConverted.contains(page.name()), files, problems);
                if (block.kind() == MarkerKind.SNIPPET) {
                    used.add(block.label());
                }
            }
            if (notYetConverted.contains(page.name()) && !unmarked) {
                problems.add(page.name() + ": every Java block now has a marker; remove the page from PAGES_NOT_YET_CONVERTED.");
            }
        }
        for (Snippet s : snippets.values()) {
            if (!used.contains(s.name())) {
                problems.add(s.source() + ":" + s.line() + ": snippet '" + s.name()
                        + "' is used by no page. Put '<!-- snippet: " + s.name() + " -->' before a ```java block, or remove the markers.");
            }
        }
        return problems;
    }

    private static void checkBlock(Block block, Map<String, Snippet> snippets, boolean allowUnmarked,
            Function<String, Optional<String>> files, List<String> problems) {
        String where = block.page() + ":" + block.fenceLine() + ": ";
        switch (block.kind()) {
            case NONE -> {
                if (!allowUnmarked) {
                    problems.add(where + "```java block without a marker. Put '<!-- snippet: <name> -->' on the line before it,"
                            + " naming a '// snippet:start <name>' region of a test that runs the code"
                            + " (or '<!-- from-file: <path> -->' if it quotes a file, or '<!-- not-run: <reason> -->'"
                            + " if it cannot be run).");
                }
            }
            case NOT_RUN -> {
                if (block.label().isEmpty()) {
                    problems.add(where + "'<!-- not-run: -->' needs a reason, e.g. '<!-- not-run: does not compile, on purpose -->'.");
                }
            }
            case SNIPPET -> checkSnippetBlock(where, block, snippets.get(block.label()), problems);
            case FROM_FILE -> checkFromFileBlock(where, block, files.apply(block.label()), problems);
        }
    }

    private static void checkFromFileBlock(String where, Block block, Optional<String> file, List<String> problems) {
        if (block.label().isEmpty() || file.isEmpty()) {
            problems.add(where + "'<!-- from-file: " + block.label() + " -->' names no file. Give the path of the quoted file"
                    + " from the repository root.");
        } else if (!quotes(file.get().replace("${package}", ARCHETYPE_PACKAGE), block.code())) {
            problems.add(where + "the block is not in " + block.label() + " (compared line by line, each side dedented)."
                    + " Copy the block from the file again:\n" + block.code());
        }
    }

    /** Whether {@code block}, dedented, is a run of consecutive lines of {@code file}, with those lines dedented alike. */
    static boolean quotes(String file, String block) {
        List<String> lines = file.lines().map(String::stripTrailing).toList();
        List<String> quoted = regionCode(block.lines().toList()).lines().toList();
        if (quoted.stream().allMatch(String::isBlank)) {
            return false;
        }
        for (int from = 0; from + quoted.size() <= lines.size(); from++) {
            if (matchesAt(lines, from, quoted)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAt(List<String> lines, int from, List<String> quoted) {
        String indent = null;
        for (int k = 0; k < quoted.size(); k++) {
            String line = lines.get(from + k);
            String want = quoted.get(k);
            if (want.isEmpty()) {
                if (!line.isBlank()) {
                    return false;
                }
                continue;
            }
            if (indent == null) {
                if (!line.endsWith(want) || !line.substring(0, line.length() - want.length()).isBlank()) {
                    return false;
                }
                indent = line.substring(0, line.length() - want.length());
            }
            if (!line.equals(indent + want)) {
                return false;
            }
        }
        return true;
    }

    private static void checkSnippetBlock(String where, Block block, Snippet snippet, List<String> problems) {
        if (snippet == null) {
            problems.add(where + "no test source has the snippet '" + block.label() + "'. Mark the code that runs this sample"
                    + " with '// snippet:start " + block.label() + "' ... '// snippet:end'.");
        } else if (!snippet.code().equals(block.code())) {
            problems.add(where + "block '" + block.label() + "' differs from its region at " + snippet.source() + ":"
                    + snippet.line() + " (- docs, + tested code). Change the test, then run " + UPDATE_COMMAND
                    + " to copy it into the page:\n" + diff(block.code(), snippet.code()));
        }
    }

    /** A line diff of two texts: unchanged lines with two spaces, removed with "- ", added with "+ ". */
    static String diff(String docs, String code) {
        List<String> a = docs.lines().toList();
        List<String> b = code.lines().toList();
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                out.append("      ").append(a.get(i++)).append('\n');
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.append("    - ").append(a.get(i++)).append('\n');
            } else {
                out.append("    + ").append(b.get(j++)).append('\n');
            }
        }
        return out.toString();
    }

    // ---- updating ---------------------------------------------------------------------------------

    /** The page with every snippet block replaced by its region's code; unknown names are left as they are. */
    static String update(Page page, Map<String, Snippet> snippets) {
        List<String> lines = new ArrayList<>(page.text().lines().toList());
        List<Block> blocks = javaBlocks(page);
        for (int k = blocks.size() - 1; k >= 0; k--) {
            Block block = blocks.get(k);
            Snippet snippet = snippets.get(block.label());
            if (block.kind() == MarkerKind.SNIPPET && snippet != null) {
                List<String> region = lines.subList(block.firstLine(), block.endLine());
                region.clear();
                region.addAll(snippet.code().lines().toList());
            }
        }
        return String.join("\n", lines) + (page.text().endsWith("\n") ? "\n" : "");
    }

    // ---- the repository ---------------------------------------------------------------------------

    /** The repository root, found from the tests module or from the root itself. */
    static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("docs")) ? here : here.getParent();
    }

    /** README.md and every docs/*.md page, named relative to the repository root. */
    static List<Path> pageFiles(Path root) {
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            List<Path> pages = new ArrayList<>();
            pages.add(root.resolve("README.md"));
            pages.addAll(docs.filter(p -> p.toString().endsWith(".md")).sorted().toList());
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + root.resolve("docs"), e);
        }
    }

    /** The text of a file of the repository, by its path from the root, if there is one. */
    static Optional<String> readRepositoryFile(Path root, String path) {
        Path file = root.resolve(path).normalize();
        if (path.isEmpty() || !file.startsWith(root) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static Page readPage(Path root, Path file) {
        try {
            return new Page(root.relativize(file).toString().replace('\\', '/'), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Rewrites every page's snippet blocks from the sources; returns the names of the pages it changed. */
    static List<String> updatePages(Path root, Map<String, Snippet> snippets) {
        List<String> changed = new ArrayList<>();
        for (Path file : pageFiles(root)) {
            Page page = readPage(root, file);
            String updated = update(page, snippets);
            if (!updated.equals(page.text())) {
                try {
                    Files.writeString(file, updated, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot write " + file, e);
                }
                changed.add(page.name());
            }
        }
        return changed;
    }

    /** Rewrites the guide's blocks from the test sources (run from the repository root or the tests module). */
    public static void main(String[] args) {
        Path root = repositoryRoot();
        List<String> problems = new ArrayList<>();
        Map<String, Snippet> snippets = scanSources(root.resolve("tests/src/test/java"), problems);
        problems.forEach(System.err::println);
        System.out.println("Updated: " + updatePages(root, snippets));
    }
}
