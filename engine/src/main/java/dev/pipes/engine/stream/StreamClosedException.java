package dev.pipes.engine.stream;

import java.io.IOException;

/** The reader of a stream took no more data: what EPIPE is to a process writing into a pipe. */
public final class StreamClosedException extends IOException {
    private static final long serialVersionUID = 1L;

    public StreamClosedException(String message) {
        super(message);
    }
}
