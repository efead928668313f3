package dev.pipes.engine.world;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Java streams on a real descriptor of this process (a pipe made by {@link NativeIo#pipe}). A
 * process started with {@link NativeIo#spawn} gets the descriptor itself, so a command inside an
 * in-process stage reads its pipe as it would after a fork: the shell never reads ahead of it.
 */
public final class FdStreams {
    private FdStreams() {}

    /** Something that stands on a descriptor of this process. */
    public interface OnDescriptor {
        /** The descriptor, or -1 once closed. */
        int fd();
    }

    /** The two ends of a new pipe. */
    public static Pipe pipe() throws IOException {
        int[] fds = NativeIo.pipe();
        return new Pipe(new In(fds[0]), new Out(fds[1]));
    }

    public record Pipe(In source, Out sink) {}

    /** Reads a descriptor; unbuffered, so that {@code read} takes no byte it does not need. */
    public static final class In extends InputStream implements OnDescriptor {
        private final int fd;
        private final AtomicBoolean closed = new AtomicBoolean();

        In(int fd) {
            this.fd = fd;
        }

        @Override
        public int fd() {
            return closed.get() ? -1 : fd;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (closed.get()) throw new IOException("Stream closed");
            return NativeIo.read(fd, b, off, Math.min(len, 64 * 1024));
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) NativeIo.close(fd);
        }
    }

    /** Writes a descriptor. */
    public static final class Out extends OutputStream implements OnDescriptor {
        private final int fd;
        private final AtomicBoolean closed = new AtomicBoolean();

        Out(int fd) {
            this.fd = fd;
        }

        @Override
        public int fd() {
            return closed.get() ? -1 : fd;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (closed.get()) throw new IOException("Stream closed");
            NativeIo.write(fd, b, off, len);
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) NativeIo.close(fd);
        }
    }
}
