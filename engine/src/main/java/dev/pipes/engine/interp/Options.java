package dev.pipes.engine.interp;

import java.util.EnumSet;
import java.util.Set;

/** The {@code set -o} options pipesh supports; a mutable set owned by one shell (copied for subshells). */
public final class Options {
    /** One option with its {@code set -X} letter (0 when it has none) and {@code set -o NAME} name. */
    public enum Option {
        ERREXIT('e', "errexit"), NOUNSET('u', "nounset"), XTRACE('x', "xtrace"), NOGLOB('f', "noglob"),
        NOCLOBBER('C', "noclobber"), PIPEFAIL('\0', "pipefail"), VERBOSE('v', "verbose"), ALLEXPORT('a', "allexport"),
        NOEXEC('n', "noexec");

        public final char letter;
        public final String longName;

        Option(char letter, String longName) {
            this.letter = letter;
            this.longName = longName;
        }

        public static Option byLetter(char letter) {
            for (Option o : values()) if (o.letter == letter) return o;
            return null;
        }

        public static Option byName(String name) {
            for (Option o : values()) if (o.longName.equals(name)) return o;
            return null;
        }
    }

    private final Set<Option> on;

    public Options() {
        this.on = EnumSet.noneOf(Option.class);
    }

    private Options(Set<Option> on) {
        this.on = EnumSet.copyOf(on.isEmpty() ? EnumSet.noneOf(Option.class) : on);
    }

    public Options copy() {
        return on.isEmpty() ? new Options() : new Options(on);
    }

    public boolean has(Option option) {
        return on.contains(option);
    }

    public void set(Option option, boolean value) {
        if (value) on.add(option);
        else on.remove(option);
    }

    /** {@code $-}: the letters of the options that are on. */
    public String letters() {
        StringBuilder out = new StringBuilder();
        for (Option o : on) if (o.letter != '\0') out.append(o.letter);
        return out.toString();
    }
}
