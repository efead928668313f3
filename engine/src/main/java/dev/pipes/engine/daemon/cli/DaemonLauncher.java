package dev.pipes.engine.daemon.cli;

import dev.pipes.engine.daemon.DaemonHome;
import dev.pipes.engine.daemon.DaemonMain;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts the daemon of a home as a process of its own that outlives the shell: the same Java and
 * class path as this process, in a session of its own ({@code setsid}, so the terminal's hang-up
 * and Ctrl-C never reach it), input from /dev/null, output appended to {@code daemon/daemon.log}.
 */
public final class DaemonLauncher {
    private final List<String> javaCommand;

    /** @param javaCommand the java executable and its options, before {@code -cp} */
    public DaemonLauncher(List<String> javaCommand) {
        this.javaCommand = List.copyOf(javaCommand);
    }

    /** The Java that runs this process, with the options a daemon wants. */
    public static DaemonLauncher sameJava() {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // a small heap and the serial collector: short pauses for a process that mostly waits on others
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC"));
        if (Runtime.version().feature() >= 24) command.add("--sun-misc-unsafe-memory-access=allow");
        return new DaemonLauncher(command);
    }

    /** Starts the daemon; the returned process is the daemon itself. */
    public Process start(DaemonHome home) throws IOException {
        home.ensureDirectory();
        List<String> command = new ArrayList<>();
        setsid().ifPresent(command::add);
        command.addAll(javaCommand);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(DaemonMain.class.getName());
        command.add("--home");
        command.add(home.home().toString());
        command.add("--detached");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.home().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.logFile().toFile()))
                .redirectErrorStream(true);
        builder.environment().put("PIPES_HOME", home.home().toString());
        return builder.start();
    }

    /** util-linux's setsid, where it is: without it the daemon still ignores SIGHUP and SIGINT itself. */
    private static Optional<String> setsid() {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
            Path candidate = Path.of(dir, "setsid");
            if (Files.isExecutable(candidate)) return Optional.of(candidate.toString());
        }
        return Optional.empty();
    }
}
