package dev.pipes.engine.plan;

/** How two adjacent stages of a plan are connected. */
public enum Joint {
    /** A real pipe between two processes: no byte passes through the shell. */
    OS_PIPE("OS pipe"),
    /** A pipe with a stage inside the shell on at least one side. */
    IN_PROCESS("in-process pipe"),
    /** WAMP streaming, when a service is on either side. */
    WAMP("WAMP stream");

    private final String description;

    Joint(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The joint the executor uses between {@code left} and {@code right}. */
    public static Joint between(Stage left, Stage right) {
        if (left instanceof Stage.Service || right instanceof Stage.Service) return WAMP;
        if (left instanceof Stage.LocalCommand && right instanceof Stage.LocalCommand) return OS_PIPE;
        return IN_PROCESS;
    }
}
