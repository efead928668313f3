package dev.pipes.engine.stream;

import java.io.IOException;

/**
 * Where a writer's bytes go, chunk by chunk: one stream, or a joint that cuts them into blocks for
 * several readers. Blocking (a full window waits) and meant for one producing thread.
 */
public interface ChunkSink {
    /** Sends {@code data} (at most {@link StreamProtocol#MAX_CHUNK} bytes; handed over, never changed afterwards). */
    void write(byte[] data) throws IOException;

    /** Ends what was written and waits until the readers have passed everything on. */
    void finish() throws IOException;

    /** Stops without an end (the source failed, or a reader closed); waits briefly for calls in flight. */
    void abort();

    /** The error that ended the output, or null while it is fine; a {@link StreamClosedException} when a reader closed. */
    IOException failure();
}
