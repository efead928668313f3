package dev.pipes.completions.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the spec format: one {@code key: value} per line, {@code #} comments, blank lines
 * ignored. See completions/README.md for the keys.
 * <pre>
 * describe: Show the state of workflows
 * option: -a --all            Show finished workflows too
 * option: -o --output=FORMAT  How to print them
 * values: --output text json
 * args: workflows
 * words: start stop
 * </pre>
 */
public final class SpecParser {
    private SpecParser() {}

    /**
     * @param command the command the spec is for (the file name without {@code .spec})
     * @param source  what errors name, usually the file name
     * @throws SpecError naming the line of the first mistake
     */
    public static CommandSpec parse(String command, String text, String source) {
        String description = "";
        Map<String, OptionSpec> options = new LinkedHashMap<>();
        List<ArgumentKind> arguments = new ArrayList<>();
        List<String> words = new ArrayList<>();
        boolean argumentsGiven = false;
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            int lineNumber = n + 1;
            if (line.isEmpty() || line.startsWith("#")) continue;
            int colon = line.indexOf(':');
            if (colon < 0) throw new SpecError(source, n + 1, "expected 'key: value', found '" + line + "'");
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "describe" -> description = value;
                case "option" -> {
                    OptionSpec option = option(value, source, n + 1);
                    options.put(option.spellings().get(0), option);
                }
                case "values" -> {
                    String[] parts = value.split("\\s+");
                    OptionSpec option = options.values().stream().filter(o -> o.spelledAs(parts[0])).findFirst()
                            .orElseThrow(() -> new SpecError(source, lineNumber,
                                    "values for '" + parts[0] + "', which no earlier option line declares"));
                    if (!option.takesValue()) {
                        throw new SpecError(source, n + 1, "option '" + parts[0] + "' takes no value (write "
                                + parts[0] + "=NAME in its option line)");
                    }
                    options.put(option.spellings().get(0), option.withValues(List.of(parts).subList(1, parts.length)));
                }
                case "args" -> {
                    argumentsGiven = true;
                    for (String kind : value.split("\\s+")) {
                        ArgumentKind parsed = ArgumentKind.fromSpelling(kind);
                        if (parsed == null) {
                            throw new SpecError(source, n + 1, "unknown argument kind '" + kind
                                    + "' (expected one of " + kindList() + ")");
                        }
                        if (parsed != ArgumentKind.NONE) arguments.add(parsed);
                    }
                }
                case "words" -> words.addAll(List.of(value.split("\\s+")));
                default -> throw new SpecError(source, n + 1,
                        "unknown key '" + key + "' (expected describe, option, values, args or words)");
            }
        }
        if (!argumentsGiven) arguments.add(ArgumentKind.FILES);
        return new CommandSpec(command, description, List.copyOf(options.values()), arguments, words);
    }

    private static OptionSpec option(String value, String source, int line) {
        List<String> spellings = new ArrayList<>();
        String valueName = "";
        String[] parts = value.split("\\s+");
        int i = 0;
        for (; i < parts.length && parts[i].startsWith("-"); i++) {
            String spelling = parts[i];
            int eq = spelling.indexOf('=');
            if (eq >= 0) {
                valueName = spelling.substring(eq + 1);
                spelling = spelling.substring(0, eq);
            }
            if (spelling.equals("-") || spelling.equals("--")) {
                throw new SpecError(source, line, "'" + spelling + "' is not an option name");
            }
            spellings.add(spelling);
        }
        if (spellings.isEmpty()) {
            throw new SpecError(source, line, "an option line starts with its spellings, such as '-a --all'");
        }
        String description = String.join(" ", List.of(parts).subList(i, parts.length));
        return new OptionSpec(spellings, valueName, List.of(), description);
    }

    private static String kindList() {
        List<String> names = new ArrayList<>();
        for (ArgumentKind kind : ArgumentKind.values()) names.add(kind.spelling());
        return String.join(", ", names);
    }
}
