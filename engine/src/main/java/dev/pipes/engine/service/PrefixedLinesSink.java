package dev.pipes.engine.service;

import dev.pipes.engine.stream.StreamSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a stage's standard error line by line with {@code "name: "} in front, so that the errors
 * of concurrent stages stay readable; whole lines are written at once under the output's lock.
 */
public final class PrefixedLinesSink implements StreamSink {
    private static final int MAX_PENDING = 64 * 1024;

    private final byte[] prefix;
    private final OutputStream out;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    public PrefixedLinesSink(String name, OutputStream out) {
        this.prefix = (name + ": ").getBytes(StandardCharsets.UTF_8);
        this.out = out;
    }

    @Override
    public void write(byte[] data) throws IOException {
        int start = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] != '\n') continue;
            pending.write(data, start, i + 1 - start);
            emit();
            start = i + 1;
        }
        pending.write(data, start, data.length - start);
        if (pending.size() > MAX_PENDING) {
            pending.write('\n');
            emit();
        }
    }

    @Override
    public void end() throws IOException {
        if (pending.size() > 0) {
            pending.write('\n');
            emit();
        }
    }

    /** The same as a stream: closing it ends the last line, never the output underneath. */
    public OutputStream asOutputStream() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                PrefixedLinesSink.this.write(new byte[] {(byte) b});
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                PrefixedLinesSink.this.write(java.util.Arrays.copyOfRange(b, off, off + len));
            }

            @Override
            public void close() throws IOException {
                end();
            }
        };
    }

    private void emit() throws IOException {
        synchronized (out) {
            out.write(prefix);
            pending.writeTo(out);
            out.flush();
        }
        pending.reset();
    }
}
