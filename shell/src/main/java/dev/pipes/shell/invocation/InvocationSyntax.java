package dev.pipes.shell.invocation;

import dev.pipes.completions.spec.ArgumentKind;
import dev.pipes.completions.spec.CommandSpec;
import dev.pipes.completions.spec.OptionSpec;
import dev.pipes.engine.interp.Options;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * pipesh's command line, defined once: the table below is what {@link #parse} accepts, what
 * {@code --help} prints ({@link #help}) and what completes pipesh's options in pipesh itself and
 * in other shells ({@link #completionSpec}), so the three cannot drift apart.
 *
 * <p>The forms are sh's and bash's: single-letter options may be grouped ({@code -ex}), a
 * {@code +} turns a {@code set} option off, each {@code o} in a group takes the next argument
 * ({@code -oo errexit noglob}), {@code -c} is a flag whose TEXT is the first argument after the
 * options, {@code -} and {@code --} end the options, and the first argument that is not an
 * option ends them too (what follows is the script's).
 */
public final class InvocationSyntax {
    private InvocationSyntax() {}

    /** What an option does when it is read. */
    enum Key { COMMAND, STANDARD_INPUT, INTERACTIVE, LOGIN, SET_LETTER, SET_NAME, RCFILE, NORC, NOPROFILE,
        PARSE_ONLY, EMBEDDED, COMPLETION, HELP, VERSION }

    /**
     * One option: its spellings, the name of the value it takes (empty: none), the words that value
     * may be (for completion; empty: any), what it does, and for {@code set} letters which option.
     */
    record Entry(Key key, List<String> spellings, String valueName, List<String> values, String description,
                 Options.Option setOption) {
        boolean takesValue() {
            return !valueName.isEmpty();
        }

        /** Whether the option's value is the next argument (not so for -c: its TEXT is the first operand). */
        boolean consumesArgument() {
            return takesValue() && key != Key.COMMAND;
        }

        /** Whether {@code +X} is accepted: only {@code set} options can be turned off. */
        boolean signed() {
            return key == Key.SET_LETTER || key == Key.SET_NAME;
        }
    }

    static final List<Entry> ENTRIES = entries();

    private static List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        // TEXT is named for --help and completion, but -c is a flag: TEXT is the first operand (sh -ec TEXT)
        entries.add(new Entry(Key.COMMAND, List.of("-c"), "TEXT", List.of(),
                "Run TEXT, then exit; NAME and ARGS become $0, $1, ...", null));
        entries.add(entry(Key.STANDARD_INPUT, "Read the commands from standard input; ARGS become $1, $2, ...", "-s"));
        entries.add(entry(Key.INTERACTIVE, "Interactive, even when standard input is not a terminal", "-i"));
        entries.add(entry(Key.LOGIN, "Login shell: read /etc/profile and ~/.profile first", "-l", "--login"));
        for (Options.Option option : Options.Option.values()) {
            if (option.letter != '\0') {
                entries.add(new Entry(Key.SET_LETTER, List.of("-" + option.letter), "", List.of(),
                        describe(option) + " (set -" + option.letter + ")", option));
            }
        }
        entries.add(new Entry(Key.SET_NAME, List.of("-o"), "OPTION",
                Arrays.stream(Options.Option.values()).map(o -> o.longName).toList(),
                "Set an option by its name (set -o)", null));
        entries.add(new Entry(Key.RCFILE, List.of("--rcfile", "--init-file"), "FILE", List.of(),
                "An interactive shell reads FILE, not $PIPES_HOME/rc", null));
        entries.add(entry(Key.NORC, "An interactive shell reads no rc file", "--norc"));
        entries.add(entry(Key.NOPROFILE, "A login shell reads no profile", "--noprofile"));
        entries.add(entry(Key.PARSE_ONLY, "Print the syntax tree and exit (2 on a syntax error)", "--parse-only"));
        entries.add(entry(Key.EMBEDDED, "The embedded runtime even where a cluster is set up", "--embedded"));
        entries.add(new Entry(Key.COMPLETION, List.of("--completion"), "SHELL", List.of("bash", "zsh", "fish"),
                "Print a completion script for SHELL (bash, zsh, fish)", null));
        entries.add(entry(Key.HELP, "Show this help and exit", "-h", "--help"));
        entries.add(entry(Key.VERSION, "Print the version and exit", "-V", "--version"));
        return List.copyOf(entries);
    }

    private static Entry entry(Key key, String description, String... spellings) {
        return new Entry(key, List.of(spellings), "", List.of(), description, null);
    }

    private static String describe(Options.Option option) {
        return switch (option) {
            case ERREXIT -> "Exit when a command fails";
            case NOUNSET -> "Treat the expansion of an unset variable as an error";
            case XTRACE -> "Print each command before it runs";
            case NOGLOB -> "No pathname expansion";
            case NOCLOBBER -> "Do not let > overwrite an existing file";
            case VERBOSE -> "Print input lines as they are read";
            case ALLEXPORT -> "Export every variable assigned";
            case NOEXEC -> "Read the commands, do not run them";
            default -> "Set " + option.longName;
        };
    }

    /** Reads a command line (the arguments after the program's name). */
    public static Invocation parse(String... args) throws InvocationError {
        return parse(List.of(args));
    }

    public static Invocation parse(List<String> args) throws InvocationError {
        Reading reading = new Reading();
        int i = 0;
        while (i < args.size()) {
            String arg = args.get(i);
            if (arg.equals("--") || arg.equals("-")) { // bash: a lone - is --
                i++;
                break;
            }
            if (arg.startsWith("--")) {
                int equals = arg.indexOf('=');
                String name = equals > 0 ? arg.substring(0, equals) : arg;
                Entry entry = find(name).orElseThrow(() -> new InvocationError(name + ": invalid option"));
                String value = null;
                if (entry.consumesArgument()) {
                    if (equals > 0) value = arg.substring(equals + 1);
                    else if (i + 1 < args.size()) value = args.get(++i);
                    else throw new InvocationError(name + ": option requires an argument");
                } else if (equals > 0) {
                    throw new InvocationError(name + ": option takes no argument");
                }
                reading.apply(entry, value, true);
                i++;
                continue;
            }
            if (arg.length() > 1 && (arg.charAt(0) == '-' || arg.charAt(0) == '+')) {
                char sign = arg.charAt(0);
                for (int k = 1; k < arg.length(); k++) {
                    String spelled = sign + String.valueOf(arg.charAt(k));
                    Entry entry = find("-" + arg.charAt(k)).filter(e -> sign == '-' || e.signed())
                            .orElseThrow(() -> new InvocationError(spelled + ": invalid option"));
                    String value = null;
                    if (entry.consumesArgument()) { // each o of -oo takes the next argument in turn
                        if (i + 1 >= args.size()) throw new InvocationError(spelled + ": option requires an argument");
                        value = args.get(++i);
                    }
                    reading.apply(entry, value, sign == '-');
                }
                i++;
                continue;
            }
            break; // the first argument that is not an option
        }
        return reading.result(args.subList(i, args.size()));
    }

    static Optional<Entry> find(String spelling) {
        for (Entry entry : ENTRIES) if (entry.spellings().contains(spelling)) return Optional.of(entry);
        return Optional.empty();
    }

    /** The state of one {@link #parse}. */
    private static final class Reading {
        Invocation.Action action = Invocation.Action.RUN;
        boolean command;
        boolean standardInput;
        boolean interactive;
        boolean login;
        String rcFile;
        boolean noRc;
        boolean noProfile;
        boolean embedded;
        String completionShell = "";
        final List<Invocation.Setting> settings = new ArrayList<>();

        void apply(Entry entry, String value, boolean on) throws InvocationError {
            switch (entry.key()) {
                case COMMAND -> command = true;
                case STANDARD_INPUT -> standardInput = true;
                case INTERACTIVE -> interactive = true;
                case LOGIN -> login = true;
                case SET_LETTER -> settings.add(new Invocation.Setting(entry.setOption(), on));
                case SET_NAME -> {
                    Options.Option option = Options.Option.byName(value);
                    if (option == null) throw new InvocationError(value + ": invalid option name");
                    settings.add(new Invocation.Setting(option, on));
                }
                case RCFILE -> rcFile = value;
                case NORC -> noRc = true;
                case NOPROFILE -> noProfile = true;
                case EMBEDDED -> embedded = true;
                case PARSE_ONLY -> informational(Invocation.Action.PARSE_ONLY);
                case COMPLETION -> {
                    informational(Invocation.Action.COMPLETION);
                    completionShell = value;
                }
                case HELP -> informational(Invocation.Action.HELP);
                case VERSION -> informational(Invocation.Action.VERSION);
            }
        }

        /** The first of --help, --version, --completion and --parse-only given wins, as in bash. */
        private void informational(Invocation.Action chosen) {
            if (action == Invocation.Action.RUN) action = chosen;
        }

        Invocation result(List<String> operands) throws InvocationError {
            Invocation.Source source;
            String text = "";
            Optional<String> arg0 = Optional.empty();
            List<String> positional;
            if (command) {
                if (operands.isEmpty() && (action == Invocation.Action.RUN || action == Invocation.Action.PARSE_ONLY)) {
                    throw new InvocationError("-c: option requires an argument");
                }
                source = Invocation.Source.COMMAND;
                text = operands.isEmpty() ? "" : operands.get(0);
                if (operands.size() > 1) arg0 = Optional.of(operands.get(1));
                positional = operands.size() > 2 ? operands.subList(2, operands.size()) : List.of();
            } else if (standardInput || operands.isEmpty()) {
                source = Invocation.Source.STANDARD_INPUT;
                positional = operands;
            } else {
                source = Invocation.Source.FILE;
                text = operands.get(0);
                arg0 = Optional.of(text);
                positional = operands.subList(1, operands.size());
            }
            return new Invocation(action, source, text, arg0, positional, settings, interactive, login,
                    Optional.ofNullable(rcFile), noRc, noProfile, embedded, completionShell);
        }
    }

    /** What {@code pipesh --help} prints. */
    public static String help() {
        StringBuilder out = new StringBuilder("""
                Usage: pipesh [OPTIONS] [FILE [ARGS...]]
                       pipesh [OPTIONS] -c TEXT [NAME [ARGS...]]
                       pipesh [OPTIONS] [-s] [ARGS...]

                pipesh is a shell in which a Unix pipe spans a cluster.

                Options:
                """);
        for (Entry entry : ENTRIES) {
            String spelled = String.join(", ", entry.spellings()) + (entry.takesValue() ? " " + entry.valueName() : "");
            out.append(String.format("  %-26s %s%n", spelled, entry.description()));
        }
        out.append("""

                Single-letter options may be grouped (-ex, -eo pipefail); a '+' turns a set option
                off (+e, +o noglob); '-' or '--' ends the options. With FILE,
                pipesh runs the script FILE; with neither FILE nor -c it reads its commands from
                standard input, and prompts for them when that is a terminal. An interactive shell
                first runs $PIPES_HOME/rc (default ~/.pipes/rc) when it exists.
                """);
        return out.toString();
    }

    /** The completion spec of the pipesh command (its options, then script files). */
    public static CommandSpec completionSpec() {
        List<OptionSpec> options = new ArrayList<>();
        for (Entry entry : ENTRIES) {
            options.add(new OptionSpec(entry.spellings(), entry.valueName(), entry.values(), entry.description()));
        }
        return new CommandSpec("pipesh", "A shell in which a Unix pipe spans a cluster", options,
                List.of(ArgumentKind.FILES), List.of());
    }
}
