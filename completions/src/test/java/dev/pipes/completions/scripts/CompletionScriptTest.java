package dev.pipes.completions.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pipes.completions.spec.CommandSpec;
import dev.pipes.completions.spec.SpecParser;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionScriptTest {
    /** A command described like pipesh (whose own spec the shell module builds from its command line's definition). */
    private static final CommandSpec PIPESH = SpecParser.parse("pipesh", """
            describe: A shell in which a Unix pipe spans a cluster
            option: -c=TEXT                 Run TEXT, then exit
            option: -h --help               Show the help and exit
            option: -V --version            Print the version and exit
            option: --completion=SHELL      Print a completion script for SHELL
            values: --completion bash zsh fish
            option: -e                      Exit when a command fails (set -e)
            option: -o=OPTION               Set an option by name (set -o)
            values: -o errexit nounset xtrace
            args: files
            """, "test");

    private static String forPipesh(CompletionScript.Shell shell) {
        return CompletionScript.of(shell, PIPESH);
    }

    @TempDir
    Path directory;

    /** Runs {@code script} with {@code shell} and returns what it printed. */
    private String run(String shell, String script) throws IOException, InterruptedException {
        Path file = directory.resolve("script");
        Files.writeString(file, script);
        Process process = new ProcessBuilder(shell, file.toString()).directory(directory.toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output;
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }

    /** What bash's completion function offers for the words typed so far (the last is being completed). */
    private String bashComplete(String... words) throws IOException, InterruptedException {
        String script = forPipesh(CompletionScript.Shell.BASH)
                + "COMP_WORDS=(" + String.join(" ", List.of(words).stream().map(w -> "'" + w + "'").toList()) + ")\n"
                + "COMP_CWORD=" + (words.length - 1) + "\n"
                + "_pipesh_complete\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        return run("bash", script);
    }

    @Test
    void bashCompletesOptionsTheirValuesAndFiles() throws IOException, InterruptedException {
        assumeTrue(onPath("bash"), "bash is not installed: the bash completion script is not run");
        Files.writeString(directory.resolve("deploy.pipes"), "");
        assertEquals("--completion\n", bashComplete("pipesh", "--comp"));
        assertEquals("-V\n", bashComplete("pipesh", "-V"));
        assertEquals("--help\n--version\n--completion\n", bashComplete("pipesh", "--"));
        assertEquals("zsh\n", bashComplete("pipesh", "--completion", "z"));
        assertEquals("deploy.pipes\n", bashComplete("pipesh", "dep"));
        String registered = run("bash", forPipesh(CompletionScript.Shell.BASH) + "complete -p pipesh\n");
        assertEquals("complete -o filenames -F _pipesh_complete pipesh\n", registered);
    }

    @Test
    void zshAndFishScriptsDescribeEveryOption() {
        String zsh = forPipesh(CompletionScript.Shell.ZSH);
        assertTrue(zsh.startsWith("#compdef pipesh\n"));
        assertTrue(zsh.contains("'(-h --help)'{-h,--help}'[Show the help and exit]' \\\n"), zsh);
        assertTrue(zsh.contains("'--completion[Print a completion script for SHELL]:SHELL:(bash zsh fish)' \\\n"), zsh);
        String fish = forPipesh(CompletionScript.Shell.FISH);
        assertTrue(fish.contains("complete -c pipesh -s h -l help -d 'Show the help and exit'\n"), fish);
        assertTrue(fish.contains("complete -c pipesh -l completion -x -a 'bash zsh fish' -d 'Print a completion script for SHELL'\n"), fish);
        assertTrue(fish.contains("complete -c pipesh -s c -r -d 'Run TEXT, then exit'\n"), fish);
    }

    @Test
    void zshAndFishAcceptTheirScriptsWhenInstalled() throws IOException, InterruptedException {
        if (onPath("zsh")) run("zsh", "autoload -Uz compinit && compinit -u\n" + forPipesh(CompletionScript.Shell.ZSH));
        if (onPath("fish")) {
            String out = run("fish", forPipesh(CompletionScript.Shell.FISH) + "complete -C 'pipesh --completion '\n");
            assertEquals("bash\nfish\nzsh\n", out.replaceAll("\t.*", ""));
        }
        boolean both = onPath("zsh") && onPath("fish");
        if (!both && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("zsh and fish must be installed in CI (bin/lib/prerequisites.sh installs them)");
        }
        assumeTrue(both, "zsh or fish is not installed: its completion script is checked by text only");
    }

    @Test
    void anUnknownShellIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CompletionScript.Shell.named("tcsh"));
        assertEquals("unknown shell 'tcsh' (expected bash, zsh or fish)", e.getMessage());
    }
}
