package dev.pipes.engine.agent;

import dev.pipes.engine.stream.ChunkSink;
import dev.pipes.engine.stream.StreamSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Args mode: each input line, split on blanks, is appended to the stage's argv and run once, one
 * after the other, with standard input from /dev/null; the outputs follow each other in input
 * order. The status is that of the last invocation that failed, else 0.
 */
final class ArgsRunner implements StreamSink {
    static final int MAX_LINE = 1024 * 1024;

    private final RunRequest request;
    private final Execution execution;
    private final ChunkSink out;
    private final ChunkSink err;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int status;
    private boolean outputClosed;

    ArgsRunner(RunRequest request, Execution execution, ChunkSink out, ChunkSink err) {
        this.request = request;
        this.execution = execution;
        this.out = out;
        this.err = err;
    }

    Execution.Result result() {
        return new Execution.Result(execution.stopped() ? 143 : status, outputClosed);
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
            throw new IOException("an input line is longer than " + MAX_LINE + " bytes");
        }
    }

    @Override
    public void end() throws IOException {
        if (line.size() > 0) runLine();
    }

    private void runLine() throws IOException {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        List<String> words = new ArrayList<>();
        for (String word : text.strip().split("[ \t]+")) if (!word.isEmpty()) words.add(word);
        if (words.isEmpty()) return;
        if (execution.stopped()) throw new IOException("stopped");
        List<String> argv = new ArrayList<>(request.argv());
        argv.addAll(words);
        Process process;
        try {
            process = Executables.start(request, argv, true);
        } catch (dev.pipes.wamp.client.WampException e) {
            // args mode reports a command that cannot run on the stage's standard error, as a shell would
            status = 126;
            String message = e.args().isEmpty() ? e.error() : String.valueOf(e.args().get(0));
            if (err != null) err.write((message + "\n").getBytes(StandardCharsets.UTF_8));
            throw new IOException("cannot execute " + argv.get(0));
        }
        Execution.Result result = execution.runOnce(process, out, err);
        if (result.outputClosed()) {
            status = 141;
            outputClosed = true;
            throw new IOException("the reader of the output went away");
        }
        if (result.status() != 0) status = result.status();
    }
}
