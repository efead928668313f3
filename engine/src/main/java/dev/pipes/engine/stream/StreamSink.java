package dev.pipes.engine.stream;

import java.io.IOException;

/** Where a {@link StreamReader} passes its data on: a process's stdin, a file, the next stage... */
public interface StreamSink {
    /** Takes one chunk, in order; may block (that is the backpressure). An exception closes the stream. */
    void write(byte[] data) throws IOException;

    /** The writer ended the stream. */
    void end() throws IOException;
}
