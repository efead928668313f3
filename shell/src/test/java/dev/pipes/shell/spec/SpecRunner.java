package dev.pipes.shell.spec;

import dev.pipes.shell.ScriptMode;
import dev.pipes.shell.ShellStreams;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs one spec case with one shell, in a fresh working directory, and returns what it did. */
interface SpecRunner {
    /** What a run produced. */
    record Result(String stdout, String stderr, int status) {}

    /** The environment every case starts with, in every shell: nothing from the machine leaks in. */
    static Map<String, String> environment(Path dir) {
        return Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "HOME", dir.toString(), "LC_ALL", "C", "LANG", "C",
                "TMPDIR", dir.toString());
    }

    /** The case as a script file beside (not in) its working directory, so that globs do not see it. */
    static Path scriptFile(Path dir, SpecCase specCase) throws IOException {
        Path script = dir.resolveSibling(dir.getFileName() + ".sh");
        Files.writeString(script, specCase.code());
        return script;
    }

    /**
     * The environment of a case run by {@code shell}, whose command is {@code SH} there, so that a
     * case can start the shell under test itself ({@code $SH -c ...}, spec/invocation.test.sh).
     */
    static Map<String, String> environment(Path dir, String sh) {
        Map<String, String> environment = new java.util.HashMap<>(environment(dir));
        environment.put("SH", sh);
        return Map.copyOf(environment);
    }

    /**
     * An executable that starts pipesh from this JVM's class path (made once, under target/), for
     * {@code $SH} in cases run in-process.
     */
    static String pipeshExecutable() throws IOException {
        Path launcher = Path.of("target", "spec-sh", "pipesh").toAbsolutePath();
        synchronized (SpecRunner.class) {
            if (!Files.isExecutable(launcher)) {
                Files.createDirectories(launcher.getParent());
                String javaCommand = ProcessHandle.current().info().command().orElse("java");
                Path temporary = Files.createTempFile(launcher.getParent(), "pipesh", ".tmp");
                Files.writeString(temporary, "#!/bin/sh\nexec '" + javaCommand + "' -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "
                        + "-XX:-UsePerfData --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -cp '"
                        + System.getProperty("java.class.path") + "' dev.pipes.shell.Main \"$@\"\n");
                temporary.toFile().setExecutable(true);
                Files.move(temporary, launcher, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return launcher.toString();
    }

    /** The shell's name in per-shell expectations ({@code ## OK bash ...}). */
    String shell();

    Result run(SpecCase specCase, Path dir) throws Exception;

    /** pipesh inside this JVM, through the same entry as the executable; {@code asFile}: a script file instead of -c. */
    static SpecRunner pipeshInProcess(boolean asFile) {
        return new SpecRunner() {
            public String shell() {
                return "pipesh";
            }

            public Result run(SpecCase specCase, Path dir) throws IOException {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                String[] args;
                String scriptName = null;
                if (asFile) {
                    Path script = scriptFile(dir, specCase);
                    scriptName = script.toString();
                    args = new String[] {scriptName};
                } else {
                    args = new String[] {"-c", specCase.code()};
                }
                int status = ScriptMode.run(args, ShellStreams.captured(new ByteArrayInputStream(new byte[0]), out, err),
                        dir, environment(dir, pipeshExecutable()));
                String stderr = err.toString(StandardCharsets.UTF_8);
                // one expectation serves both modes: the script's name in locations reads as -c
                if (scriptName != null) stderr = stderr.replace(scriptName + ":", "-c:");
                return new Result(out.toString(StandardCharsets.UTF_8), stderr, status);
            }
        };
    }

    /** A shell executable in a process of its own (bash as the reference, or pipesh itself). */
    static SpecRunner process(String shell, List<String> command, boolean asFile) {
        return new SpecRunner() {
            public String shell() {
                return shell;
            }

            public Result run(SpecCase specCase, Path dir) throws Exception {
                List<String> argv = new ArrayList<>(command);
                if (asFile) {
                    argv.add(scriptFile(dir, specCase).toString());
                } else {
                    argv.add("-c");
                    argv.add(specCase.code());
                }
                ProcessBuilder builder = new ProcessBuilder(argv).directory(dir.toFile());
                builder.environment().clear();
                builder.environment().putAll(command.size() == 1 ? environment(dir, command.get(0)) : environment(dir));
                builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                Path outFile = dir.resolveSibling(dir.getFileName() + ".stdout");
                Path errFile = dir.resolveSibling(dir.getFileName() + ".stderr");
                builder.redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
                Process process = builder.start();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new AssertionError(shell + " did not finish in 30 s");
                }
                return new Result(Files.readString(outFile), Files.readString(errFile), process.exitValue());
            }
        };
    }
}
