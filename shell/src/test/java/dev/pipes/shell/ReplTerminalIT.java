package dev.pipes.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive pipesh in a real terminal: tmux runs the built jar, keys are sent with
 * {@code send-keys} and the screen is read with {@code capture-pane}.
 */
class ReplTerminalIT {
    private static final long TIMEOUT_MS = 20_000;
    /** {@code jobs -l}: {@code [1]+ PID Running  sleep 100 &}. */
    private static final Pattern RUNNING_JOB = Pattern.compile("\\[1]\\+ (\\d+) Running +sleep 100 &");

    @TempDir
    Path home;
    private final String session = "pipesh-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    @BeforeEach
    void needsTmux() {
        boolean present = onPath("tmux");
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("tmux is missing in CI (bin/lib/prerequisites.sh installs it)");
        }
        assumeTrue(present, "tmux is not installed: the real-terminal test of pipesh is skipped");
    }

    @AfterEach
    void killSession() throws Exception {
        tmux("kill-session", "-t", session);
    }

    @Test
    void aPersonTypesAPipelineWithTabInterruptsALongOneAndLeaves() throws Exception {
        start();
        awaitScreen(s -> s.contains("embedded"), "the first prompt");

        keys("build shout /usr/bin/tr --description 'translates characters'", "Enter");
        awaitScreen(s -> s.contains("built shout"), "build registering the service");
        keys("echo one two three | shou", "Tab"); // "sho" would also be the builtin shopt
        awaitScreen(s -> s.contains("| shout"), "Tab completing the service shout");
        keys(" a-z A-Z", "Enter");
        awaitScreen(s -> lines(s).contains("ONE TWO THREE"), "the service's output, streamed over WAMP");

        keys("shout a-z A-Z", "Enter"); // the service reads what is typed on the terminal
        Thread.sleep(500);
        keys("typed words", "Enter", "C-d");
        awaitScreen(s -> lines(s).contains("TYPED WORDS"), "a service reading the terminal until Ctrl-D");
        keys("build quick /bin/echo", "Enter");
        keys("quick did not read", "Enter"); // its input is the terminal, but it never reads it
        awaitScreen(s -> {
            List<String> l = lines(s);
            int at = l.indexOf("did not read");
            return at >= 0 && at + 1 < l.size() && l.get(at + 1).startsWith("embedded");
        }, "a service that ignores its input, then the prompt");
        keys("echo typed after it", "Enter");
        awaitScreen(s -> lines(s).contains("typed after it"), "the next line reaching the shell, not the ended pipeline");
        keys("build first /usr/bin/head", "Enter");
        keys("first -n 1", "Enter"); // reads one line of the terminal, then closes its input
        Thread.sleep(500);
        keys("only this line", "Enter");
        awaitScreen(s -> lines(s).stream().filter("only this line"::equals).count() == 2, "head -n 1 as a service");
        keys("read answer; echo \"read: $answer\"", "Enter");
        Thread.sleep(300);
        keys("forty two", "Enter");
        awaitScreen(s -> lines(s).contains("read: forty two"), "the read builtin reading the terminal");
        keys("echo the prompt has it", "Enter");
        awaitScreen(s -> lines(s).contains("the prompt has it"), "the next lines reaching the shell whole");

        keys("wordcount() { wc -w; }", "Enter");
        keys("echo one two three | wordc", "Tab");
        awaitScreen(s -> s.contains("| wordcount"), "Tab completing the function wordcount");
        keys("Enter");
        awaitScreen(s -> lines(s).contains("3"), "the pipeline's output");

        keys("sleep 100", "Enter");
        Thread.sleep(700);
        keys("C-c");
        awaitScreen(s -> s.contains(" 130 "), "the prompt showing status 130 after Ctrl-C");
        keys("echo still here", "Enter");
        awaitScreen(s -> lines(s).contains("still here"), "the shell running on after Ctrl-C");

        keys("while true; do :; done", "Enter"); // a loop inside the shell, no process to signal
        Thread.sleep(700);
        keys("C-c");
        keys("echo loop stopped with $?", "Enter");
        awaitScreen(s -> lines(s).contains("loop stopped with 130"), "Ctrl-C stopping a loop run by the shell itself");

        keys("sleep 100", "Enter");
        Thread.sleep(700);
        keys("C-z");
        // the terminal's own echo of ^Z may land before the notice on the same line
        awaitScreen(s -> lines(s).stream().anyMatch(l -> l.endsWith("[1]+ sleep 100 &")),
                "Ctrl-Z sending sleep 100 to the background");
        keys("echo prompt is back", "Enter");
        awaitScreen(s -> lines(s).contains("prompt is back"), "the prompt coming back at once after Ctrl-Z");
        keys("jobs -l", "Enter");
        awaitScreen(s -> RUNNING_JOB.matcher(s).find(), "jobs listing the backgrounded sleep as running");
        Matcher job = RUNNING_JOB.matcher(screen());
        assertTrue(job.find());
        ProcessHandle sleep = ProcessHandle.of(Long.parseLong(job.group(1))).orElseThrow();
        assertTrue(sleep.isAlive(), "the backgrounded sleep keeps running");
        keys("kill %1", "Enter");
        sleep.onExit().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        keys("echo after kill", "Enter");
        awaitScreen(s -> s.lines().anyMatch(l -> l.matches("\\[1]\\+  Terminated +sleep 100")),
                "the notice of the killed job before the next prompt");

        keys("C-r", "one two");
        awaitScreen(s -> s.contains("echo one two three | wordcount"), "Ctrl-R finding the earlier entry");
        keys("C-g");

        keys("exit 7", "Enter");
        awaitScreen(s -> s.contains("pipesh exited with 7"), "pipesh to exit with the status given to exit");
        assertTrue(Files.readString(home.resolve("history")).contains("sleep 100"), "the history file keeps the entries");
    }

    /**
     * Tab pressed at once when the first prompt shows (a few milliseconds after, as fast as this
     * test can see the screen and send keys) completes a command on the PATH and a service from the
     * registry: what completion needs is there from the first keystroke, or waited for.
     */
    @Test
    void tabRightAfterTheFirstPromptCompletes() throws Exception {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path probe = bin.resolve("zz-probe-command");
        Files.writeString(probe, "#!/bin/sh\necho probed\n");
        assertTrue(probe.toFile().setExecutable(true));
        java.io.ByteArrayOutputStream sink = new java.io.ByteArrayOutputStream();
        int built = ScriptMode.run(new String[] {"-c", "build zz-probe-service /bin/cat --description probe"},
                ShellStreams.captured(new java.io.ByteArrayInputStream(new byte[0]), sink, sink), home,
                java.util.Map.of("PIPES_HOME", home.toString(), "PATH", "/usr/bin:/bin", "HOME", home.toString()));
        assertEquals(0, built, sink.toString(StandardCharsets.UTF_8));

        start("PATH=" + bin + ":/usr/bin:/bin");
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!screen().contains("embedded")) { // no pause: the keys go as soon as the prompt is seen
            if (System.currentTimeMillis() > deadline) throw new AssertionError("no first prompt; the screen:\n" + screen());
        }
        long promptSeen = System.nanoTime();
        keys("zz-probe-c", "Tab");
        long keysSent = System.nanoTime();
        System.out.printf("ReplTerminalIT: Tab sent %d ms after the first prompt was seen%n", (keysSent - promptSeen) / 1_000_000);
        awaitScreen(s -> s.contains("$ zz-probe-command"), "Tab completing a command on the PATH at the first prompt");
        keys("Enter");
        awaitScreen(s -> lines(s).contains("probed"), "the completed command running");
        keys("echo hi | zz-probe-s", "Tab");
        awaitScreen(s -> s.contains("| zz-probe-service"), "Tab completing a service from the registry");
        keys("C-u", "exit", "Enter");
        awaitScreen(s -> s.contains("pipesh exited with 0"), "pipesh to exit");
    }

    private void start() throws Exception {
        start("");
    }

    private void start(String environment) throws Exception {
        Path jar = Path.of("target/pipesh.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "the jar is built before integration tests: " + jar);
        String java = ProcessHandle.current().info().command().orElse("java");
        String command = "env " + environment + " PIPES_HOME=" + home + " PIPES_PROMPT='embedded \\? $ ' " + java
                + " --enable-native-access=ALL-UNNAMED -jar " + jar + "; echo \"pipesh exited with $?\"; sleep 60";
        int status = tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", "-c", home.toString(), command);
        assertEquals(0, status, "tmux new-session");
    }

    private void keys(String... keys) throws Exception {
        List<String> command = new ArrayList<>(List.of("send-keys", "-t", session));
        command.addAll(List.of(keys));
        assertEquals(0, tmux(command.toArray(String[]::new)));
    }

    private String screen() throws Exception {
        Process process = new ProcessBuilder("tmux", "capture-pane", "-p", "-t", session).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return text;
    }

    private void awaitScreen(Predicate<String> condition, String what) throws Exception {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        String text = screen();
        while (!condition.test(text)) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("waited for " + what + "; the screen:\n" + text);
            Thread.sleep(100);
            text = screen();
        }
    }

    private static List<String> lines(String screen) {
        return screen.lines().map(String::strip).toList();
    }

    private static int tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor();
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }
}
