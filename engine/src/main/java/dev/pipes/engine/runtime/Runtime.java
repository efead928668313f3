package dev.pipes.engine.runtime;

import java.util.concurrent.CompletableFuture;

/**
 * Where service stages run, and the lifecycle of their agents. The embedded runtime runs each
 * agent inside pipesh and its executable as a local process; a cluster runtime (Docker Swarm) runs
 * agents in containers.
 *
 * <p>{@link #start} hands out an agent for one stage instance: a warm one (idle, of the same
 * service, released by an earlier pipeline) when the runtime keeps some, else a new one. Either
 * way the agent has joined realm {@link dev.pipes.engine.stream.StreamProtocol#REALM} on the
 * central router and registered its procedures before the future completes, and its handle says
 * which protocol it speaks and where it serves its input (its endpoint). A pipeline
 * {@link AgentHandle#release releases} its agents when it ends normally and
 * {@link AgentHandle#stop stops} them when it is canceled; a runtime that keeps agents warm stops
 * the idle ones after a while and all of them on {@link #close}. A daemon or a workflow that keeps
 * its services up holds its handles and calls {@code run} on them again instead of releasing.
 */
public interface Runtime extends AutoCloseable {
    /** Where stages run, as {@code explain} says it (e.g. "local process, agent over ws://127.0.0.1:41234"). */
    String placement();

    /** Hands out the agent of one stage instance (warm or new); completes once its procedures can be called. */
    CompletableFuture<AgentHandle> start(AgentLaunch launch);

    /** Stops every agent, busy or idle. */
    @Override
    void close();
}
