package dev.pipes.engine.runtime;

import java.nio.file.Path;

/** What a runtime needs to start the agent of one stage instance. */
public record AgentLaunch(String stageId, String service, Path executable) {}
