package dev.pipes.engine.agent;

import dev.pipes.engine.stream.BlockCutter;
import dev.pipes.engine.stream.ChunkSink;
import dev.pipes.engine.stream.JointInput;
import dev.pipes.engine.stream.Links;
import dev.pipes.engine.stream.StreamClosedException;
import dev.pipes.engine.stream.StreamSink;
import dev.pipes.engine.stream.StreamWriter;
import dev.pipes.wamp.client.WampException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code run} of a stage instance: opens its outputs (straight to the readers' endpoints when
 * the call names them), runs the executable over its input, once (a plain stage) or once per
 * block (a replica), ends its outputs and gives the status. A plain run whose executable cannot
 * start still ends its output, so the next stage gets its end of stream, then fails with
 * {@code pipes.error.exec_failed}; a replica reports that on its standard error and passes over
 * the block.
 */
final class AgentRun {
    private final RunRequest request;
    private final JointInput input;
    private final Links links;
    private final Execution execution;
    private volatile boolean stopped;

    AgentRun(RunRequest request, JointInput input, Links links) {
        this.request = request;
        this.input = input;
        this.links = links;
        this.execution = new Execution(request);
    }

    /** Runs to the end; the keyword arguments of the answer ({@code status}, and {@code signal}, {@code block}). */
    Map<String, Object> execute() {
        ChunkSink err = request.stderr() == null ? null
                : links.writer(request.stderr().procedure(), request.stderr().endpoints(), null);
        try {
            int[] outcome = request.joints().replicated() ? replica(err) : plain(err);
            return answer(outcome[0], outcome[1]);
        } finally {
            finish(err);
        }
    }

    /** A plain run: the executable once over the whole input; {status, -1}. */
    private int[] plain(ChunkSink err) {
        ChunkSink out = plainOutput();
        Execution.Result result;
        try {
            result = execution.run(feed(), out, err);
        } catch (WampException e) {
            input.reader().closeStream();
            finish(out);
            throw e;
        }
        if (result.outputClosed() && out != null) out.abort();
        else finish(out);
        return new int[] {stopped ? 143 : result.status(), -1};
    }

    private ChunkSink plainOutput() {
        List<RunRequest.Target> targets = request.output();
        if (targets.isEmpty()) return null;
        if (targets.size() == 1) return links.writer(targets.get(0).procedure(), targets.get(0).endpoints(), null);
        return new BlockCutter(writers(), request.joints().blockSize());
    }

    private List<StreamWriter> writers() {
        List<StreamWriter> writers = new ArrayList<>();
        for (RunRequest.Target t : request.output()) writers.add(links.writer(t.procedure(), t.endpoints(), request.joints().writer()));
        return writers;
    }

    /**
     * A replica: the executable once per block; block b's output is one stream to reader
     * {@code b mod M}. {status of the failing block with the highest index, or 0; that block}.
     */
    private int[] replica(ChunkSink err) {
        List<StreamWriter> outputs = writers();
        int status = 0;
        long failedBlock = -1;
        boolean execReported = false;
        try {
            JointInput.Block block;
            while (!stopped && (block = input.nextBlock()) != null) {
                StreamWriter out = outputs.isEmpty() ? null : outputs.get((int) (block.index() % outputs.size()));
                Execution.Result result;
                try {
                    result = execution.run(blockFeed(block), out, err);
                } catch (WampException e) {
                    if (!execReported) report(err, e);
                    execReported = true;
                    block.discard();
                    result = new Execution.Result(126, false);
                }
                if (result.outputClosed()) {
                    input.reader().closeStream(); // the stage's output went away: so does its input
                    return new int[] {141, (int) block.index()};
                }
                if (out != null) out.endStream();
                if (result.status() != 0) {
                    status = result.status();
                    failedBlock = block.index();
                }
            }
            for (StreamWriter out : outputs) out.end();
        } catch (StreamClosedException | InterruptedException e) {
            outputs.forEach(StreamWriter::abort);
            return new int[] {143, (int) failedBlock};
        } catch (IOException e) {
            input.reader().closeStream();
            outputs.forEach(StreamWriter::abort);
            return new int[] {stopped ? 143 : 141, (int) failedBlock};
        }
        return new int[] {stopped ? 143 : status, (int) failedBlock};
    }

    private static void report(ChunkSink err, WampException e) {
        if (err == null) return;
        String message = (e.args().isEmpty() ? e.error() : String.valueOf(e.args().get(0))) + "\n";
        try {
            err.write(message.getBytes(StandardCharsets.UTF_8));
        } catch (IOException ignored) {
            // nobody reads the errors any more
        }
    }

    /** The whole input of a plain run. */
    private Execution.Feed feed() {
        return new Execution.Feed() {
            @Override public boolean copyTo(StreamSink sink) {
                return input.copyTo(sink) == JointInput.Outcome.COMPLETE;
            }

            @Override public void stop() {
                input.reader().closeStream();
            }
        };
    }

    /** One block of a replica's input; the process may stop reading early, the rest of the block is dropped. */
    private static Execution.Feed blockFeed(JointInput.Block block) {
        return new Execution.Feed() {
            @Override public boolean copyTo(StreamSink sink) {
                try {
                    return block.copyTo(sink);
                } catch (StreamClosedException | InterruptedException e) {
                    return false;
                }
            }

            @Override public void stop() {
                // the block is drained to its end by copyTo, so the next block starts where it should
            }
        };
    }

    private static Map<String, Object> answer(int status, int failedBlock) {
        Map<String, Object> kw = new LinkedHashMap<>();
        kw.put("status", status);
        String signal = dev.pipes.engine.world.Signals.nameOf(status);
        if (signal != null) kw.put("signal", signal);
        if (failedBlock >= 0) kw.put("block", failedBlock);
        return kw;
    }

    private static void finish(ChunkSink sink) {
        if (sink == null) return;
        try {
            sink.finish();
        } catch (IOException e) {
            // the reader went away; nothing left to tell it
        }
    }

    /** Stops the run from another thread (INTERRUPT): the process is terminated, the input closed. */
    void stop() {
        stopped = true;
        execution.stop();
        input.reader().closeStream();
    }
}
