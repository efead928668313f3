package dev.pipes.engine.interp;

import java.util.List;

/** A command the shell runs itself. {@code args} include the name as {@code args.get(0)}. */
record Builtin(String name, String usage, String summary, Body body) {
    /** What the builtin does; returns its exit status. */
    interface Body {
        int run(BuiltinContext ctx, List<String> args);
    }
}
