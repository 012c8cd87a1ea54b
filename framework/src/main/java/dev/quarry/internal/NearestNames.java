package dev.quarry.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Finds the known names nearest to a name that was not found, for "did you mean" hints. */
public final class NearestNames {
    private static final int MAX_SUGGESTIONS = 3;

    private NearestNames() {}

    /** Up to three known names close to {@code wanted}, nearest first. */
    public static List<String> of(String wanted, Collection<String> known) {
        String target = normalise(wanted);
        return known.stream()
                .map(name -> new Scored(name, score(target, name)))
                .filter(s -> s.score <= Math.max(2, target.length() / 3))
                .sorted(Comparator.comparingInt((Scored s) -> s.score).thenComparing(s -> s.name))
                .limit(MAX_SUGGESTIONS)
                .map(s -> s.name)
                .toList();
    }

    private static int score(String target, String name) {
        String candidate = normalise(name);
        int at = candidate.indexOf('@');
        if (at >= 0 && target.indexOf('@') < 0) {
            // "User" is one step from "User@blog": the same entity in a module.
            return Math.min(distance(target, candidate), distance(target, candidate.substring(0, at)) + 1);
        }
        return distance(target, candidate);
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private record Scored(String name, int score) {}
}
