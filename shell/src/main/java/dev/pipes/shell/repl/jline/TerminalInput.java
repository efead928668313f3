package dev.pipes.shell.repl.jline;

import dev.pipes.engine.world.StoppableInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.lang.ProcessBuilder.Redirect;

/**
 * The terminal as the input of a service stage in the interactive shell (builtins read the
 * terminal themselves, a byte at a time). The reading is done by a {@code cat} child that
 * inherits the terminal, never by a JVM thread: a read of a terminal in its normal mode cannot be interrupted or timed
 * out from Java, so a reader that outlived its pipeline would take the next line typed at the
 * prompt. A reader that is interrupted kills the child instead; a child killed while waiting
 * for a line has taken nothing, and what is typed next goes to the prompt. The child exits at
 * end of input (Ctrl-D); the next reader starts a new one.
 */
final class TerminalInput extends InputStream implements StoppableInput {
    private static final long POLL_MILLIS = 10;

    private final Redirect terminal;
    private Process reader;

    TerminalInput() {
        this(Redirect.INHERIT);
    }

    /** Reads {@code source} instead of the shell's own standard input (for tests). */
    TerminalInput(Redirect source) {
        this.terminal = source;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        Process child = reader();
        InputStream lines = child.getInputStream();
        while (true) {
            int ready = lines.available();
            if (ready > 0) return lines.read(b, off, Math.min(len, ready));
            if (!child.isAlive()) { // end of input: what is left, then -1 (and a new child next time)
                int n = lines.read(b, off, len);
                if (n < 0) reader = null;
                return n;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                stopReading();
                throw new InterruptedIOException("reading the terminal was interrupted");
            }
        }
    }

    @Override
    public synchronized int available() throws IOException {
        return reader == null ? 0 : reader.getInputStream().available();
    }

    /** Kills the reading child, if any (it has taken no line it has not passed on yet). */
    @Override
    public synchronized void stopReading() {
        if (reader == null) return;
        reader.destroyForcibly();
        reader = null;
    }

    private Process reader() throws IOException {
        if (reader == null) {
            reader = new ProcessBuilder("cat").redirectInput(terminal).redirectError(Redirect.DISCARD).start();
            reader.getOutputStream().close();
        }
        return reader;
    }
}
