package dev.pipes.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void versionPrintsTheProjectVersion() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString(StandardCharsets.UTF_8).matches("pipesh \\d+\\.\\d+\\.\\d+.*\\n"), out.toString());
    }

    @Test
    void helpShowsUsage() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: pipesh"));
    }

    @Test
    void completionPrintsAScriptForEachShellAndNamesAnUnknownOne() {
        assertEquals(0, run("--completion", "bash"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("complete -o filenames -F _pipesh_complete pipesh"));
        assertEquals(2, run("--completion", "tcsh"));
        assertEquals("pipesh: --completion: unknown shell 'tcsh' (expected bash, zsh or fish)\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theHelpAndTheCompletionScriptsComeFromTheOneDefinition() {
        assertEquals(0, run("--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("--parse-only") && help.contains("--rcfile") && help.contains("-o OPTION"), help);
        out.reset();
        assertEquals(0, run("--completion", "fish"));
        String fish = out.toString(StandardCharsets.UTF_8);
        assertTrue(fish.contains("complete -c pipesh -l parse-only"), fish);
        assertTrue(fish.contains("complete -c pipesh -l rcfile"), fish);
    }

    @Test
    void aBadCommandLineIsStatusTwo() {
        assertEquals(2, run("--frobnicate"));
        assertEquals("pipesh: --frobnicate: invalid option\n", err.toString(StandardCharsets.UTF_8));
    }
}
