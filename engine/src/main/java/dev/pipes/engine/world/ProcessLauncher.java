package dev.pipes.engine.world;

import java.io.IOException;
import java.util.List;

/**
 * Starts operating-system processes. The executor describes each process with a ProcessBuilder
 * (argv, working directory, environment, redirects); adjacent builders are joined by real OS pipes,
 * so a pipeline of local commands moves no byte through the JVM.
 */
public interface ProcessLauncher {
    /** Starts the builders as one pipeline (stdout of each to stdin of the next), in order. */
    List<Process> startPipeline(List<ProcessBuilder> builders) throws IOException;

    /** The launcher of this machine. */
    static ProcessLauncher os() {
        return builders -> builders.size() == 1 ? List.of(builders.get(0).start()) : ProcessBuilder.startPipeline(builders);
    }
}
