package dev.pipes.engine.daemon;

import dev.pipes.engine.service.FileConfigStore;
import dev.pipes.engine.service.Services;
import dev.pipes.wamp.transport.netty.IoTransport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The pipes daemon process: {@code DaemonMain [--home DIR] [--detached]}. {@code pipes run -d}
 * starts it detached (its own session, output to {@code daemon/daemon.log}) when none runs for the
 * home; {@code bin/pipes-daemon} runs it in the foreground (for a service manager). It ends on
 * SIGTERM, {@code pipes daemon stop}, or when its last workflow is removed.
 */
public final class DaemonMain {
    private DaemonMain() {}

    public static void main(String[] args) {
        Path home = Services.home(System.getenv());
        boolean detached = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--home" -> {
                    if (i + 1 >= args.length) exit("--home needs a directory", 2);
                    home = Path.of(args[++i]);
                }
                case "--detached" -> detached = true;
                case "-h", "--help" -> {
                    System.out.println("usage: pipes-daemon [--home DIR]   (the daemon of $PIPES_HOME, default ~/.pipes)");
                    return;
                }
                default -> exit("unknown argument '" + args[i] + "' (usage: pipes-daemon [--home DIR])", 2);
            }
        }
        if (detached) ignoreTerminalSignals();
        IoTransport.useProductionSettings();
        Consumer<String> log = line -> System.err.println(Instant.now() + " " + line);
        DaemonHome daemonHome = new DaemonHome(home);
        Services services = Services.embedded(daemonHome.home());
        Daemon daemon;
        try {
            daemon = Daemon.start(daemonHome, new DaemonStore(new FileConfigStore(daemonHome.store())), services, log, true);
        } catch (IOException | RuntimeException e) {
            services.close();
            exit(e.getMessage(), 1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            daemon.close();
            services.close();
        }, "pipes-daemon-stop"));
        daemon.stopped().join();
        services.close();
        log.accept("pipes daemon " + ProcessHandle.current().pid() + " stopped");
        System.exit(0);
    }

    /** A detached daemon must outlive the terminal that started it: hang-up and Ctrl-C are not for it. */
    @SuppressWarnings("removal")
    private static void ignoreTerminalSignals() {
        for (String name : new String[] {"HUP", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sun.misc.SignalHandler.SIG_IGN);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // this JVM does not let us: setsid already keeps the terminal's signals away
            }
        }
    }

    private static void exit(String message, int status) {
        System.err.println("pipes daemon: " + message);
        System.exit(status);
    }
}
