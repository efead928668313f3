package dev.pipes.shell.invocation;

import dev.pipes.engine.interp.Options;
import java.util.List;
import java.util.Optional;

/**
 * A pipesh command line, read ({@link InvocationSyntax#parse}): what to do, where the commands come
 * from, the {@code set} options to start with, the startup files, and what {@code $0 $1 ...} are.
 *
 * @param action      what pipesh does: run the shell, or one of the informational options
 * @param source      where the commands come from when {@code action} is {@link Action#RUN} or
 *                    {@link Action#PARSE_ONLY}
 * @param text        the command text of {@code -c}, or the script file's name; empty for standard input
 * @param arg0        {@code $0} when the command line gives it ({@code -c TEXT NAME}, a script's name)
 * @param positional  {@code $1 $2 ...}
 * @param settings    the {@code set} options in the order given ({@code -e}, {@code +o noglob}...)
 * @param interactive {@code -i}: interactive even when standard input is not a terminal
 * @param login       {@code -l}/{@code --login}: read the profile files first
 * @param rcFile      {@code --rcfile FILE}: the interactive shell's startup file instead of {@code $PIPES_HOME/rc}
 * @param noRc        {@code --norc}: no startup file for the interactive shell
 * @param noProfile   {@code --noprofile}: a login shell reads no profile
 * @param embedded    {@code --embedded}: the embedded runtime even where a module (a cluster) is in charge
 * @param completionShell {@code --completion SHELL}: the shell whose completion script to print
 */
public record Invocation(Action action, Source source, String text, Optional<String> arg0, List<String> positional,
                         List<Setting> settings, boolean interactive, boolean login, Optional<String> rcFile,
                         boolean noRc, boolean noProfile, boolean embedded, String completionShell) {
    public Invocation {
        positional = List.copyOf(positional);
        settings = List.copyOf(settings);
    }

    public enum Action { RUN, PARSE_ONLY, HELP, VERSION, COMPLETION }

    public enum Source { COMMAND, FILE, STANDARD_INPUT }

    /** One option turned on ({@code -e}, {@code -o errexit}) or off ({@code +e}, {@code +o errexit}). */
    public record Setting(Options.Option option, boolean on) {}

    /**
     * Whether this is an interactive shell: {@code -i}, or commands from standard input (no
     * {@code -c}, no script file) when it is a terminal, as sh decides.
     */
    public boolean interactive(boolean standardInputIsTerminal) {
        return interactive || (source == Source.STANDARD_INPUT && standardInputIsTerminal);
    }

    /** Applies the settings, in order, to a shell's options. */
    public void applyTo(Options options) {
        for (Setting setting : settings) options.set(setting.option(), setting.on());
    }
}
