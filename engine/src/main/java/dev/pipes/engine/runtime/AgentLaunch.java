package dev.pipes.engine.runtime;

import java.nio.file.Path;

/**
 * What a runtime needs to start the agent of one stage instance. With {@code nativeAgent} the
 * executable is itself an agent (it speaks the stream protocol); otherwise pipes' agent wraps it.
 */
public record AgentLaunch(String stageId, String service, Path executable, boolean nativeAgent) {
    /** What makes two launches interchangeable: a warm agent of one can serve the other. */
    public String kind() {
        return service + (nativeAgent ? " native " : " wrapped ") + executable;
    }
}
