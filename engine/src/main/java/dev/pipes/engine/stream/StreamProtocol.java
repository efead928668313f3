package dev.pipes.engine.stream;

/**
 * The constants of the pipes stream protocol over WAMP (docs/protocol.md is the specification):
 * URIs, error URIs, keyword names and the limits every writer and reader keeps to.
 */
public final class StreamProtocol {
    private StreamProtocol() {}

    /** The realm every pipes stage joins. */
    public static final String REALM = "pipes";

    /** At most this many data calls of one stream are unanswered at any time. */
    public static final int WINDOW = 8;
    /**
     * The largest payload of one data call; readers refuse larger ones. 960 KiB, so that a whole
     * data call fits in a 1 MiB WebSocket message: autobahn-python's ApplicationRunner refuses
     * anything larger (maxMessagePayloadSize and maxFramePayloadSize are 1048576 there).
     */
    public static final int MAX_CHUNK = 960 * 1024;
    /** What pipes' own writers put in one call (smaller than {@link #MAX_CHUNK}, so that memory stays low). */
    public static final int CHUNK = 512 * 1024;

    /** The reader takes no more data: the writer stops, as a process does on SIGPIPE. */
    public static final String ERROR_CLOSED = "pipes.error.stream_closed";
    /** A data call whose sequence number is not the one expected. */
    public static final String ERROR_OUT_OF_ORDER = "pipes.error.out_of_order";
    /** More unanswered calls than {@link #WINDOW}, or a payload above {@link #MAX_CHUNK}. */
    public static final String ERROR_LIMIT = "pipes.error.limit_exceeded";
    /** A call whose arguments do not follow the protocol. */
    public static final String ERROR_INVALID = "wamp.error.invalid_argument";
    /** The executable of a stage cannot be started. */
    public static final String ERROR_EXEC = "pipes.error.exec_failed";

    /** The version of the stream protocol pipes speaks (docs/protocol.md). */
    public static final int VERSION = 2;

    /** Keyword argument of the last call of a stream. */
    public static final String EOF = "eof";
    /** Keyword argument, with {@link #EOF}, of a block joint's closing call: no stream follows from that writer. */
    public static final String END = "end";
    /** Keyword argument: which of a reader's writers sends the call (block joints), default 0. */
    public static final String WRITER = "writer";
    /** The most writers (replicas) one joint may have. */
    public static final int MAX_WRITERS = 1024;

    /** An agent started by a runtime calls this with {@code [stage_id]} once its procedures are registered. */
    public static final String READY_URI = "pipes.runtime.ready";
    /** Environment of an agent process: the router's WebSocket URL, the realm and its stage instance id. */
    public static final String ENV_ROUTER = "PIPES_ROUTER";
    public static final String ENV_REALM = "PIPES_REALM";
    public static final String ENV_STAGE = "PIPES_STAGE";
    /** Ticket authentication of an agent process: its authid and ticket. */
    public static final String ENV_AUTHID = "PIPES_AUTHID";
    public static final String ENV_TICKET = "PIPES_TICKET";
    /** The highest protocol version the runtime speaks (absent: 1). */
    public static final String ENV_PROTOCOL = "PIPES_PROTOCOL";
    /** Where an agent process serves its endpoint ({@code HOST} or {@code HOST:PORT}), what host it announces, or none. */
    public static final String ENV_ENDPOINT_BIND = "PIPES_ENDPOINT_BIND";
    public static final String ENV_ENDPOINT_HOST = "PIPES_ENDPOINT_HOST";
    public static final String ENV_ENDPOINT = "PIPES_ENDPOINT";

    /** The procedure that starts a stage instance's executable. */
    public static String runUri(String stageId) {
        return "pipes.stage." + stageId + ".run";
    }

    /** The stream procedure that is a stage instance's standard input. */
    public static String inputUri(String stageId) {
        return "pipes.stage." + stageId + ".in";
    }

    /** A stream procedure the shell registers for pipeline {@code pipelineId}; {@code name} says which. */
    public static String shellUri(String pipelineId, String name) {
        return "pipes.pipeline." + pipelineId + "." + name;
    }

    /** Whether {@code id} can be one component of a URI (letters, digits, underscore). */
    public static boolean validId(String id) {
        return !id.isEmpty() && id.chars().allMatch(c -> c == '_' || Character.isLetterOrDigit(c) && c < 128);
    }
}
