package dev.pipes.engine.runtime;

import java.util.concurrent.CompletableFuture;

/**
 * Where service stages run. The embedded runtime starts each stage's agent next to the shell and
 * its executable as a local process; a cluster runtime (Docker Swarm) starts them as services.
 * Either way an agent joins the realm of {@link dev.pipes.engine.stream.StreamProtocol#REALM} on the
 * shell's router and registers the stage instance's procedures before {@link #start} completes.
 */
public interface Runtime extends AutoCloseable {
    /** Where stages run, as {@code explain} says it (e.g. "local process, agent over ws://127.0.0.1:41234"). */
    String placement();

    /** Starts the agent of one stage instance; completes once its procedures can be called. */
    CompletableFuture<AgentHandle> start(AgentLaunch launch);

    /** Stops every agent still running. */
    @Override
    void close();
}
