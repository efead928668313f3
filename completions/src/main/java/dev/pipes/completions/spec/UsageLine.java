package dev.pipes.completions.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a builtin's usage line, as its definition gives it ({@code "read [-r] [-p PROMPT] [NAME...]"},
 * {@code "echo [-neE] [ARGUMENT...]"}, {@code "unset [-v|-f] NAME..."}), into a spec: the options in
 * brackets, and what the positional arguments are from the name of the first operand.
 */
public final class UsageLine {
    private static final Pattern GROUP = Pattern.compile("\\[([^\\[\\]]*)]");
    private static final Pattern OPTION = Pattern.compile("-([A-Za-z]+)(?:\\s+([A-Z][A-Z_]*))?");

    private UsageLine() {}

    public static CommandSpec toSpec(String name, String usage, String summary) {
        Map<String, OptionSpec> options = new LinkedHashMap<>();
        Matcher group = GROUP.matcher(usage);
        while (group.find()) {
            for (String alternative : group.group(1).split("\\|")) {
                Matcher option = OPTION.matcher(alternative.strip());
                if (!option.matches()) continue;
                String letters = option.group(1);
                String valueName = option.group(2) == null ? "" : option.group(2);
                if (valueName.isEmpty()) {
                    for (char letter : letters.toCharArray()) {
                        options.putIfAbsent("-" + letter, new OptionSpec(List.of("-" + letter), "", List.of(), ""));
                    }
                } else {
                    options.putIfAbsent("-" + letters, new OptionSpec(List.of("-" + letters), valueName, List.of(), ""));
                }
            }
        }
        return new CommandSpec(name, summary, new ArrayList<>(options.values()), List.of(argumentKind(usage)), List.of());
    }

    private static ArgumentKind argumentKind(String usage) {
        String operands = GROUP.matcher(usage).replaceAll(m -> m.group(1).startsWith("-") || m.group(1).startsWith("+") ? "" : m.group(1));
        for (String word : operands.split("[\\s|.=\\[\\]]+")) {
            switch (word) {
                case "DIR" -> { return ArgumentKind.DIRECTORIES; }
                case "JOB" -> { return ArgumentKind.JOBS; }
                case "NAME" -> { return ArgumentKind.VARIABLES; }
                case "BUILTIN" -> { return ArgumentKind.COMMANDS; }
                case "FILE" -> { return ArgumentKind.FILES; }
                default -> { }
            }
        }
        return ArgumentKind.FILES;
    }
}
