package dev.pipes.engine.daemon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipes.engine.daemon.DaemonHome;
import dev.pipes.engine.verbs.PipesVerb;
import dev.pipes.engine.verbs.VerbCall;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code pipes daemon [status|start|stop]}: the daemon of $PIPES_HOME. {@code start} brings back
 * the recorded workflows (after a reboot, say); {@code stop} stops it, failing the jobs that still
 * run (the workflows stay recorded and come back with the next start).
 */
final class DaemonVerb implements PipesVerb {
    private final DaemonLauncher launcher;

    DaemonVerb(DaemonLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public String name() {
        return "daemon";
    }

    @Override
    public String usage() {
        return "pipes daemon [status|start|stop]";
    }

    @Override
    public String summary() {
        return "the daemon that hosts the workflows: whether it runs, start it, stop it";
    }

    @Override
    public int run(VerbCall call) {
        String what = call.args().size() > 1 ? call.args().get(1) : "status";
        if (call.args().size() > 2) return call.usage(this, "one word: status, start or stop");
        DaemonHome home = DaemonVerbs.home(call);
        try {
            return switch (what) {
                case "status" -> status(call, home);
                case "start" -> {
                    try (DaemonClient client = DaemonClient.connectOrStart(home, launcher)) {
                        yield status(call, home);
                    }
                }
                case "stop" -> stop(call, home);
                default -> call.usage(this, "unknown word '" + what + "': status, start or stop");
            };
        } catch (IOException e) {
            return call.fail(e.getMessage());
        }
    }

    private static int status(VerbCall call, DaemonHome home) throws IOException {
        Optional<DaemonClient> daemon = DaemonClient.connect(home);
        if (daemon.isEmpty()) {
            call.println("not running (" + home.home() + ")");
            return 3; // as service managers say "not running"
        }
        try (DaemonClient client = daemon.get()) {
            JsonNode health = DaemonVerbs.body(client.get("/health"), 200);
            DaemonHome.State state = home.state().orElseThrow();
            call.println("running: pid " + health.path("pid").asText() + ", control port 127.0.0.1:" + state.controlPort()
                    + ", " + health.path("workflows").asInt() + " workflow(s), since " + state.started());
            call.println("home " + home.home() + ", log " + home.logFile());
            return 0;
        }
    }

    private static int stop(VerbCall call, DaemonHome home) throws IOException {
        Optional<DaemonClient> daemon = DaemonClient.connect(home);
        if (daemon.isEmpty()) {
            call.println("not running");
            return 0;
        }
        long pid = home.state().map(DaemonHome.State::pid).orElse(-1L);
        try (DaemonClient client = daemon.get()) {
            DaemonVerbs.body(client.post("/shutdown", new byte[0], "application/json"), 202);
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isPresent()) {
            try {
                process.get().onExit().get(15, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                return call.fail("the daemon (pid " + pid + ") did not stop within 15 s");
            }
        }
        call.println("stopped");
        return 0;
    }
}
