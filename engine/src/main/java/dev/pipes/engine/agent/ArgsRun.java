package dev.pipes.engine.agent;

import dev.pipes.engine.stream.StreamPump;
import dev.pipes.engine.stream.StreamReader;
import dev.pipes.engine.stream.StreamSink;
import dev.pipes.engine.stream.StreamWriter;
import dev.pipes.wamp.client.WampClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A run in args mode: each input line, split on blanks, is appended to the stage's argv and run
 * once, one after the other, with standard input from /dev/null; the outputs follow each other
 * in input order. The status is that of the last invocation that failed, else 0.
 */
final class ArgsRun implements StageRun, StreamSink {
    static final int MAX_LINE = 1024 * 1024;

    private final WampClient client;
    private final StreamReader input;
    private final RunRequest request;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final CountDownLatch done = new CountDownLatch(1);
    private StreamWriter out;
    private StreamWriter err;
    private volatile Process current;
    private volatile boolean stopped;
    private int status;

    ArgsRun(WampClient client, StreamReader input, RunRequest request) {
        this.client = client;
        this.input = input;
        this.request = request;
    }

    @Override
    public int execute() {
        out = request.output() == null ? null : new StreamWriter(client, request.output());
        err = request.stderr() == null ? null : new StreamWriter(client, request.stderr());
        input.attach(this);
        try {
            done.await();
        } catch (InterruptedException e) {
            stop();
            return 143;
        }
        input.closeStream();
        finish(out);
        finish(err);
        return stopped ? 143 : status;
    }

    private static void finish(StreamWriter writer) {
        if (writer == null) return;
        try {
            writer.finish();
        } catch (IOException e) {
            // the reader went away; nothing left to tell it
        }
    }

    @Override
    public void write(byte[] data) throws IOException {
        int start = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] != '\n') continue;
            line.write(data, start, i - start);
            runLine();
            start = i + 1;
        }
        line.write(data, start, data.length - start);
        if (line.size() > MAX_LINE) {
            status = 1;
            done.countDown();
            throw new IOException("an input line is longer than " + MAX_LINE + " bytes");
        }
    }

    @Override
    public void end() throws IOException {
        if (line.size() > 0) runLine();
        done.countDown();
    }

    private void runLine() throws IOException {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        List<String> words = new ArrayList<>();
        for (String word : text.strip().split("[ \t]+")) if (!word.isEmpty()) words.add(word);
        if (words.isEmpty()) return;
        if (stopped) throw new IOException("stopped");
        List<String> argv = new ArrayList<>(request.argv());
        argv.addAll(words);
        Process p = Executables.start(request, argv, true);
        current = p;
        Thread errors = Thread.ofPlatform().daemon().name("pipes-agent-stderr").start(() -> copy(p.getErrorStream(), err));
        StreamPump.Outcome outcome = out == null ? discard(p) : StreamPump.copy(p.getInputStream(), out, false);
        if (outcome == StreamPump.Outcome.READER_CLOSED) {
            p.getInputStream().close();
            ProcessTree.terminate(p);
            status = 141;
            done.countDown();
            throw new IOException("the reader of the output went away");
        }
        try {
            int exit = p.waitFor();
            errors.join();
            if (exit != 0) status = exit;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    private static StreamPump.Outcome discard(Process p) {
        try {
            p.getInputStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the process is gone
        }
        return StreamPump.Outcome.COMPLETE;
    }

    private static void copy(java.io.InputStream from, StreamWriter to) {
        if (to == null) {
            try {
                from.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                // the process is gone
            }
            return;
        }
        StreamPump.copy(from, to, false);
    }

    @Override
    public void stop() {
        stopped = true;
        done.countDown();
        Process p = current;
        if (p != null) Thread.ofPlatform().daemon().name("pipes-agent-stop").start(() -> ProcessTree.terminate(p));
    }
}
