package dev.pipes.engine.agent;

import dev.pipes.engine.stream.OutputStreamSink;
import dev.pipes.engine.stream.StreamPump;
import dev.pipes.engine.stream.StreamReader;
import dev.pipes.engine.stream.StreamWriter;
import dev.pipes.wamp.client.WampClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A run whose input stream is the executable's standard input. */
final class StdinRun implements StageRun {
    private final WampClient client;
    private final StreamReader input;
    private final RunRequest request;
    private volatile Process process;
    private volatile boolean stopped;

    StdinRun(WampClient client, StreamReader input, RunRequest request) {
        this.client = client;
        this.input = input;
        this.request = request;
    }

    @Override
    public int execute() {
        Process p;
        try {
            p = Executables.start(request, request.argv(), false);
        } catch (RuntimeException e) {
            input.closeStream();
            throw e;
        }
        process = p;
        if (stopped) ProcessTree.terminate(p);
        input.attach(new OutputStreamSink(p.getOutputStream(), true));
        Thread out = pump("stdout", p.getInputStream(), request.output());
        Thread err = pump("stderr", p.getErrorStream(), request.stderr());
        int status;
        try {
            status = p.waitFor();
        } catch (InterruptedException e) {
            ProcessTree.terminate(p);
            status = 143;
        }
        input.closeStream();
        try {
            out.join();
            err.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return status;
    }

    private Thread pump(String what, InputStream from, String procedure) {
        return Thread.ofPlatform().daemon().name("pipes-agent-" + what).start(() -> {
            if (procedure == null) {
                discard(from);
                return;
            }
            StreamPump.Outcome outcome = StreamPump.run(from, new StreamWriter(client, procedure));
            if (outcome != StreamPump.Outcome.COMPLETE) {
                // the reader went away: close our end so the process gets SIGPIPE on its next write
                try {
                    from.close();
                } catch (IOException e) {
                    // already closed
                }
            }
        });
    }

    private static void discard(InputStream from) {
        try (from) {
            from.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the process is gone
        }
    }

    @Override
    public void stop() {
        stopped = true;
        Process p = process;
        if (p != null) Thread.ofPlatform().daemon().name("pipes-agent-stop").start(() -> ProcessTree.terminate(p));
    }
}
