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
        return pipeshWith(Map.of("PATH", "/usr/bin:/bin", "HOME", dir.toString(), "PIPES_HOME", dir.resolve("home").toString()),
                stdin, args);
    }

    private int pipeshWith(Map<String, String> environment, String stdin, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int status = ScriptMode.run(args, ShellStreams.captured(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), o, e),
                dir, environment);
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

    // The invocation forms of sh and bash (InvocationSyntaxTest reads them; these run them).

    @Test
    void dashSReadsStandardInputAndTheArgumentsArePositional() {
        assertEquals(0, pipesh("echo \"$1-$2-$#\"\n", "-s", "a", "b"));
        assertEquals("a-b-2\n", out);
    }

    @Test
    void groupedLettersWithDashC() {
        assertEquals(1, pipesh("", "-ec", "echo one; false; echo two", "name"));
        assertEquals("one\n", out);
        assertEquals(0, pipesh("", "-c", "-x", "echo $0", "myname"));
        assertEquals("myname\n", out);
        assertEquals("+ echo myname\n", err);
    }

    @Test
    void eachOOfAGroupTakesTheNextArgument() {
        assertEquals(1, pipesh("", "-oo", "errexit", "noglob", "-c", "echo /*; false; echo no"));
        assertEquals("/*\n", out);
        assertEquals(0, pipesh("", "-o", "noglob", "+o", "noglob", "-e", "+e", "-c", "false; echo /*"));
        assertEquals(true, out.startsWith("/") && !out.equals("/*\n"), out);
    }

    @Test
    void dashNReadsButDoesNotRun() {
        assertEquals(0, pipesh("", "-n", "-c", "echo not run; touch made"));
        assertEquals("", out);
        assertEquals(false, Files.exists(dir.resolve("made")));
        assertEquals(2, pipesh("", "-n", "-c", "echo ok; if true"));
        assertEquals(true, err.startsWith("-c:1:"), err);
    }

    @Test
    void dashAndDoubleDashEndTheOptions() throws Exception {
        Files.writeString(dir.resolve("-x.sh"), "echo \"$0 $1\"\n");
        assertEquals(0, pipesh("", "-", "-x.sh", "arg"));
        assertEquals("-x.sh arg\n", out);
        assertEquals(0, pipesh("", "-e", "--", "-x.sh", "arg"));
        assertEquals("-x.sh arg\n", out);
    }

    @Test
    void anInteractiveShellReadsItsRcFileAndOthersDoNot() throws Exception {
        Files.createDirectories(dir.resolve("home"));
        Files.writeString(dir.resolve("home/rc"), "from_rc=yes\ngreet() { echo \"hi $1\"; }\n");
        Files.writeString(dir.resolve("other.rc"), "from_rc=other\n");
        assertEquals(0, pipesh("", "-i", "-c", "echo \"$from_rc\"; greet you"));
        assertEquals("yes\nhi you\n", out);
        assertEquals(0, pipesh("", "-c", "echo \"[$from_rc]\""));
        assertEquals("[]\n", out, "not interactive: no rc file");
        assertEquals(0, pipesh("", "-i", "--rcfile", "other.rc", "-c", "echo \"$from_rc\""));
        assertEquals("other\n", out);
        assertEquals(0, pipesh("", "-i", "--norc", "-c", "echo \"[$from_rc]\""));
        assertEquals("[]\n", out);
    }

    @Test
    void aLoginShellReadsTheProfile() throws Exception {
        Files.writeString(dir.resolve(".profile"), "from_profile=yes\n");
        assertEquals(0, pipesh("", "-l", "-c", "echo \"[$from_profile]\""));
        assertEquals("[yes]\n", out);
        assertEquals(0, pipesh("", "--login", "--noprofile", "-c", "echo \"[$from_profile]\""));
        assertEquals("[]\n", out);
        assertEquals(0, pipesh("", "-c", "echo \"[$from_profile]\""));
        assertEquals("[]\n", out);
    }

    @Test
    void anExitInTheRcFileEndsTheShell() throws Exception {
        Files.writeString(dir.resolve("bye.rc"), "exit 7\n");
        assertEquals(7, pipesh("", "-i", "--rcfile", "bye.rc", "-c", "echo not run"));
        assertEquals("", out);
    }
}
