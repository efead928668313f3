package dev.pipes.engine.stream;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The writer side of a block joint into a replicated stage (docs/protocol.md, Block joints): cuts
 * what it is given into blocks of about {@code blockSize} bytes, each ending on a line boundary,
 * and sends block b as one stream to reader {@code b mod M}; finishing sends every reader the
 * {@code end} call. A reader that closes its input means the stage's output went away: the
 * whole joint fails, as a write into a closed pipe does.
 */
public final class BlockCutter implements ChunkSink {
    private final List<StreamWriter> readers;
    private final long blockSize;
    private StreamWriter current;
    private long blockBytes;
    private long blocks;
    private volatile IOException failure;

    /** {@code readers}: one writer per replica of the next stage, each made as writer 0 of a block joint. */
    public BlockCutter(List<StreamWriter> readers, long blockSize) {
        if (readers.isEmpty()) throw new IllegalArgumentException("a block joint has at least one reader");
        this.readers = List.copyOf(readers);
        this.blockSize = Math.max(1, blockSize);
    }

    @Override
    public void write(byte[] data) throws IOException {
        int start = 0;
        while (start < data.length) {
            if (current == null) {
                current = readers.get((int) (blocks++ % readers.size()));
                blockBytes = 0;
            }
            long room = blockSize - blockBytes;
            int cut = -1;
            int from = (int) Math.min(data.length, start + Math.max(0, room - 1));
            for (int i = from; i < data.length; i++) {
                if (data[i] == '\n') {
                    cut = i + 1;
                    break;
                }
            }
            int end = cut < 0 ? data.length : cut;
            send(start == 0 && end == data.length ? data : Arrays.copyOfRange(data, start, end));
            blockBytes += end - start;
            start = end;
            if (cut >= 0) closeBlock();
        }
    }

    private void send(byte[] chunk) throws IOException {
        try {
            current.write(chunk);
        } catch (IOException e) {
            if (failure == null) failure = e;
            throw e;
        }
    }

    private void closeBlock() throws IOException {
        try {
            current.endStream();
        } catch (IOException e) {
            if (failure == null) failure = e;
            throw e;
        } finally {
            current = null;
        }
    }

    @Override
    public void finish() throws IOException {
        if (current != null) closeBlock();
        IOException first = null;
        for (StreamWriter reader : readers) {
            try {
                reader.end();
            } catch (IOException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) {
            if (failure == null) failure = first;
            throw first;
        }
    }

    @Override
    public void abort() {
        for (StreamWriter reader : readers) reader.abort();
    }

    @Override
    public IOException failure() {
        if (failure != null) return failure;
        for (StreamWriter reader : readers) if (reader.failure() != null) return reader.failure();
        return null;
    }
}
