package dev.pipes.engine.service;

import dev.pipes.engine.runtime.AgentHandle;
import java.io.IOException;
import java.util.List;

/**
 * What the agents of a pipeline must speak for its joints: a replicated stage, and the stages next
 * to one, take part in block joints, which protocol 1 does not have (docs/protocol.md). A native
 * stage that announced no protocol 2 therefore runs only between plain joints.
 */
final class JointRules {
    private final List<ServiceStage> stages;
    private final AgentHandle[][] instances;

    JointRules(List<ServiceStage> stages, AgentHandle[][] instances) {
        this.stages = stages;
        this.instances = instances;
    }

    void check() throws IOException {
        for (int k = 0; k < stages.size(); k++) {
            ServiceStage stage = stages.get(k);
            boolean blocks = stage.replicas() > 1
                    || stage.io().stdin() instanceof StageIo.FromPreviousService && stages.get(k - 1).replicas() > 1
                    || stage.io().stdout() instanceof StageIo.ToNextService && stages.get(k + 1).replicas() > 1;
            if (!blocks) continue;
            for (AgentHandle agent : instances[k]) {
                if (agent.protocol() < 2) {
                    throw new IOException(stage.displayName() + ": its agent speaks protocol " + agent.protocol()
                            + " (it announced no protocol 2), which has no block joints: it cannot run with replicas"
                            + " or next to a replicated stage");
                }
            }
        }
    }
}
