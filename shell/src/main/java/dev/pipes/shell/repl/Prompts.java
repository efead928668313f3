package dev.pipes.shell.repl;

import java.nio.file.Path;

/**
 * The prompts, from the variables {@code PIPES_PROMPT} and {@code PIPES_PROMPT2} (like sh's
 * {@code PS1} and {@code PS2}) or the defaults. Escapes:
 * <ul>
 * <li>{@code \m} the mode ({@code embedded} or the cluster's name)</li>
 * <li>{@code \?} the last status and a space when it is not zero, else nothing</li>
 * <li>{@code \w} the working directory ({@code ~} for the home directory), {@code \W} its last name</li>
 * <li>&#92;u the user, {@code \h} the host name up to the first dot</li>
 * <li>{@code \$} {@code #} for root, else {@code $}; {@code \n} newline; {@code \e} escape (ANSI colours); {@code \\} backslash</li>
 * </ul>
 */
public final class Prompts {
    public static final String PRIMARY_VARIABLE = "PIPES_PROMPT";
    public static final String CONTINUATION_VARIABLE = "PIPES_PROMPT2";
    /** Mode in cyan, directory in blue, a non-zero status in red. */
    public static final String DEFAULT_PRIMARY = "\\e[36m\\m\\e[0m \\e[34m\\w\\e[0m \\e[31m\\?\\e[0m\\$ ";
    public static final String DEFAULT_CONTINUATION = "> ";

    private final String user;
    private final String host;
    private final boolean root;

    public Prompts(String user, String host, boolean root) {
        this.user = user;
        this.host = host;
        this.root = root;
    }

    /**
     * Takes the user and host from the process's environment. The host name comes from
     * {@code $HOSTNAME} or the kernel, never from a name lookup, which can take seconds.
     */
    public static Prompts ofProcess() {
        String user = System.getProperty("user.name", "");
        String host = System.getenv().getOrDefault("HOSTNAME", "");
        if (host.isEmpty()) {
            try {
                host = java.nio.file.Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            } catch (java.io.IOException | RuntimeException e) {
                host = "localhost";
            }
        }
        return new Prompts(user, host, "root".equals(user));
    }

    public String primary(ShellSession session) {
        return expand(session.facts().variable(PRIMARY_VARIABLE).orElse(DEFAULT_PRIMARY), session);
    }

    public String continuation(ShellSession session) {
        return expand(session.facts().variable(CONTINUATION_VARIABLE).orElse(DEFAULT_CONTINUATION), session);
    }

    String expand(String template, ShellSession session) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '\\' || i + 1 == template.length()) {
                out.append(c);
                continue;
            }
            char escape = template.charAt(++i);
            switch (escape) {
                case 'm' -> out.append(session.mode());
                case '?' -> {
                    int status = session.lastStatus();
                    if (status != 0) out.append(status).append(' ');
                }
                case 'w' -> out.append(directory(session, false));
                case 'W' -> out.append(directory(session, true));
                case 'u' -> out.append(user);
                case 'h' -> out.append(host.contains(".") ? host.substring(0, host.indexOf('.')) : host);
                case '$' -> out.append(root ? '#' : '$');
                case 'n' -> out.append('\n');
                case 'e' -> out.append('\u001b');
                case '\\' -> out.append('\\');
                default -> out.append('\\').append(escape);
            }
        }
        return out.toString();
    }

    private static String directory(ShellSession session, boolean lastNameOnly) {
        Path cwd = session.facts().workingDirectory();
        String home = session.facts().variable("HOME").orElse("");
        if (!home.isEmpty() && cwd.equals(Path.of(home))) return "~";
        if (lastNameOnly) return cwd.getFileName() == null ? "/" : cwd.getFileName().toString();
        if (!home.isEmpty() && cwd.startsWith(Path.of(home))) return "~/" + Path.of(home).relativize(cwd);
        return cwd.toString();
    }
}
