package dev.pipes.wamp.transport.netty;

/** Names of the handlers in a WAMP WebSocket pipeline, server and client alike. */
final class PipelineNames {
    static final String SSL = "ssl";
    static final String FLUSH = "flush-consolidation";
    static final String IDLE = "idle-detection";
    static final String HTTP_CODEC = "http-codec";
    static final String HTTP_AGGREGATOR = "http-aggregator";
    static final String WEBSOCKET = "websocket-protocol";
    static final String FRAME_AGGREGATOR = "websocket-frame-aggregator";
    static final String WAMP_CODEC = "wamp-codec";
    static final String WAMP_SESSION = "wamp-session";

    private PipelineNames() {
    }
}
