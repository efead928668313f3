package dev.pipes.shell.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads spec files in the Oils format:
 * <pre>
 * #### name of the case
 * code
 * ## stdout: one line          (or ## STDOUT: ... ## END for several, ## stdout-json: "a\nb")
 * ## status: 1
 * ## stderr: one line          (or ## STDERR: ... ## END)
 * ## OK bash stdout: x         (an override for one shell; also N-I and BUG)
 * </pre>
 * A case without a stdout expectation must print nothing; its status defaults to 0.
 */
final class SpecFile {
    private static final Pattern ONE_LINE = Pattern.compile("## (?:(OK|N-I|BUG) ([a-z]+) )?(stdout|stderr|status|stdout-json): ?(.*)");
    private static final Pattern BLOCK = Pattern.compile("## (?:(OK|N-I|BUG) ([a-z]+) )?(STDOUT|STDERR):\\s*");

    private SpecFile() {}

    static List<SpecCase> read(Path path) throws IOException {
        List<String> lines = Files.readAllLines(path);
        List<SpecCase> cases = new ArrayList<>();
        String file = path.getFileName().toString();
        int i = 0;
        while (i < lines.size() && !lines.get(i).startsWith("#### ")) i++;
        while (i < lines.size()) {
            int start = i;
            String name = lines.get(i).substring(5).strip();
            i++;
            StringBuilder code = new StringBuilder();
            while (i < lines.size() && !lines.get(i).startsWith("## ") && !lines.get(i).startsWith("#### ")) {
                code.append(lines.get(i)).append('\n');
                i++;
            }
            Map<String, SpecCase.Expectation> perShell = new HashMap<>();
            SpecCase.Expectation expected = new SpecCase.Expectation(null, null, null);
            while (i < lines.size() && !lines.get(i).startsWith("#### ")) {
                String line = lines.get(i);
                Matcher one = ONE_LINE.matcher(line);
                Matcher block = BLOCK.matcher(line);
                SpecCase.Expectation parsed;
                String shell;
                if (block.matches()) {
                    shell = block.group(2);
                    StringBuilder text = new StringBuilder();
                    i++;
                    while (i < lines.size() && !lines.get(i).equals("## END")) {
                        text.append(lines.get(i)).append('\n');
                        i++;
                    }
                    if (i == lines.size()) throw new IOException(file + ":" + (start + 1) + ": a block without ## END");
                    parsed = block.group(3).equals("STDOUT") ? new SpecCase.Expectation(text.toString(), null, null)
                            : new SpecCase.Expectation(null, text.toString(), null);
                } else if (one.matches()) {
                    shell = one.group(2);
                    String value = one.group(4);
                    parsed = switch (one.group(3)) {
                        case "stdout" -> new SpecCase.Expectation(value + "\n", null, null);
                        case "stdout-json" -> new SpecCase.Expectation(json(value), null, null);
                        case "stderr" -> new SpecCase.Expectation(null, value + "\n", null);
                        default -> new SpecCase.Expectation(null, null, Integer.parseInt(value.strip()));
                    };
                } else if (line.startsWith("## ") || line.isBlank()) {
                    i++;
                    continue;
                } else {
                    throw new IOException(file + ":" + (i + 1) + ": expected an expectation line, found: " + line);
                }
                if (shell == null) expected = expected.merge(parsed);
                else perShell.merge(shell, parsed, (a, b) -> a.merge(b));
                i++;
            }
            if (expected.stdout() == null) expected = expected.merge(new SpecCase.Expectation("", null, null));
            if (expected.status() == null) expected = expected.merge(new SpecCase.Expectation(null, null, 0));
            cases.add(new SpecCase(file, start + 1, name, code.toString(), expected, perShell));
        }
        return cases;
    }

    /** A JSON string literal as used by {@code stdout-json}. */
    private static String json(String literal) {
        String s = literal.strip();
        if (!s.startsWith("\"") || !s.endsWith("\"")) throw new IllegalArgumentException("not a JSON string: " + literal);
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }
}
