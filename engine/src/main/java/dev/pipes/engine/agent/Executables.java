package dev.pipes.engine.agent;

import dev.pipes.engine.stream.StreamProtocol;
import dev.pipes.wamp.client.WampException;
import java.io.File;
import java.io.IOException;
import java.util.List;

/** Starts a run's executable with the working directory and environment the request asks for. */
final class Executables {
    private Executables() {}

    static Process start(RunRequest request, List<String> argv, boolean stdinFromNull) {
        ProcessBuilder builder = new ProcessBuilder(argv);
        if (request.cwd() != null) builder.directory(new File(request.cwd()));
        if (request.environment() != null) {
            builder.environment().clear();
            builder.environment().putAll(request.environment());
        }
        if (stdinFromNull) builder.redirectInput(new File("/dev/null"));
        try {
            return builder.start();
        } catch (IOException e) {
            String reason = String.valueOf(e.getMessage()).replaceFirst("^.*error=\\d+, ", "");
            throw new WampException(StreamProtocol.ERROR_EXEC, "cannot execute " + argv.get(0) + ": " + reason);
        }
    }
}
