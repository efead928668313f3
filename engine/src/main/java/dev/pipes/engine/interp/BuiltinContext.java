package dev.pipes.engine.interp;

import java.io.InputStream;

/** What a builtin sees: the shell state, its streams and the interpreter (for eval, source, command). */
final class BuiltinContext {
    final Interpreter interpreter;
    final ShellState state;

    BuiltinContext(Interpreter interpreter, ShellState state) {
        this.interpreter = interpreter;
        this.state = state;
    }

    void out(String text) {
        Io.write(state, 1, text);
    }

    void println(String line) {
        Io.write(state, 1, line + "\n");
    }

    /** An error of builtin {@code name}, printed as {@code pipesh: name: message}, and the status to return. */
    int fail(String name, String message) {
        interpreter.error(name + ": " + message);
        return 1;
    }

    /** A usage error: the message and the builtin's usage line; status 2 as in bash. */
    int usage(Builtin builtin, String message) {
        interpreter.error(builtin.name() + ": " + message);
        Io.err(state, "usage: " + builtin.usage());
        return 2;
    }

    InputStream in() {
        return Io.input(state, 0);
    }
}
