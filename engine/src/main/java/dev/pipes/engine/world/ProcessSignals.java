package dev.pipes.engine.world;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Signals to processes by id that Java cannot send itself (it has TERM and KILL only: {@code
 * ProcessHandle.destroy}): through the system's {@code kill} command. One place for {@code kill
 * -s NAME} and the Ctrl-Z resume ({@code CONT}), so both behave alike.
 */
public final class ProcessSignals {
    private ProcessSignals() {}

    /**
     * Sends {@code SIG<name>} to {@code pids} and returns kill's exit status (0: all sent);
     * {@code output} is where kill's own messages go.
     */
    public static int send(String name, List<Long> pids, ProcessBuilder.Redirect output) throws IOException {
        if (pids.isEmpty()) return 0;
        List<String> command = new ArrayList<>(List.of("kill", "-s", name));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
