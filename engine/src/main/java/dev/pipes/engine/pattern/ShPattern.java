package dev.pipes.engine.pattern;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * sh pattern matching ({@code case}, {@code ${x#p}}, {@code [[ ]]}-less globbing): {@code *}, {@code ?},
 * bracket expressions with ranges, negation ({@code [!..]} or {@code [^..]}) and POSIX classes.
 *
 * <p>Pattern text uses one convention throughout the engine: a backslash makes the next character
 * literal. The expander escapes every quoted character that way, so {@code "*"} in a pattern word
 * stays a literal star while an unquoted {@code *} is a wildcard.
 */
public final class ShPattern {
    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, String> CLASSES = Map.ofEntries(
            Map.entry("alpha", "\\p{Alpha}"), Map.entry("digit", "0-9"), Map.entry("alnum", "\\p{Alnum}"),
            Map.entry("upper", "\\p{Upper}"), Map.entry("lower", "\\p{Lower}"), Map.entry("space", "\\s"),
            Map.entry("blank", " \\t"), Map.entry("punct", "\\p{Punct}"), Map.entry("xdigit", "0-9A-Fa-f"),
            Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("print", "\\p{Print}"), Map.entry("graph", "\\p{Graph}"));

    private ShPattern() {}

    /** Whether {@code text} as a whole matches {@code pattern}. */
    public static boolean matches(String pattern, String text) {
        if (!hasWildcards(pattern)) return unescape(pattern).equals(text);
        return compile(pattern).matcher(text).matches();
    }

    /** The pattern as a Java regex (DOTALL: a wildcard matches a newline too, as in sh). */
    public static Pattern compile(String pattern) {
        return CACHE.computeIfAbsent(pattern, p -> Pattern.compile(toRegex(p), Pattern.DOTALL));
    }

    /**
     * Whether the pattern has an unescaped {@code *}, {@code ?} or a {@code [} that opens a complete
     * bracket expression (a lone {@code [}, as in the {@code [} command, matches only itself, so no
     * directory needs reading).
     */
    public static boolean hasWildcards(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') i++;
            else if (c == '*' || c == '?') return true;
            else if (extglobEnd(pattern, i) >= 0) return true;
            else if (c == '[' && bracketEnd(pattern, i) >= 0) return true;
        }
        return false;
    }

    /** The pattern with its escaping backslashes removed: the literal text it stands for. */
    public static String unescape(String pattern) {
        if (pattern.indexOf('\\') < 0) return pattern;
        StringBuilder out = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) c = pattern.charAt(++i);
            out.append(c);
        }
        return out.toString();
    }

    /** Escapes {@code text} so that every character of it is literal in a pattern. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '*' || c == '?' || c == '[' || c == ']' || c == '(' || c == ')' || c == '|') out.append('\\');
            out.append(c);
        }
        return out.toString();
    }

    static String toRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int extglob = extglobEnd(pattern, i);
            if (extglob >= 0) {
                regex.append(extglob(c, pattern.substring(i + 2, extglob), pattern.substring(extglob + 1)));
                i = extglob + 1;
                continue;
            }
            switch (c) {
                case '\\' -> {
                    if (i + 1 < pattern.length()) i++;
                    regex.append(Pattern.quote(String.valueOf(pattern.charAt(i))));
                    i++;
                }
                case '*' -> {
                    regex.append(".*");
                    i++;
                }
                case '?' -> {
                    regex.append('.');
                    i++;
                }
                case '[' -> {
                    int end = bracketEnd(pattern, i);
                    if (end < 0) {
                        regex.append("\\[");
                        i++;
                    } else {
                        regex.append(bracket(pattern.substring(i + 1, end)));
                        i = end + 1;
                    }
                }
                default -> {
                    regex.append(Pattern.quote(String.valueOf(c)));
                    i++;
                }
            }
        }
        return regex.toString();
    }

    /**
     * bash's extended patterns ({@code ?( ) *( ) +( ) @( ) !( )}, alternatives separated by {@code |}):
     * the index of the {@code )} closing the one that starts at {@code at}, or -1.
     */
    private static int extglobEnd(String pattern, int at) {
        if (at + 1 >= pattern.length() || pattern.charAt(at + 1) != '(' || "?*+@!".indexOf(pattern.charAt(at)) < 0) return -1;
        int depth = 0;
        for (int i = at + 1; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') i++;
            else if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i;
        }
        return -1;
    }

    /** {@code rest}: the pattern after the group, which {@code !( )} must see to tell what it may not match. */
    private static String extglob(char kind, String body, String rest) {
        List<String> alternatives = new java.util.ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') i++;
            else if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == '|' && depth == 0) {
                alternatives.add(body.substring(start, i));
                start = i + 1;
            }
        }
        alternatives.add(body.substring(start));
        StringBuilder group = new StringBuilder("(?:");
        for (int i = 0; i < alternatives.size(); i++) {
            if (i > 0) group.append('|');
            group.append(toRegex(alternatives.get(i)));
        }
        group.append(')');
        return switch (kind) {
            case '?' -> group + "?";
            case '*' -> group + "*";
            case '+' -> group + "+";
            case '@' -> group.toString();
            // !( ): a run the alternatives do not match; approximated as: they may not match here with the rest after
            default -> "(?:(?!" + group + "(?:" + toRegex(rest) + ")$).*?)";
        };
    }

    /** Index of the {@code ]} closing the bracket expression opened at {@code open}, or -1. */
    private static int bracketEnd(String pattern, int open) {
        int i = open + 1;
        if (i < pattern.length() && (pattern.charAt(i) == '!' || pattern.charAt(i) == '^')) i++;
        if (i < pattern.length() && pattern.charAt(i) == ']') i++;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[' && i + 1 < pattern.length() && pattern.charAt(i + 1) == ':') {
                int close = pattern.indexOf(":]", i + 2);
                if (close > 0) {
                    i = close + 2;
                    continue;
                }
            }
            if (c == ']') return i;
            i++;
        }
        return -1;
    }

    private static String bracket(String body) {
        StringBuilder out = new StringBuilder("[");
        int i = 0;
        if (!body.isEmpty() && (body.charAt(0) == '!' || body.charAt(0) == '^')) {
            out.append('^');
            i++;
        }
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '[' && body.startsWith("[:", i)) {
                int close = body.indexOf(":]", i + 2);
                String name = body.substring(i + 2, close);
                String cls = CLASSES.get(name);
                if (cls == null) throw new IllegalArgumentException("unknown character class [:" + name + ":]");
                out.append(cls);
                i = close + 2;
                continue;
            }
            if (c == '\\' && i + 1 < body.length()) {
                c = body.charAt(++i);
            }
            if (i + 2 < body.length() && body.charAt(i + 1) == '-' && body.charAt(i + 2) != ']') {
                char to = body.charAt(i + 2);
                int skip = 3;
                if (to == '\\' && i + 3 < body.length()) {
                    to = body.charAt(i + 3);
                    skip = 4;
                }
                if (to >= c) out.append(literal(c)).append('-').append(literal(to));
                i += skip;
                continue;
            }
            out.append(literal(c));
            i++;
        }
        if (out.length() == 1 || (out.length() == 2 && out.charAt(1) == '^')) {
            // an empty set matches nothing (or, negated, anything)
            return out.length() == 1 ? "(?!)" : "(?s:.)";
        }
        return out.append(']').toString();
    }

    private static String literal(char c) {
        return Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c;
    }

    /** Which end of a value a {@code ${x#p}}-style operator removes, and how much. */
    public enum Trim {
        SHORTEST_PREFIX, LONGEST_PREFIX, SHORTEST_SUFFIX, LONGEST_SUFFIX
    }

    /** {@code value} with the part matched by {@code pattern} removed, as {@code ${x#p}} etc. do. */
    public static String trim(String value, String pattern, Trim trim) {
        Pattern regex = compile(pattern);
        int n = value.length();
        switch (trim) {
            case SHORTEST_PREFIX -> {
                for (int i = 0; i <= n; i++) if (regex.matcher(value.substring(0, i)).matches()) return value.substring(i);
            }
            case LONGEST_PREFIX -> {
                for (int i = n; i >= 0; i--) if (regex.matcher(value.substring(0, i)).matches()) return value.substring(i);
            }
            case SHORTEST_SUFFIX -> {
                for (int i = n; i >= 0; i--) if (regex.matcher(value.substring(i)).matches()) return value.substring(0, i);
            }
            case LONGEST_SUFFIX -> {
                for (int i = 0; i <= n; i++) if (regex.matcher(value.substring(i)).matches()) return value.substring(0, i);
            }
        }
        return value;
    }
}
