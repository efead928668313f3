package dev.pipes.engine.service;

import java.util.List;

/** One service stage of a pipeline, resolved: which service, with how many replicas, its argv and I/O. */
public record ServiceStage(ServiceRef ref, ServiceSpec spec, List<String> argv, StageIo io) {
    public ServiceStage {
        argv = List.copyOf(argv);
    }

    public int replicas() {
        return ref.replicasOr(spec.replicas());
    }

    /** The name the stage's messages carry: what the user typed, e.g. {@code grep-svc} or {@code wc@2}. */
    public String displayName() {
        return ref.toString();
    }
}
