package dev.pipes.engine.daemon.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The options and operands of one verb: flags ({@code -a}, {@code -d}), options with a value
 * ({@code --name N} or {@code --name=N}), then operands; {@code --} ends the options. An unknown
 * option or a missing value is an {@link IllegalArgumentException} the verb reports as a usage error.
 */
final class VerbArgs {
    private final Set<String> flags = new HashSet<>();
    private final Map<String, String> values = new HashMap<>();
    private final List<String> operands = new ArrayList<>();

    /**
     * @param args       the verb's arguments, its own name first
     * @param flagNames  options without a value, every spelling ({@code -a}, {@code --all})
     * @param valueNames options with a value
     */
    static VerbArgs parse(List<String> args, Set<String> flagNames, Set<String> valueNames) {
        VerbArgs parsed = new VerbArgs();
        int i = 1;
        for (; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                i++;
                break;
            }
            if (!arg.startsWith("-") || arg.equals("-")) break;
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (flagNames.contains(name) && value == null) {
                parsed.flags.add(name);
            } else if (valueNames.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) throw new IllegalArgumentException(name + " needs a value");
                    value = args.get(++i);
                }
                parsed.values.put(name, value);
            } else if (!arg.startsWith("--") && arg.length() > 2 && allFlags(arg, flagNames)) {
                for (char c : arg.substring(1).toCharArray()) parsed.flags.add("-" + c);
            } else {
                throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        parsed.operands.addAll(args.subList(i, args.size()));
        return parsed;
    }

    private static boolean allFlags(String arg, Set<String> flagNames) {
        for (char c : arg.substring(1).toCharArray()) if (!flagNames.contains("-" + c)) return false;
        return true;
    }

    boolean has(String... spellings) {
        for (String s : spellings) if (flags.contains(s)) return true;
        return false;
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    int intValue(String name, int otherwise) {
        String text = values.get(name);
        if (text == null) return otherwise;
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, got '" + text + "'");
        }
    }

    List<String> operands() {
        return operands;
    }

    /** {@code --format json} or {@code --format text} (the default). */
    boolean json() {
        String format = values.getOrDefault("--format", "text");
        return switch (format) {
            case "json" -> true;
            case "text", "table" -> false;
            default -> throw new IllegalArgumentException("--format takes json or text, got '" + format + "'");
        };
    }
}
