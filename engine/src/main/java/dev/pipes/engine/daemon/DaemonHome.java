package dev.pipes.engine.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Where daemon mode keeps its files under $PIPES_HOME: {@code daemon/} (readable by its owner
 * only) holds the lock that makes the daemon one per home, the admin key with which pipes' own
 * verbs reach it, {@code daemon.json} (its pid and control address while it runs), its log, the
 * jobs' outputs and the workflows' logs. The configuration itself is in the store ({@code store/}).
 */
public final class DaemonHome {
    private final Path home;
    private final Path dir;

    public DaemonHome(Path home) {
        this.home = home.toAbsolutePath().normalize();
        this.dir = this.home.resolve("daemon");
    }

    public Path home() {
        return home;
    }

    public Path dir() {
        return dir;
    }

    public Path store() {
        return home.resolve("store");
    }

    Path lockFile() {
        return dir.resolve("lock");
    }

    Path adminKeyFile() {
        return dir.resolve("admin.key");
    }

    public Path stateFile() {
        return dir.resolve("daemon.json");
    }

    public Path logFile() {
        return dir.resolve("daemon.log");
    }

    public Path outputDir(String workflowId) {
        return dir.resolve("output").resolve(workflowId);
    }

    public Path workflowLog(String workflowId) {
        return dir.resolve("logs").resolve(workflowId + ".log");
    }

    /** Makes {@code daemon/} if needed, readable by its owner only. */
    public void ensureDirectory() {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                chmod(dir, "rwx------");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The admin key (made on first use, readable by its owner only): pipes' own verbs present it
     * to the daemon's control port, which listens on the loopback interface only.
     */
    public String adminKey() {
        ensureDirectory();
        Path file = adminKeyFile();
        try {
            if (!Files.exists(file)) {
                Path temp = Files.createTempFile(dir, ".key-", ".tmp");
                chmod(temp, "rw-------");
                Files.writeString(temp, Tokens.generate() + "\n", StandardCharsets.UTF_8);
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException e) {
                    Files.deleteIfExists(temp); // another process made it first: use theirs
                }
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the daemon's admin key " + file + ": " + e.getMessage(), e);
        }
    }

    /** What {@code daemon.json} says: the running daemon's pid and control address. */
    public record State(long pid, String controlHost, int controlPort, String started) {}

    public Optional<State> state() {
        try {
            String text = Files.readString(stateFile(), StandardCharsets.UTF_8);
            var node = Json.parse(text, stateFile().toString());
            return Optional.of(new State(node.path("pid").asLong(), node.path("control_host").asText("127.0.0.1"),
                    node.path("control_port").asInt(), node.path("started").asText("")));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    void writeState(State state) {
        var node = Json.object();
        node.put("pid", state.pid());
        node.put("control_host", state.controlHost());
        node.put("control_port", state.controlPort());
        node.put("started", state.started());
        try {
            Path temp = Files.createTempFile(dir, ".state-", ".tmp");
            Files.writeString(temp, Json.pretty(node) + "\n", StandardCharsets.UTF_8);
            Files.move(temp, stateFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + stateFile() + ": " + e.getMessage(), e);
        }
    }

    void clearState(long pid) {
        if (state().map(s -> s.pid() == pid).orElse(false)) {
            try {
                Files.deleteIfExists(stateFile());
            } catch (IOException e) {
                // a stale file is recognised by its dead pid
            }
        }
    }

    static void chmod(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: its own access rules apply
        }
    }
}
