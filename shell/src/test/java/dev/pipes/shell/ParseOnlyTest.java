package dev.pipes.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.pipes.shell.invocation.Invocation;
import dev.pipes.shell.invocation.InvocationError;
import dev.pipes.shell.invocation.InvocationSyntax;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseOnlyTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** {@code pipesh --parse-only ARGS...} */
    private int run(String stdin, String... args) {
        Invocation invocation;
        try {
            invocation = InvocationSyntax.parse(Stream.concat(Stream.of("--parse-only"), Stream.of(args)).toList());
        } catch (InvocationError e) {
            throw new AssertionError(e);
        }
        return ParseOnly.run(invocation, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void textAfterDashCPrintsTheTree() {
        assertEquals(0, run("", "-c", "echo \"$HOME\" | wc -c > out.txt"));
        assertEquals("""
                Script @1:1
                  Pipeline @1:1
                    SimpleCommand @1:1
                      word [Literal "echo"] @1:1
                      word [DoubleQuoted[Parameter HOME]] @1:6
                    SimpleCommand @1:16
                      word [Literal "wc"] @1:16
                      word [Literal "-c"] @1:19
                      redirect 1 > [Literal "out.txt"] @1:22
                """, out());
        assertEquals("", err());
    }

    @Test
    void aSyntaxErrorShowsTheLineAndACaretAndExits2() {
        assertEquals(2, run("", "-c", "echo ab \"cd"));
        assertEquals("", out());
        assertEquals("-c:1:9: unterminated double quote\n  echo ab \"cd\n          ^\n", err());
    }

    @Test
    void aFileIsParsedWithItsNameInErrors(@TempDir Path dir) throws IOException {
        Path script = dir.resolve("ok.pipes");
        Files.writeString(script, "if true; then\n  echo yes\nfi\n");
        assertEquals(0, run("", script.toString()));
        assertTrue(out().startsWith("Script @1:1\n  If @1:1\n"), out());

        Path broken = dir.resolve("broken.pipes");
        Files.writeString(broken, "echo a |\n| b\n");
        assertEquals(2, run("", broken.toString()));
        assertEquals(broken + ":2:1: expected a command after '|'\n  | b\n  ^\n", err());
    }

    @Test
    void aMissingFileIsReported() {
        assertEquals(127, run("", "/nonexistent/dir/x.pipes"));
        assertEquals("pipesh: cannot read /nonexistent/dir/x.pipes: no such file\n", err());
    }

    @Test
    void withoutFileStandardInputIsParsed() {
        assertEquals(0, run("a && b\n"));
        assertTrue(out().startsWith("Script @1:1\n  AndOr @1:1\n"), out());
    }

    @Test
    void mainRoutesParseOnly() {
        assertEquals(2, Main.run(new String[] {"--parse-only", "-c", "fi"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertEquals("-c:1:1: unexpected 'fi'\n  fi\n  ^\n", err());
    }
}
