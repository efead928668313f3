package dev.pipes.engine.stream;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * How a stage instance takes its input from a {@link StreamReader} (docs/protocol.md, Block
 * joints). A plain joint is one stream from one writer. In a block joint (several writers, or a
 * replicated reader) replica j of M takes blocks {@code b = j, j+M, j+2M, ...}, block b being the
 * next stream of writer {@code b mod N}; the input ends when that writer says {@code end}. A
 * replica runs its executable per {@link #nextBlock block}; any other reader {@link #copyTo copies}
 * the blocks one after the other as one input.
 */
public final class JointInput {
    /** How copying an input ended. */
    public enum Outcome {
        /** Every byte was passed on and the sink ended. */
        COMPLETE,
        /** The sink took no more (its consumer went away): the input was closed, the writers stop. */
        CONSUMER_CLOSED,
        /** The input was closed by someone else (a canceled run), or the copying thread was interrupted. */
        STOPPED
    }

    private final StreamReader reader;
    private final int writers;
    private final int replicas;
    private long nextBlock;
    private boolean ended;

    /** The input of replica {@code replica} of {@code replicas}, fed by {@code writers} writers. */
    public JointInput(StreamReader reader, int writers, int replica, int replicas) {
        if (writers < 1 || replicas < 1 || replica < 0 || replica >= replicas) {
            throw new IllegalArgumentException("bad joint: " + writers + " writers into replica " + replica + " of " + replicas);
        }
        this.reader = reader;
        this.writers = writers;
        this.replicas = replicas;
        this.nextBlock = replica;
    }

    /** A plain joint: one writer, one reader. */
    public static JointInput plain(StreamReader reader) {
        return new JointInput(reader, 1, 0, 1);
    }

    public boolean blockJoint() {
        return writers > 1 || replicas > 1;
    }

    public StreamReader reader() {
        return reader;
    }

    /**
     * Passes the whole input to {@code sink} in order and ends it; each chunk is answered once
     * written, the last one (eof, or the writers' ends) once the sink has ended.
     */
    public Outcome copyTo(StreamSink sink) {
        List<StreamReader.Chunk> last = new ArrayList<>();
        try {
            if (!blockJoint()) {
                StreamReader.Chunk eof = copyStream(0, null, sink);
                if (eof == null) return Outcome.CONSUMER_CLOSED;
                last.add(eof);
            } else {
                Block block;
                while ((block = nextBlock(last)) != null) {
                    StreamReader.Chunk eof = copyStream(block.writer, block.first, sink);
                    if (eof == null) return Outcome.CONSUMER_CLOSED;
                    eof.passed();
                }
            }
            sink.end();
            last.forEach(StreamReader.Chunk::passed);
            return Outcome.COMPLETE;
        } catch (StreamClosedException | InterruptedException e) {
            return Outcome.STOPPED;
        } catch (IOException e) {
            last.forEach(c -> c.refuse(reader.closedError()));
            reader.closeStream();
            return Outcome.CONSUMER_CLOSED;
        }
    }

    /**
     * Copies one stream of {@code writer} (its first chunk already taken, or null) into the sink;
     * returns its eof call, not yet answered, or null when the sink failed (the input is then closed).
     */
    private StreamReader.Chunk copyStream(int writer, StreamReader.Chunk first, StreamSink sink)
            throws InterruptedException, StreamClosedException {
        StreamReader.Chunk chunk = first != null ? first : reader.take(writer);
        while (!chunk.eof()) {
            try {
                sink.write(chunk.data());
            } catch (IOException e) {
                chunk.refuse(reader.closedError());
                reader.closeStream();
                return null;
            }
            chunk.passed();
            chunk = reader.take(writer);
        }
        return chunk;
    }

    /** One block of a block joint: its index, and its chunks still to take. */
    public final class Block {
        private final long index;
        private final int writer;
        private StreamReader.Chunk first;

        private Block(long index, int writer, StreamReader.Chunk first) {
            this.index = index;
            this.writer = writer;
            this.first = first;
        }

        public long index() {
            return index;
        }

        /**
         * Passes the block to {@code sink} and ends it. When the sink stops taking data (the block's
         * process exited early) the rest of the block is dropped, as a pipe's reader that exits
         * drops it, and the joint goes on; returns whether the sink took everything.
         */
        public boolean copyTo(StreamSink sink) throws InterruptedException, StreamClosedException {
            StreamReader.Chunk chunk = take();
            boolean taking = true;
            while (!chunk.eof()) {
                if (taking) {
                    try {
                        sink.write(chunk.data());
                    } catch (IOException e) {
                        taking = false;
                    }
                }
                chunk.passed();
                chunk = take();
            }
            if (taking) {
                try {
                    sink.end();
                } catch (IOException e) {
                    taking = false;
                }
            }
            chunk.passed();
            return taking;
        }

        /** Drops the block (answering its calls). */
        public void discard() throws InterruptedException, StreamClosedException {
            copyTo(new StreamSink() {
                @Override public void write(byte[] data) { }
                @Override public void end() { }
            });
        }

        private StreamReader.Chunk take() throws InterruptedException, StreamClosedException {
            StreamReader.Chunk chunk = first;
            first = null;
            return chunk != null ? chunk : reader.take(writer);
        }
    }

    /**
     * The next block of this replica, or null once the input has ended (every writer's {@code end}
     * is then answered). Finish the previous block before asking for the next.
     */
    public Block nextBlock() throws InterruptedException, StreamClosedException {
        List<StreamReader.Chunk> ends = new ArrayList<>();
        Block block = nextBlock(ends);
        ends.forEach(StreamReader.Chunk::passed);
        return block;
    }

    /** As {@link #nextBlock()}, leaving the writers' {@code end} calls in {@code ends} for the caller to answer. */
    private Block nextBlock(List<StreamReader.Chunk> ends) throws InterruptedException, StreamClosedException {
        if (ended) return null;
        long b = nextBlock;
        int writer = (int) (b % writers);
        StreamReader.Chunk first = reader.take(writer);
        if (first.end()) {
            ends.add(first);
            ended = true;
            for (int w = 0; w < writers; w++) if (w != writer) awaitEnd(w, ends);
            return null;
        }
        nextBlock += replicas;
        return new Block(b, writer, first);
    }

    /** Takes what is left of writer {@code w} up to its {@code end} (nothing should be). */
    private void awaitEnd(int w, List<StreamReader.Chunk> ends) throws InterruptedException, StreamClosedException {
        StreamReader.Chunk chunk;
        while (!(chunk = reader.take(w)).end()) chunk.passed();
        ends.add(chunk);
    }
}
