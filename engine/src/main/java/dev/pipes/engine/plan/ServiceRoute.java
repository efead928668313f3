package dev.pipes.engine.plan;

import java.nio.file.Path;

/**
 * How a service stage runs, decided when the pipeline is planned: where ({@code placement}, as
 * {@code explain} says it), whether it is fused (its executable runs as a plain local process,
 * {@code localExecutable}, joined to its neighbours like a local command), and which stream
 * protocol its agent speaks (1: everything through the central router; 2: direct joints;
 * {@link #UNKNOWN}: a native stage not run yet in this shell).
 */
public record ServiceRoute(String placement, Path localExecutable, int protocol, boolean shellJointsViaRouter) {
    public static final int UNKNOWN = 0;

    public ServiceRoute(String placement, Path localExecutable, int protocol) {
        this(placement, localExecutable, protocol, false);
    }

    /**
     * A stage run by an agent speaking {@code protocol} whose endpoint the shell cannot reach (a
     * container on an overlay network): its joints with the shell go through the central router.
     */
    public static ServiceRoute remoteAgent(String placement, int protocol) {
        return new ServiceRoute(placement, null, protocol, true);
    }

    /** A stage run by an agent speaking {@code protocol}. */
    public static ServiceRoute agent(String placement, int protocol) {
        return new ServiceRoute(placement, null, protocol);
    }

    /** A stage whose executable runs as a plain local process. */
    public static ServiceRoute fused(String placement, Path executable) {
        return new ServiceRoute(placement, executable, 2);
    }

    public boolean fused() {
        return localExecutable != null;
    }
}
