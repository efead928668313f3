package dev.pipes.engine.runtime;

import java.util.List;

/**
 * An agent a {@link Runtime} handed out for one stage instance. A pipeline that is done with it
 * {@link #release releases} it: the runtime may then keep it warm and hand it to a later pipeline
 * of the same service (its {@link #stageId} stays the agent's), or stop it. {@link #stop} ends it
 * for good (a canceled pipeline, a shell that exits).
 */
public interface AgentHandle {
    /** The stage instance id {@code S} of {@code pipes.stage.S.run} and {@code pipes.stage.S.in}. */
    String stageId();

    /**
     * The stream protocol the agent speaks (docs/protocol.md): 1 when everything goes through the
     * central router, 2 when it serves an endpoint of its own and takes several writers and blocks.
     */
    default int protocol() {
        return 1;
    }

    /** Where the agent serves its input, in order of preference; empty when only through the central router. */
    default List<String> endpoints() {
        return List.of();
    }

    /** Whether the agent runs in this process (its writers reach this process's endpoints in memory). */
    default boolean inProcess() {
        return false;
    }

    /**
     * After the agent's run failed because the agent was lost: where it ran and why it ended, as the
     * runtime knows it (e.g. a container's node and exit), or null. May block briefly.
     */
    default String lossDetail() {
        return null;
    }

    /** The pipeline is done with the agent; the runtime keeps it for a later one or stops it. */
    default void release() {
        stop();
    }

    /** Stops the agent and any process it runs; idempotent. */
    void stop();
}
