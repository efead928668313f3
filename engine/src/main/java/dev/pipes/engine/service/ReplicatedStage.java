package dev.pipes.engine.service;

import dev.pipes.engine.stream.StreamProtocol;
import dev.pipes.engine.stream.StreamReader;
import dev.pipes.engine.stream.StreamSink;
import dev.pipes.engine.stream.StreamWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A stage shared by N replicas. The shell cuts the stage's input into blocks of about
 * {@code blockSize} bytes ending on a line boundary and hands block b to replica b mod N (a run of
 * the executable per block); each replica streams the block's output to a procedure of the shell,
 * which passes the blocks on strictly in input order. A replica's output for a later block waits
 * unanswered (its writer's window stops it), so memory stays bounded while the order is kept.
 */
final class ReplicatedStage implements StreamSink {
    private final PipelineContext context;
    private final int index;
    private final String name;
    private final ServiceSpec spec;
    private final List<String> argv;
    private final int replicas;
    private final long blockSize;
    private final Output output;
    private final String[] stderrUris;
    private final CompletableFuture<?>[] lastRun;
    private final List<CompletableFuture<Integer>> runStatuses = new ArrayList<>();
    private final CompletableFuture<Integer> status = new CompletableFuture<>();
    private StreamWriter block;
    private long blockBytes;
    private long blocks;
    private long turn;
    /** Per replica, how many of its blocks are through (its next stream is block replica + n * replicas). */
    private final long[] streamsOf;
    /** Blocks whose run failed without an output stream; the order skips them when their turn comes. */
    private final java.util.Set<Long> failedBlocks = new java.util.HashSet<>();
    private volatile boolean downstreamClosed;

    /** Where the ordered output goes: the shell's stream, or the next service's input. */
    interface Output {
        void write(byte[] data) throws IOException;

        void finish() throws IOException;
    }

    ReplicatedStage(PipelineContext context, int index, String name, ServiceSpec spec, List<String> argv, int replicas,
                    long blockSize, Output output, String[] stderrUris) {
        this.context = context;
        this.index = index;
        this.name = name;
        this.spec = spec;
        this.argv = argv;
        this.replicas = replicas;
        this.blockSize = blockSize;
        this.output = output;
        this.stderrUris = stderrUris;
        this.lastRun = new CompletableFuture<?>[replicas];
        this.streamsOf = new long[replicas];
        Arrays.fill(lastRun, CompletableFuture.completedFuture(null));
    }

    static Output toStream(OutputStream out) {
        return new Output() {
            @Override public void write(byte[] data) throws IOException {
                out.write(data);
                out.flush();
            }

            @Override public void finish() throws IOException {
                out.flush();
            }
        };
    }

    static Output toWriter(StreamWriter writer) {
        return new Output() {
            @Override public void write(byte[] data) throws IOException {
                writer.write(data);
            }

            @Override public void finish() throws IOException {
                writer.finish();
            }
        };
    }

    static Output discard() {
        return new Output() {
            @Override public void write(byte[] data) {}

            @Override public void finish() {}
        };
    }

    /** The procedure replica {@code r} writes its output to. */
    String outputUri(int replica) {
        return context.shellUri(index + "_" + replica + "_out");
    }

    /** Registers the shell's procedures that take the replicas' outputs. */
    List<CompletableFuture<StreamReader>> registerOutputs() {
        List<CompletableFuture<StreamReader>> readers = new ArrayList<>();
        for (int r = 0; r < replicas; r++) {
            readers.add(StreamReader.register(context.shell, outputUri(r), new ReplicaOutput(r), true));
        }
        return readers;
    }

    CompletableFuture<Integer> status() {
        return status;
    }

    /** Feeds the stage from a stream of the shell (on the calling thread). */
    void feed(InputStream in) {
        try {
            while (!downstreamClosed) {
                byte[] buffer = new byte[StreamProtocol.CHUNK];
                int n = in.read(buffer);
                if (n < 0) break;
                if (n > 0) write(n == buffer.length ? buffer : Arrays.copyOf(buffer, n));
            }
            end();
        } catch (IOException e) {
            endAfterFailure();
        }
    }

    // ---- StreamSink: the stage's input, in order

    @Override
    public void write(byte[] data) throws IOException {
        int start = 0;
        while (start < data.length) {
            if (downstreamClosed) throw new IOException("the output of " + name + " was closed");
            if (block == null) openBlock();
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
            try {
                block.write(Arrays.copyOfRange(data, start, end));
            } catch (IOException e) {
                // that replica stopped reading its block (it exited): the rest of the block is dropped, as with SIGPIPE
            }
            blockBytes += end - start;
            start = end;
            if (cut >= 0) closeBlock();
        }
    }

    @Override
    public void end() {
        if (block != null) closeBlock();
        finishAll();
    }

    private void endAfterFailure() {
        if (block != null) closeBlock();
        finishAll();
    }

    private void openBlock() throws IOException {
        int replica = (int) (blocks % replicas);
        try {
            lastRun[replica].join();
        } catch (RuntimeException e) {
            // its status was recorded; the replica is free again
        }
        if (Thread.currentThread().isInterrupted()) throw new InterruptedIOException("interrupted");
        String stageId = context.stageId(index, replica);
        long thisBlock = blocks;
        CompletableFuture<Integer> run = context.run(stageId, spec, argv, outputUri(replica), stderrUris[replica])
                .result().handleAsync((result, failure) -> {
                    if (failure != null) blockFailed(thisBlock);
                    return StageOutcome.status(name, result, failure, context.canceled, context.errors);
                }, PipelineContext.OFF_IO_THREAD);
        runStatuses.add(run);
        lastRun[replica] = run;
        block = new StreamWriter(context.shell, StreamProtocol.inputUri(stageId));
        blockBytes = 0;
        blocks++;
    }

    private void closeBlock() {
        try {
            block.finish();
        } catch (IOException e) {
            // the replica exited before reading all of its block
        }
        block = null;
    }

    private void finishAll() {
        CompletableFuture.allOf(runStatuses.toArray(CompletableFuture[]::new)).whenCompleteAsync((v, e) -> {
            synchronized (this) {
                while (turn < blocks && !downstreamClosed && !context.canceled) {
                    try {
                        wait(100);
                    } catch (InterruptedException ie) {
                        break;
                    }
                }
            }
            try {
                if (!downstreamClosed && !context.canceled) output.finish();
            } catch (IOException ignored) {
                // the next stage went away
            }
            int result = 0;
            for (CompletableFuture<Integer> s : runStatuses) {
                int value = s.join();
                if (value != 0) result = value;
            }
            status.complete(context.canceled ? StageOutcome.CANCELED : result);
        }, PipelineContext.OFF_IO_THREAD);
    }

    /** A block's run failed (it may never send an output stream): its turn is skipped. */
    private synchronized void blockFailed(long block) {
        if (block < turn) return;
        failedBlocks.add(block);
        advancePastFailed();
        notifyAll();
    }

    /** The current block is through: the next one's turn (failed blocks are passed over). */
    private synchronized void advance() {
        streamsOf[(int) (turn % replicas)]++;
        turn++;
        advancePastFailed();
        notifyAll();
    }

    private void advancePastFailed() {
        while (failedBlocks.remove(turn)) {
            streamsOf[(int) (turn % replicas)]++;
            turn++;
        }
    }

    /** The output of one replica: its k-th stream is block {@code replica + k * replicas}. */
    private final class ReplicaOutput implements StreamSink {
        private final int replica;

        ReplicaOutput(int replica) {
            this.replica = replica;
        }

        private long myBlock() {
            return replica + streamsOf[replica] * replicas;
        }

        private void awaitTurn() throws IOException {
            synchronized (ReplicatedStage.this) {
                while (turn != myBlock()) {
                    if (downstreamClosed || context.canceled) throw new IOException("closed");
                    try {
                        ReplicatedStage.this.wait();
                    } catch (InterruptedException e) {
                        throw new InterruptedIOException();
                    }
                }
            }
        }

        @Override
        public void write(byte[] data) throws IOException {
            awaitTurn();
            try {
                output.write(data);
            } catch (IOException e) {
                synchronized (ReplicatedStage.this) {
                    downstreamClosed = true;
                    ReplicatedStage.this.notifyAll();
                }
                throw e;
            }
        }

        @Override
        public void end() throws IOException {
            awaitTurn();
            advance();
        }
    }

    /** Wakes every waiting output after a cancel. */
    synchronized void cancel() {
        notifyAll();
    }
}
