package dev.pipes.completions.spec;

import java.util.Locale;

/** What the positional arguments of a command complete to. */
public enum ArgumentKind {
    FILES, DIRECTORIES, COMMANDS, SERVICES, WORKFLOWS, VARIABLES, JOBS, FUNCTIONS, NONE;

    /** The spelling used in spec files: {@code files}, {@code directories}, ... */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ArgumentKind fromSpelling(String word) {
        for (ArgumentKind kind : values()) if (kind.spelling().equals(word)) return kind;
        return null;
    }
}
