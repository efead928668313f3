package dev.pipes.engine.runtime;

/** A started agent. */
public interface AgentHandle {
    String stageId();

    /** Stops the agent and any process it runs; idempotent. */
    void stop();
}
