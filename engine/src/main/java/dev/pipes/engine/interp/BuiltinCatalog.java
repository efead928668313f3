package dev.pipes.engine.interp;

import java.util.List;

/**
 * The builtins' own definitions as read-only data, for those outside the interpreter that show
 * or complete them (the interactive shell's completion and highlighting).
 */
public final class BuiltinCatalog {
    /** One builtin: its name, its usage line ({@code "read [-r] [-p PROMPT] [NAME...]"}) and what it does. */
    public record Entry(String name, String usage, String summary) {}

    private BuiltinCatalog() {}

    public static List<Entry> standard() {
        return Builtins.standard().all().values().stream()
                .map(b -> new Entry(b.name(), b.usage(), b.summary()))
                .toList();
    }
}
