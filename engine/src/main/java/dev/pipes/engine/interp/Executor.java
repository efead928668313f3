package dev.pipes.engine.interp;

import dev.pipes.engine.plan.Joint;
import dev.pipes.engine.plan.Plan;
import dev.pipes.engine.plan.Stage;
import dev.pipes.engine.world.Channel;
import dev.pipes.engine.world.FdTable;
import dev.pipes.engine.world.ProcessGroup;
import dev.pipes.engine.world.Redirections;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Runs a {@link Plan}: applies each stage's redirections, joins adjacent local processes (local
 * commands and fused services) with OS pipes (ProcessBuilder.startPipeline), starts each run of
 * adjacent services run by agents through the service runtime, runs in-process stages in threads
 * on copies of the shell state joined by in-process pipes, and collects every stage's status.
 */
final class Executor {
    private static final Path DEV_NULL = Path.of("/dev/null");

    private final StageRunner runner;
    private final Consumer<String> errors;

    /** {@code errors} prints one error line located at the command being run. */
    Executor(StageRunner runner, Consumer<String> errors) {
        this.runner = runner;
        this.errors = errors;
    }

    /** Runs the plan in the foreground and returns the status of each stage. */
    List<Integer> runForeground(Plan plan, ShellState state) {
        if (plan.stages().size() == 1 && plan.stages().get(0).inProcess()) {
            return List.of(runInCurrentShell(plan.stages().get(0), state));
        }
        List<StageHandle> handles = launch(plan, state, false, state.processGroup);
        List<Integer> statuses = new ArrayList<>();
        for (StageHandle handle : handles) statuses.add(handle.await());
        return statuses;
    }

    /** Starts the plan in the background as a job; {@code $!} is its last process (or a job id). */
    Job runBackground(Plan plan, ShellState state) {
        ProcessGroup group = new ProcessGroup();
        List<StageHandle> handles = launch(plan, state, true, group);
        CompletableFuture<List<Integer>> statuses = new CompletableFuture<>();
        Thread waiter = Thread.ofPlatform().daemon().name("pipesh-job").unstarted(() -> {
            List<Integer> all = new ArrayList<>();
            for (StageHandle handle : handles) all.add(handle.await());
            if (group.killed()) all.replaceAll(s -> s == 0 ? 143 : s);
            statuses.complete(all);
        });
        long pid = handles.get(handles.size() - 1).pid();
        Job job = state.jobs.add(plan.text().strip(), pid > 0 ? pid : syntheticPid(), group, statuses);
        waiter.start();
        return job;
    }

    private static long nextSynthetic = 4_194_304;

    /** A job without a process of its own still needs an id for {@code $!}; above Linux's pid_max. */
    private static synchronized long syntheticPid() {
        return ++nextSynthetic;
    }

    private int runInCurrentShell(Stage stage, ShellState state) {
        boolean noclobber = state.has(Options.Option.NOCLOBBER);
        Redirections.Applied applied;
        try {
            applied = Redirections.apply(state.fds, stage.redirects(), state::resolve, noclobber);
        } catch (Redirections.RedirectionException e) {
            errors.accept(e.getMessage());
            return 1;
        }
        if (stage instanceof Stage.Builtin b && b.argv().size() == 1 && b.argv().get(0).equals("exec")) {
            state.fds = applied.table(); // exec without a command: the redirections stay for the shell
            return 0;
        }
        FdTable saved = state.fds;
        state.fds = applied.table();
        try {
            return runner.run(stage, state);
        } finally {
            state.fds = saved;
            applied.close();
        }
    }

