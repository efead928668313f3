package dev.pipes.engine.interp;

import dev.pipes.engine.pattern.ShPattern;
import dev.pipes.grammar.ast.ParameterOp;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** bash's string operators of parameter expansion: replacement, substrings and slices, case changes. */
final class Substitution {
    private Substitution() {}

    /** {@code ${v/p/r}} and its forms; an empty pattern changes nothing. */
    static String replace(String value, String pattern, String replacement, ParameterOp op) {
        if (pattern.isEmpty()) {
            // an empty pattern matches nothing, except at the start or end: ${a[@]/#/-I} prefixes each
            if (op == ParameterOp.REPLACE_PREFIX) return replacement + value;
            if (op == ParameterOp.REPLACE_SUFFIX) return value + replacement;
            return value;
        }
        Pattern regex = ShPattern.compile(pattern);
        switch (op) {
            case REPLACE_PREFIX -> {
                for (int end = value.length(); end >= 0; end--) {
                    if (regex.matcher(value.substring(0, end)).matches()) return replacement + value.substring(end);
                }
                return value;
            }
            case REPLACE_SUFFIX -> {
                for (int start = 0; start <= value.length(); start++) {
                    if (regex.matcher(value.substring(start)).matches()) return value.substring(0, start) + replacement;
                }
                return value;
            }
            default -> {
                StringBuilder out = new StringBuilder();
                int i = 0;
                boolean all = op == ParameterOp.REPLACE_ALL;
                while (i <= value.length()) {
                    int end = longestMatchAt(regex, value, i);
                    if (end > i) {
                        out.append(replacement);
                        i = end;
                        if (!all) {
                            out.append(value, i, value.length());
                            return out.toString();
                        }
                    } else {
                        if (i < value.length()) out.append(value.charAt(i));
                        i++;
                    }
                }
                return out.toString();
            }
        }
    }

    /** The end of the longest non-empty match starting at {@code start}, or {@code start} when none. */
    private static int longestMatchAt(Pattern regex, String value, int start) {
        Matcher m = regex.matcher(value);
        for (int end = value.length(); end > start; end--) {
            m.region(start, end);
            if (m.matches()) return end;
        }
        return start;
    }

    /** {@code ${v:offset:length}}: a negative offset counts from the end, a negative length is an end offset. */
    static String substring(String value, long offset, Long length) {
        int n = value.length();
        long start = offset < 0 ? Math.max(0, n + offset) : Math.min(offset, n);
        long end;
        if (length == null) end = n;
        else if (length < 0) end = n + length;
        else end = Math.min(n, start + length);
        if (end < start) {
            if (length != null && length < 0) throw new ShellError(length + ": substring expression < 0");
            return "";
        }
        return value.substring((int) start, (int) end);
    }

    /** {@code ${a[@]:offset:length}} and {@code ${@:offset:length}} (whose element 0 is $0). */
    static List<String> slice(List<String> values, long offset, Long length, String name) {
        int n = values.size();
        long start = offset < 0 ? Math.max(0, n + offset) : Math.min(offset, n);
        if ((name.equals("@") || name.equals("*")) && offset == 0) start = 0;
        else if (name.equals("@") || name.equals("*")) start = offset < 0 ? Math.max(1, n + offset) : Math.min(offset, n);
        long end = length == null ? n : length < 0 ? n + length : Math.min(n, start + length);
        if (end < start) return List.of();
        return values.subList((int) start, (int) end);
    }

    /** {@code ${x^^p}}: only the characters matching pattern {@code p} (every one when it is empty) change. */
    static String changeCase(String value, ParameterOp op, String pattern) {
        if (value.isEmpty()) return value;
        if (!pattern.isEmpty()) {
            Pattern regex = ShPattern.compile(pattern);
            boolean all = op == ParameterOp.UPPER_ALL || op == ParameterOp.LOWER_ALL;
            boolean upper = op == ParameterOp.UPPER_ALL || op == ParameterOp.UPPER_FIRST;
            StringBuilder out = new StringBuilder(value);
            for (int i = 0; i < (all ? value.length() : 1); i++) {
                String c = value.substring(i, i + 1);
                if (regex.matcher(c).matches()) out.replace(i, i + 1, upper ? c.toUpperCase(Locale.ROOT) : c.toLowerCase(Locale.ROOT));
            }
            return out.toString();
        }
        return switch (op) {
            case UPPER_ALL -> value.toUpperCase(Locale.ROOT);
            case LOWER_ALL -> value.toLowerCase(Locale.ROOT);
            case UPPER_FIRST -> value.substring(0, 1).toUpperCase(Locale.ROOT) + value.substring(1);
            default -> value.substring(0, 1).toLowerCase(Locale.ROOT) + value.substring(1);
        };
    }
}
