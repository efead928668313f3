package dev.pipes.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entry points: -c with a name and arguments, a script file with arguments, standard input, options. */
class ScriptModeTest {
    @TempDir
    Path dir;

    private String out;
    private String err;

    private int pipesh(String stdin, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int status = ScriptMode.run(args, ShellStreams.captured(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), o, e),
                dir, Map.of("PATH", "/usr/bin:/bin", "HOME", dir.toString()));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return status;
    }

    @Test
    void dashCTakesANameAndArguments() {
        assertEquals(0, pipesh("", "-c", "echo \"$0|$1|$2|$#\"", "myname", "a b", "c"));
        assertEquals("myname|a b|c|2\n", out);
    }

    @Test
    void aScriptFileGetsItsArgumentsAndItsNameAsDollarZero() throws Exception {
        Files.writeString(dir.resolve("s.pipes"), "echo \"$0 $1 $#\"\nexit 5\n");
        assertEquals(5, pipesh("", "s.pipes", "x", "y"));
        assertEquals("s.pipes x 2\n", out);
    }

    @Test
    void withoutFileOrDashCTheScriptIsStandardInput() {
        assertEquals(3, pipesh("echo one\nfalse\necho two; (exit 3)\n"));
        assertEquals("one\ntwo\n", out);
    }

    @Test
    void setOptionsComeBeforeTheScript() {
        assertEquals(1, pipesh("", "-e", "-c", "false; echo no"));
        assertEquals("", out);
        assertEquals(1, pipesh("", "-o", "pipefail", "-c", "false | true"));
        assertEquals(0, pipesh("", "-x", "-c", "echo traced"));
        assertEquals("+ echo traced\n", err);
    }

    @Test
    void problemsWithTheCommandLineAreReported() {
        assertEquals(127, pipesh("", "missing.pipes"));
        assertEquals("pipesh: missing.pipes: No such file or directory\n", err);
        assertEquals(2, pipesh("", "-c"));
        assertEquals("pipesh: -c: option requires an argument\n", err);
        assertEquals(2, pipesh("", "-q", "-c", "true"));
        assertEquals("pipesh: -q: invalid option\n", err);
    }

    @Test
    void aSyntaxErrorIsStatusTwoWithTheLocation() {
        assertEquals(2, pipesh("", "-c", "echo ok; if true"));
        assertEquals("", out, "nothing runs when the text does not parse");
        assertEquals(true, err.startsWith("-c:1:"), err);
    }
}