    private List<StageHandle> launch(Plan plan, ShellState state, boolean background, ProcessGroup group) {
        List<Stage> stages = plan.stages();
        int n = stages.size();
        FdTable base = state.fds;
        // as bash: a job reads /dev/null instead of the shell's own input, but keeps an input
        // that was redirected or piped to the code that starts it
        if (background && java.util.Objects.equals(base.get(0), state.initialStdin)) {
            try {
                base = base.with(0, Channel.open(DEV_NULL, false, false));
            } catch (IOException e) {
                // no /dev/null: the job keeps the shell's input
            }
        }
        Redirections.Applied[] applied = new Redirections.Applied[n];
        for (int i = 0; i < n; i++) {
            FdTable table = base;
            if (i > 0) table = table.with(0, new Channel.PipeEnd(i - 1, false));
            if (i < n - 1) table = table.with(1, new Channel.PipeEnd(i, true));
            try {
                applied[i] = Redirections.apply(table, stages.get(i).redirects(), state::resolve,
                        state.has(Options.Option.NOCLOBBER));
            } catch (Redirections.RedirectionException e) {
                errors.accept(e.getMessage());
            }
        }
        boolean[] osJoint = new boolean[Math.max(0, n - 1)];
        Pipe[] javaPipes = new Pipe[Math.max(0, n - 1)];
        for (int i = 0; i + 1 < n; i++) {
            osJoint[i] = plan.joints().get(i) == Joint.OS_PIPE && applied[i] != null && applied[i + 1] != null
                    && new Channel.PipeEnd(i, true).equals(applied[i].table().get(1))
                    && (!(applied[i].table().get(2) instanceof Channel.PipeEnd)
                        || new Channel.PipeEnd(i, true).equals(applied[i].table().get(2)))
                    && new Channel.PipeEnd(i, false).equals(applied[i + 1].table().get(0));
            if (!osJoint[i]) {
                try {
                    javaPipes[i] = Pipe.open();
                } catch (IOException e) {
                    throw new ShellError("cannot create a pipe: " + e.getMessage());
                }
            }
        }
        PipeEnds ends = new PipeEnds(javaPipes);
        StageHandle[] handles = new StageHandle[n];
        int i = 0;
        while (i < n) {
            Stage stage = stages.get(i);
            if (applied[i] == null) {
                handles[i] = StageHandle.finished(1);
                i++;
            } else if (stage.localProcess()) {
                int last = i;
                while (last < n - 1 && osJoint[last]) last++;
                List<StageHandle> segment = new ProcessSegment(state, group, ends)
                        .start(stages.subList(i, last + 1), Arrays.asList(applied).subList(i, last + 1), errors);
                for (int k = i; k <= last; k++) handles[k] = segment.get(k - i);
                i = last + 1;
            } else if (stage instanceof Stage.Service) {
                // adjacent service stages start together: they stream to each other, not through the shell
                int last = i;
                // (a fused service next to them is a local process: it starts with its own OS-pipe neighbours)
                while (last < n - 1 && stages.get(last + 1) instanceof Stage.Service next && !next.localProcess()
                        && applied[last + 1] != null) last++;
                List<StageHandle> segment = ServiceSegment.start(stages.subList(i, last + 1),
                        Arrays.asList(applied).subList(i, last + 1), i, state, group, ends, errors);
                for (int k = i; k <= last; k++) handles[k] = segment.get(k - i);
                i = last + 1;
            } else {
                handles[i] = startThread(stage, applied[i], state, group, ends);
                i++;
            }
        }
        ends.closeUnused(applied);
        return List.of(handles);
    }

    private StageHandle startThread(Stage stage, Redirections.Applied applied, ShellState state, ProcessGroup group,
                                    PipeEnds ends) {
        ShellState copy = state.copy();
        copy.processGroup = group;
        copy.fds = ends.toStreams(applied.table());
        CompletableFuture<Integer> status = new CompletableFuture<>();
        Thread thread = Thread.ofPlatform().name("pipesh-stage").stackSize(Interpreter.STACK_BYTES).unstarted(() -> {
            int result = 1;
            try {
                result = runner.run(stage, copy);
            } catch (ControlFlow.Exit exit) {
                result = exit.status;
            } catch (RuntimeException e) {
                errors.accept(e.getMessage() == null ? e.toString() : e.getMessage());
            } finally {
                ends.closeAll(applied.table());
                applied.close();
                group.remove(Thread.currentThread());
                status.complete(result);
            }
        });
        group.add(thread);
        thread.start();
        return StageHandle.of(status, -1);
    }

    /** The in-process pipes of one pipeline, and which end of each a stage holds. */
    static final class PipeEnds {
        private final Pipe[] pipes;
        private final java.util.Map<Channel.PipeEnd, Channel.Stream> streams = new java.util.HashMap<>();

        PipeEnds(Pipe[] pipes) {
            this.pipes = pipes;
        }

        boolean isJava(Channel.PipeEnd end) {
            return pipes[end.index()] != null;
        }

        synchronized Channel.Stream stream(Channel.PipeEnd end) {
            return streams.computeIfAbsent(end, e -> {
                Pipe pipe = pipes[e.index()];
                return e.writeEnd() ? Channel.Stream.writing(Channels.newOutputStream(pipe.sink()), "pipe")
                        : Channel.Stream.reading(Channels.newInputStream(pipe.source()), "pipe");
            });
        }

        FdTable toStreams(FdTable table) {
            FdTable out = table;
            for (var entry : table.channels().entrySet()) {
                if (entry.getValue() instanceof Channel.PipeEnd end && isJava(end)) out = out.with(entry.getKey(), stream(end));
            }
            return out;
        }

        void closeAll(FdTable table) {
            for (Channel channel : table.channels().values()) {
                if (channel instanceof Channel.PipeEnd end && isJava(end)) close(end);
            }
        }

        void close(Channel.PipeEnd end) {
            Pipe pipe = pipes[end.index()];
            Bridges.quietly(end.writeEnd() ? pipe.sink() : pipe.source());
        }

        /** Closes the ends nobody holds, so that a reader whose writer redirected elsewhere sees EOF. */
        void closeUnused(Redirections.Applied[] applied) {
            for (int j = 0; j < pipes.length; j++) {
                if (pipes[j] == null) continue;
                for (boolean writeEnd : new boolean[] {true, false}) {
                    Channel.PipeEnd end = new Channel.PipeEnd(j, writeEnd);
                    int holder = writeEnd ? j : j + 1;
                    Redirections.Applied a = applied[holder];
                    if (a == null || !a.table().channels().containsValue(end)) close(end);
                }
            }
        }
    }
}
