package dev.quarry.naming;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English word forms for naming conventions: plurals (regular, irregular and uncountable) and
 * snake_case. A custom {@link NamingStrategy} may use it.
 *
 * <pre>{@code
 * Inflector.pluralize("category");        // "categories"
 * Inflector.pluralize("person");          // "people"
 * Inflector.snakeCase("UserPermission");  // "user_permission"
 * }</pre>
 */
public final class Inflector {

    private static final Set<String> UNCOUNTABLE = Set.of(
            "audio", "data", "equipment", "feedback", "fish", "information", "metadata", "money",
            "news", "police", "rice", "series", "sheep", "species", "deer", "moose", "staff",
            "traffic", "software", "hardware", "knowledge", "furniture", "luggage", "advice");

    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("person", "people"),
            Map.entry("man", "men"),
            Map.entry("woman", "women"),
            Map.entry("child", "children"),
            Map.entry("tooth", "teeth"),
            Map.entry("foot", "feet"),
            Map.entry("mouse", "mice"),
            Map.entry("goose", "geese"),
            Map.entry("ox", "oxen"),
            Map.entry("criterion", "criteria"),
            Map.entry("datum", "data"),
            Map.entry("medium", "media"),
            Map.entry("leaf", "leaves"),
            Map.entry("life", "lives"),
            Map.entry("wife", "wives"),
            Map.entry("knife", "knives"),
            Map.entry("half", "halves"),
            Map.entry("hero", "heroes"),
            Map.entry("potato", "potatoes"),
            Map.entry("tomato", "tomatoes"),
            Map.entry("echo", "echoes"),
            Map.entry("cactus", "cacti"),
            Map.entry("octopus", "octopuses"),
            Map.entry("analysis", "analyses"),
            Map.entry("thesis", "theses"),
            Map.entry("crisis", "crises"),
            Map.entry("axis", "axes"),
            Map.entry("index", "indexes"),
            Map.entry("quiz", "quizzes"),
            Map.entry("zombie", "zombies"),
            Map.entry("movie", "movies"));

    /** Suffix rules, tried in order; the first that matches wins. */
    private static final List<Rule> RULES = List.of(
            new Rule("(matr|vert)ix$", "$1ices"),
            new Rule("(x|ch|ss|sh|zz)$", "$1es"),
            new Rule("([^aeiouy]|qu)y$", "$1ies"),
            new Rule("([^f])fe$", "$1ves"),
            new Rule("([lr])f$", "$1ves"),
            new Rule("sis$", "ses"),
            new Rule("(us|bus)$", "$1es"),
            new Rule("(alias|status|gas|bias|atlas)$", "$1es"),
            new Rule("s$", "s"),
            new Rule("$", "s"));

    private static final List<Rule> SINGULAR_RULES = List.of(
            new Rule("(matr|vert)ices$", "$1ix"),
            new Rule("(x|ch|ss|sh|zz)es$", "$1"),
            new Rule("([^aeiouy]|qu)ies$", "$1y"),
            new Rule("([lr])ves$", "$1f"),
            new Rule("([^f])ves$", "$1fe"),
            new Rule("(alias|status|gas|bias|atlas|bus)es$", "$1"),
            new Rule("ss$", "ss"),
            new Rule("us$", "us"),
            new Rule("s$", ""));

    private static final Pattern WORD_BOUNDARY = Pattern.compile("([a-z0-9])([A-Z])|([A-Z]+)([A-Z][a-z])");

    private Inflector() {}

    /** The plural of one lower- or mixed-case English word; the first letter's case is kept. */
    public static String pluralize(String word) {
        if (word.isEmpty()) {
            return word;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (UNCOUNTABLE.contains(lower)) {
            return word;
        }
        String irregular = IRREGULAR.get(lower);
        if (irregular != null) {
            return Character.isUpperCase(word.charAt(0))
                    ? Character.toUpperCase(irregular.charAt(0)) + irregular.substring(1)
                    : irregular;
        }
        for (Rule rule : RULES) {
            Matcher m = rule.pattern.matcher(word);
            if (m.find()) {
                return m.replaceFirst(rule.replacement);
            }
        }
        return word + "s";
    }

    /** The singular of one English word: the inverse of {@link #pluralize} for the words it knows. */
    public static String singularize(String word) {
        if (word.isEmpty()) {
            return word;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (UNCOUNTABLE.contains(lower)) {
            return word;
        }
        for (Map.Entry<String, String> irregular : IRREGULAR.entrySet()) {
            if (irregular.getValue().equals(lower)) {
                String singular = irregular.getKey();
                return Character.isUpperCase(word.charAt(0))
                        ? Character.toUpperCase(singular.charAt(0)) + singular.substring(1) : singular;
            }
        }
        for (Rule rule : SINGULAR_RULES) {
            Matcher m = rule.pattern.matcher(word);
            if (m.find()) {
                return m.replaceFirst(rule.replacement);
            }
        }
        return word;
    }

    /** Singularizes only the last {@code _}-separated word: {@code user_roles} -> {@code user_role}. */
    public static String singularizeLastWord(String snakeName) {
        int cut = snakeName.lastIndexOf('_') + 1;
        return snakeName.substring(0, cut) + singularize(snakeName.substring(cut));
    }

    /** Pluralizes only the last {@code _}-separated word: {@code user_permission} -> {@code user_permissions}. */
    public static String pluralizeLastWord(String snakeName) {
        int cut = snakeName.lastIndexOf('_') + 1;
        return snakeName.substring(0, cut) + pluralize(snakeName.substring(cut));
    }

    /** {@code UserPermission} -> {@code user_permission}, {@code createdAt} -> {@code created_at}, {@code HTTPLog} -> {@code http_log}. */
    public static String snakeCase(String name) {
        Matcher m = WORD_BOUNDARY.matcher(name);
        StringBuilder out = new StringBuilder(name.length() + 4);
        while (m.find()) {
            String replacement = m.group(1) != null ? m.group(1) + "_" + m.group(2) : m.group(3) + "_" + m.group(4);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static final class Rule {
        final Pattern pattern;
        final String replacement;

        Rule(String regex, String replacement) {
            this.pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
            this.replacement = replacement;
        }
    }
}
