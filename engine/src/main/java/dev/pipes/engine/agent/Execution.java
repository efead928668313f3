package dev.pipes.engine.agent;

import dev.pipes.engine.stream.ChunkSink;
import dev.pipes.engine.stream.OutputStreamSink;
import dev.pipes.engine.stream.StreamPump;
import dev.pipes.engine.stream.StreamSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Runs a stage's executable over one input: the whole input of a plain run, or one block of a
 * replica. In stdin mode the input is the process's standard input; in args mode each input line
 * runs the executable once ({@link ArgsRunner}). Standard output goes into {@code out} (or
 * nowhere), standard error into {@code err}; neither is ended here, so that a replica's blocks and
 * an args run's invocations follow each other in one stream.
 */
final class Execution {
    /** Where the input comes from: copies it into a sink and says whether the sink took all of it. */
    interface Feed {
        boolean copyTo(StreamSink sink);

        /** Stops a copy that waits for input the process will never read (it exited). */
        void stop();
    }

    /** How an execution ended: its status, and whether the reader of its output went away. */
    record Result(int status, boolean outputClosed) {}

    private final RunRequest request;
    private volatile Process current;
    private volatile boolean stopped;

    Execution(RunRequest request) {
        this.request = request;
    }

    Result run(Feed feed, ChunkSink out, ChunkSink err) {
        if (request.input() == RunRequest.InputMode.ARGS) {
            ArgsRunner lines = new ArgsRunner(request, this, out, err);
            feed.copyTo(lines);
            return lines.result();
        }
        Process p = Executables.start(request, request.argv(), false);
        return finishStdin(p, feed, out, err);
    }

    /** Starts one process (args mode: one line's invocation) and pumps its outputs until it exits. */
    Result runOnce(Process p, ChunkSink out, ChunkSink err) {
        current = p;
        if (stopped) ProcessTree.terminate(p);
        Pumps pumps = new Pumps(p, out, err);
        int status = waitFor(p);
        pumps.join();
        return new Result(stopped ? 143 : status, pumps.outputClosed);
    }

    private Result finishStdin(Process p, Feed feed, ChunkSink out, ChunkSink err) {
        current = p;
        if (stopped) ProcessTree.terminate(p);
        Thread feeder = Thread.ofPlatform().daemon().name("pipes-agent-stdin")
                .start(() -> feed.copyTo(new OutputStreamSink(p.getOutputStream(), true)));
        Pumps pumps = new Pumps(p, out, err);
        int status = waitFor(p);
        feed.stop();
        pumps.join();
        join(feeder);
        return new Result(stopped ? 143 : status, pumps.outputClosed);
    }

    private int waitFor(Process p) {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            ProcessTree.terminate(p);
            return 143;
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the run from another thread: the current process and its descendants are terminated. */
    void stop() {
        stopped = true;
        Process p = current;
        if (p != null) Thread.ofPlatform().daemon().name("pipes-agent-stop").start(() -> ProcessTree.terminate(p));
    }

    boolean stopped() {
        return stopped;
    }

    /** The threads that copy a process's standard output and standard error. */
    private static final class Pumps {
        private final Thread out;
        private final Thread err;
        volatile boolean outputClosed;

        Pumps(Process p, ChunkSink outSink, ChunkSink errSink) {
            out = Thread.ofPlatform().daemon().name("pipes-agent-stdout").start(() -> {
                if (copy(p.getInputStream(), outSink) == StreamPump.Outcome.READER_CLOSED) outputClosed = true;
            });
            err = Thread.ofPlatform().daemon().name("pipes-agent-stderr").start(() -> copy(p.getErrorStream(), errSink));
        }

        void join() {
            Execution.join(out);
            Execution.join(err);
        }

        private static StreamPump.Outcome copy(InputStream from, ChunkSink to) {
            if (to == null || to.failure() != null) {
                discard(from);
                return to == null ? StreamPump.Outcome.COMPLETE : StreamPump.Outcome.READER_CLOSED;
            }
            StreamPump.Outcome outcome = StreamPump.copy(from, to, false);
            if (outcome != StreamPump.Outcome.COMPLETE) {
                // the reader went away: close our end so the process gets SIGPIPE on its next write
                try {
                    from.close();
                } catch (IOException e) {
                    // already closed
                }
            }
            return outcome;
        }

        private static void discard(InputStream from) {
            try (from) {
                from.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                // the process is gone
            }
        }
    }
}
