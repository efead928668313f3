package dev.pipes.engine.plan;

/** How two adjacent stages of a plan are connected, as {@code explain} names it. */
public enum Joint {
    /** A real pipe between two processes of this host (local commands, fused services): no byte passes through the shell. */
    OS_PIPE("OS pipe (same host)"),
    /** A pipe with a stage inside the shell on at least one side. */
    IN_PROCESS("in-process pipe"),
    /** WAMP streaming from the writer straight to the reader's endpoint. */
    WAMP_DIRECT("WAMP, direct"),
    /** WAMP streaming through the central router: a side speaks protocol 1 (it has no endpoint, or ignores them). */
    WAMP_VIA_ROUTER("WAMP, via the router"),
    /** A native stage not run yet: direct when it announces an endpoint, through the central router otherwise. */
    WAMP_NATIVE("WAMP, direct if the native stage announces an endpoint, else via the router");

    private final String description;

    Joint(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Whether bytes of this joint travel over WAMP. */
    public boolean wamp() {
        return this == WAMP_DIRECT || this == WAMP_VIA_ROUTER || this == WAMP_NATIVE;
    }

    /** The joint the executor uses between {@code left} and {@code right}. */
    public static Joint between(Stage left, Stage right) {
        if (left.localProcess() && right.localProcess()) return OS_PIPE;
        int a = protocol(left);
        int b = protocol(right);
        if (a < 0 && b < 0) return IN_PROCESS;
        if (a == 1 || b == 1) return WAMP_VIA_ROUTER;
        if (a < 0 && remote(right) || b < 0 && remote(left)) return WAMP_VIA_ROUTER; // the shell cannot reach the agent
        if (a == ServiceRoute.UNKNOWN || b == ServiceRoute.UNKNOWN) return WAMP_NATIVE;
        return WAMP_DIRECT;
    }

    private static boolean remote(Stage stage) {
        return stage instanceof Stage.Service s && s.route().shellJointsViaRouter();
    }

    /** The protocol of a stage that speaks WAMP (a service run by an agent); -1 for any other. */
    private static int protocol(Stage stage) {
        return stage instanceof Stage.Service s && !s.route().fused() ? s.route().protocol() : -1;
    }
}
