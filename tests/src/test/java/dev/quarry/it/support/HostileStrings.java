package dev.quarry.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The corpus of hostile strings in {@code tests/src/test/resources/hostile-strings.txt}, decoded
 * (the file's header gives its escapes). Used as names by HostileNamesIT and as values by
 * HostileValuesIT.
 */
public final class HostileStrings {
    private static final String FILE = "/hostile-strings.txt";
    private static final List<String> ALL = load();

    private HostileStrings() {}

    /** Every entry, in file order. */
    public static List<String> all() {
        return ALL;
    }

    /** The entry shortened and with control and invisible characters escaped, to name a test case. */
    public static String label(String entry) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < entry.length() && out.length() < 40; i++) {
            char c = entry.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return (entry.length() > 40 ? out + "...(" + entry.length() + " chars)" : out.toString());
    }

    private static List<String> load() {
        try (InputStream in = HostileStrings.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is not on the test class path");
            }
            List<String> entries = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (line.isEmpty() || line.startsWith("##")) {
                    continue;
                }
                entries.add(decode(line));
            }
            return List.copyOf(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String decode(String line) {
        if (line.equals("\\E")) {
            return "";
        }
        if (line.startsWith("@repeat ")) {
            String[] parts = line.split(" ", 3);
            return decode(parts[2]).repeat(Integer.parseInt(parts[1]));
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = line.charAt(++i);
            switch (next) {
                case '\\' -> out.append('\\');
                case '0' -> out.append('\u0000');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 's' -> out.append(' ');
                case 'u' -> {
                    out.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> throw new IllegalStateException("unknown escape \\" + next + " in " + FILE + ": " + line);
            }
        }
        return out.toString();
    }
}
