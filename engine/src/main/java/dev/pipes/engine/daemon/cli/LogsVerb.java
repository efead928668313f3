package dev.pipes.engine.daemon.cli;

import dev.pipes.engine.daemon.DaemonHome;
import dev.pipes.engine.daemon.DaemonStore;
import dev.pipes.engine.daemon.WorkflowLog;
import dev.pipes.engine.daemon.WorkflowSpec;
import dev.pipes.engine.service.FileConfigStore;
import dev.pipes.engine.verbs.PipesVerb;
import dev.pipes.engine.verbs.VerbCall;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;

/**
 * {@code pipes logs [-f] [-t] NAME|ID [STAGE]}: what the workflow's stages wrote on standard error,
 * one line per entry as {@code STAGE[JOB]: line} ({@code -t}: with the time first); STAGE is a
 * stage's name or number (1 for the first). {@code -f} keeps printing new lines until Ctrl-C or
 * until the workflow is removed. Reads the log file itself: no daemon needed.
 */
final class LogsVerb implements PipesVerb {
    private static final long POLL_MILLIS = 200;

    @Override
    public String name() {
        return "logs";
    }

    @Override
    public String usage() {
        return "pipes logs [-f] [-t] NAME|ID [STAGE]";
    }

    @Override
    public String summary() {
        return "show what a workflow's stages wrote on standard error (-f: follow)";
    }

    @Override
    public int run(VerbCall call) {
        VerbArgs args;
        try {
            args = VerbArgs.parse(call.args(), Set.of("-f", "--follow", "-t", "--timestamps"), Set.of());
        } catch (IllegalArgumentException e) {
            return call.usage(this, e.getMessage());
        }
        if (args.operands().isEmpty() || args.operands().size() > 2) return call.usage(this, "name one workflow, and at most one stage");
        DaemonHome home = DaemonVerbs.home(call);
        DaemonStore store = new DaemonStore(new FileConfigStore(home.store()));
        Optional<WorkflowSpec> spec = store.find(args.operands().get(0));
        if (spec.isEmpty()) return call.fail("no workflow named " + args.operands().get(0) + " (pipes ps -a lists them)");
        String stage = args.operands().size() == 2 ? args.operands().get(1) : null;
        boolean times = args.has("-t", "--timestamps");
        Path file = home.workflowLog(spec.get().id());
        try {
            for (WorkflowLog.Entry entry : WorkflowLog.read(file)) print(call, entry, stage, times);
            if (!args.has("-f", "--follow")) return 0;
            return follow(call, file, Files.exists(file) ? Files.size(file) : 0, stage, times,
                    () -> store.find(spec.get().id()).isPresent());
        } catch (IOException e) {
            return call.fail("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static void print(VerbCall call, WorkflowLog.Entry entry, String stage, boolean times) {
        if (!entry.matches(stage)) return;
        call.println((times ? entry.time() + " " : "") + entry.stage() + "[" + entry.jobId() + "]: " + entry.line());
    }

    /** Prints entries appended after {@code position}; a rotated file is read again from its start. */
    private static int follow(VerbCall call, Path file, long position, String stage, boolean times,
                              java.util.function.BooleanSupplier exists) throws IOException {
        ByteArrayOutputStream partial = new ByteArrayOutputStream();
        while (true) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return 130; // Ctrl-C
            }
            long size;
            try {
                size = Files.size(file);
            } catch (NoSuchFileException e) {
                if (!exists.getAsBoolean()) return 0; // the workflow was removed
                continue;
            }
            if (size < position) {
                position = 0; // rotated
                partial.reset();
            }
            if (size == position) continue;
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size - position, 1 << 20));
                int n = in.read(buffer, position);
                if (n <= 0) continue;
                position += n;
                for (int i = 0; i < n; i++) {
                    byte b = buffer.get(i);
                    if (b != '\n') {
                        partial.write(b);
                        continue;
                    }
                    WorkflowLog.Entry.parse(partial.toString(StandardCharsets.UTF_8)).ifPresent(e -> print(call, e, stage, times));
                    partial.reset();
                }
            } catch (NoSuchFileException e) {
                // rotated between size and open: the next round reads the new file
            }
        }
    }
}
