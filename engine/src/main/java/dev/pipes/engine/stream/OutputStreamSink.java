package dev.pipes.engine.stream;

import java.io.IOException;
import java.io.OutputStream;

/** A sink writing into an output stream; the end of the stream closes it when {@code closeAtEnd}. */
public record OutputStreamSink(OutputStream out, boolean closeAtEnd) implements StreamSink {
    @Override
    public void write(byte[] data) throws IOException {
        out.write(data);
        out.flush();
    }

    @Override
    public void end() throws IOException {
        if (closeAtEnd) out.close();
        else out.flush();
    }
}
