package dev.pipes.engine.daemon;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The standard error of one stage of one job: each complete line goes to the workflow's log, and
 * the last {@link #TAIL_BYTES} bytes are kept for the job's record (the "stderr tail" the API shows).
 */
final class StageErrors extends OutputStream {
    static final int TAIL_BYTES = 2048;
    private static final int MAX_LINE = 8192;

    private final WorkflowLog log;
    private final String jobId;
    private final int index;
    private final String name;
    private final byte[] tail = new byte[TAIL_BYTES];
    private long total;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    StageErrors(WorkflowLog log, String jobId, int index, String name) {
        this.log = log;
        this.jobId = jobId;
        this.index = index;
        this.name = name;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            tail[(int) (total++ % TAIL_BYTES)] = b;
            if (b == '\n') {
                flushLine();
            } else {
                line.write(b);
                if (line.size() >= MAX_LINE) flushLine();
            }
        }
    }

    /** The job ended: a last line without a newline still reaches the log. */
    @Override
    public synchronized void close() {
        if (line.size() > 0) flushLine();
    }

    private void flushLine() {
        log.append(jobId, index, name, line.toString(StandardCharsets.UTF_8));
        line.reset();
    }

    /** The last bytes written, from the start of a line where the tail allows. */
    synchronized String tail() {
        int length = (int) Math.min(total, TAIL_BYTES);
        byte[] out = new byte[length];
        int start = (int) ((total - length) % TAIL_BYTES);
        for (int i = 0; i < length; i++) out[i] = tail[(start + i) % TAIL_BYTES];
        String text = new String(out, StandardCharsets.UTF_8);
        if (total > TAIL_BYTES) {
            int newline = text.indexOf('\n');
            if (newline >= 0 && newline < text.length() - 1) text = text.substring(newline + 1);
        }
        return text;
    }

    /** The last non-empty line written, for the job's error message. */
    synchronized String lastLine() {
        String text = tail().stripTrailing();
        int newline = text.lastIndexOf('\n');
        return newline < 0 ? text : text.substring(newline + 1);
    }
}
