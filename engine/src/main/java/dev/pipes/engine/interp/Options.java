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

    /** bash's {@code shopt} options pipesh knows. */
    public enum Shopt {
        DOTGLOB, EXTGLOB, FAILGLOB, GLOBSTAR, NULLGLOB, NOCASEMATCH, EXPAND_ALIASES, LASTPIPE, INHERIT_ERREXIT;

        public String shoptName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Shopt byName(String name) {
            for (Shopt s : values()) if (s.shoptName().equals(name)) return s;
            return null;
        }
    }

    private final Set<Option> on;
    private final Set<Shopt> shopts;

    public Options() {
        this.on = EnumSet.noneOf(Option.class);
        this.shopts = EnumSet.noneOf(Shopt.class);
    }

    private Options(Set<Option> on, Set<Shopt> shopts) {
        this.on = EnumSet.copyOf(on.isEmpty() ? EnumSet.noneOf(Option.class) : on);
        this.shopts = shopts.isEmpty() ? EnumSet.noneOf(Shopt.class) : EnumSet.copyOf(shopts);
    }

    public Options copy() {
        return on.isEmpty() && shopts.isEmpty() ? new Options() : new Options(on, shopts);
    }

    public boolean has(Shopt shopt) {
        return shopts.contains(shopt);
    }

    public void set(Shopt shopt, boolean value) {
        if (value) shopts.add(shopt);
        else shopts.remove(shopt);
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
