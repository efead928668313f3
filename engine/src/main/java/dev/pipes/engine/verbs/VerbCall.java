package dev.pipes.engine.verbs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a verb sees: its arguments (the verb's name first), the shell's descriptors 0-2 as it
 * redirected them, the working directory and the exported environment.
 */
public record VerbCall(List<String> args, InputStream in, OutputStream out, OutputStream err, Path cwd,
                       Map<String, String> environment) {
    public VerbCall {
        args = List.copyOf(args);
        environment = Map.copyOf(environment);
    }

    /** Writes {@code text} to standard output as UTF-8. */
    public void print(String text) {
        write(out, text);
    }

    public void println(String line) {
        write(out, line + "\n");
    }

    /** Reports {@code pipes VERB: message} on standard error and returns status 1. */
    public int fail(String message) {
        write(err, "pipesh: pipes " + args.get(0) + ": " + message + "\n");
        return 1;
    }

    /** Reports a usage error with the verb's usage line and returns status 2, as sh does. */
    public int usage(PipesVerb verb, String message) {
        write(err, "pipesh: pipes " + verb.name() + ": " + message + "\nusage: " + verb.usage() + "\n");
        return 2;
    }

    private static void write(OutputStream stream, String text) {
        try {
            stream.write(text.getBytes(StandardCharsets.UTF_8));
            stream.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
