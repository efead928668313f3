package dev.pipes.shell;

import dev.pipes.grammar.Parser;
import dev.pipes.grammar.SyntaxError;
import dev.pipes.grammar.TreeDump;
import dev.pipes.shell.invocation.Invocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code pipesh --parse-only}: prints the syntax tree of {@code -c TEXT}, of FILE, or of standard
 * input, and exits 0; on a syntax error prints it with the source line and a caret and exits 2.
 * ({@code -n} is sh's noexec: it reads and checks the commands and prints nothing.)
 */
final class ParseOnly {
    static final int SYNTAX_ERROR = 2;
    static final int CANNOT_READ = 127;

    private ParseOnly() {}

    static int run(Invocation invocation, InputStream in, PrintStream out, PrintStream err) {
        String text;
        String name;
        switch (invocation.source()) {
            case COMMAND -> {
                text = invocation.text();
                name = "-c";
            }
            default -> {
                boolean file = invocation.source() == Invocation.Source.FILE;
                name = file ? invocation.text() : "stdin";
                try {
                    text = file ? Files.readString(Path.of(name), StandardCharsets.UTF_8)
                                : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException | RuntimeException e) {
                    err.println("pipesh: cannot read " + name + ": " + describe(e));
                    return CANNOT_READ;
                }
            }
        }
        try {
            out.print(TreeDump.dump(Parser.parse(text, name)));
            return 0;
        } catch (SyntaxError error) {
            err.println(error.render());
            return SYNTAX_ERROR;
        }
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.charset.MalformedInputException) return "not valid UTF-8 text";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
