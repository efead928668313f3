package dev.pipes.engine.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;

/**
 * Copies an input stream (a process's stdout, a file, a pipe) into a {@link ChunkSink} until
 * the end of input, then ends the stream. Chunks gather what is already available, up to
 * {@link StreamProtocol#CHUNK}, so a trickle goes out at once and a flood in large calls.
 */
public final class StreamPump {
    /** How a pump ended. */
    public enum Outcome {
        /** Input ended and the reader took everything. */
        COMPLETE,
        /** The reader closed the stream first (early exit downstream). */
        READER_CLOSED,
        /** Reading the input failed, or the pump was interrupted. */
        FAILED
    }

    /** A read this large means the producer is fast (a pipe holds 64 KiB): worth waiting a moment for more. */
    private static final int FAST_READ = 32 * 1024;
    private static final long PAUSE_NANOS = 100_000;
    private static final int MAX_PAUSES = 4;

    private StreamPump() {}

    /**
     * Adds what is already available to the {@code n} bytes read. When the reads are large (the
     * producer is fast) it pauses briefly for more, so a flood goes out in large calls; a trickle
     * is never held back more than {@code MAX_PAUSES * PAUSE_NANOS}.
     */
    private static int gather(InputStream in, byte[] buffer, int n) throws IOException {
        int pauses = 0;
        int last = n;
        while (n < buffer.length) {
            int available = in.available();
            if (available > 0) {
                int more = in.read(buffer, n, Math.min(available, buffer.length - n));
                if (more < 0) break;
                n += more;
                last = more;
                continue;
            }
            if (last < FAST_READ || pauses++ >= MAX_PAUSES) break;
            java.util.concurrent.locks.LockSupport.parkNanos(PAUSE_NANOS);
            if (Thread.interrupted()) throw new java.io.InterruptedIOException("interrupted");
        }
        return n;
    }

    /** Copies until the end of {@code in}, then ends the stream. */
    public static Outcome run(InputStream in, ChunkSink out) {
        return copy(in, out, true);
    }

    /** Copies until the end of {@code in}; ends the stream only when {@code finish} (else more may follow). */
    public static Outcome copy(InputStream in, ChunkSink out, boolean finish) {
        try {
            // one buffer to read into; each chunk handed over is a copy of what was read (a copy
            // of an array is not zeroed first, a new array is: that made the copy the cheaper way)
            byte[] buffer = new byte[StreamProtocol.CHUNK];
            while (true) {
                int n = in.read(buffer);
                if (n < 0) break;
                n = gather(in, buffer, n);
                if (n == 0) continue;
                out.write(Arrays.copyOf(buffer, n));
            }
            if (finish) out.finish();
            return Outcome.COMPLETE;
        } catch (StreamClosedException e) {
            out.abort();
            return Outcome.READER_CLOSED;
        } catch (InterruptedIOException e) {
            out.abort();
            return Outcome.FAILED;
        } catch (IOException e) {
            out.abort();
            return out.failure() instanceof StreamClosedException ? Outcome.READER_CLOSED : Outcome.FAILED;
        }
    }
}
