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
        if (opensFifo(plan, state)) return runBackgroundAfterOpening(plan, state, group);
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

    /**
     * A job whose redirections open a FIFO: opening one blocks until the other side opens it too,
     * and in sh that wait happens in the forked child, never in the shell ({@code echo hi > f &
     * cat f}). Here the job's redirections are applied, and its stages started, in a thread of its
     * own on a copy of the shell state (what the child of a fork would have); {@code $!} is then a
     * job id, since no process exists yet when the shell goes on.
     */
    private Job runBackgroundAfterOpening(Plan plan, ShellState state, ProcessGroup group) {
        ShellState copy = state.copy();
        CompletableFuture<List<Integer>> statuses = new CompletableFuture<>();
        Thread starter = Thread.ofPlatform().daemon().name("pipesh-job-open").unstarted(() -> {
            List<Integer> all = new ArrayList<>();
            try {
                for (StageHandle handle : launch(plan, copy, true, group)) all.add(handle.await());
            } catch (RuntimeException e) {
                errors.accept(e.getMessage() == null ? e.toString() : e.getMessage());
                all.add(1);
            } finally {
                group.remove(Thread.currentThread());
            }
            if (group.killed()) all.replaceAll(s -> s == 0 ? 143 : s);
            statuses.complete(all);
        });
        group.add(starter);
        Job job = state.jobs.add(plan.text().strip(), syntheticPid(), group, statuses);
        starter.start();
        return job;
    }

    /** Whether one of the plan's redirections names an existing FIFO (its open would block). */
    private static boolean opensFifo(Plan plan, ShellState state) {
        for (Stage stage : plan.stages()) {
            for (dev.pipes.engine.plan.RedirectPlan redirect : stage.redirects()) {
                switch (redirect.op()) {
                    case READ, WRITE, APPEND, CLOBBER, READ_WRITE, OUT_AND_ERR, APPEND_OUT_AND_ERR -> {
                        if (isFifo(state.resolve(redirect.target()))) return true;
                    }
                    default -> { }
                }
            }
        }
        return false;
    }

    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;

    private static boolean isFifo(Path path) {
        try {
            Object mode = java.nio.file.Files.getAttribute(path, "unix:mode");
            return mode instanceof Integer m && (m & S_IFMT) == S_IFIFO;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false; // missing (it will be created as a regular file) or no unix view
        }
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
        Channel.Stream[][] javaPipes = new Channel.Stream[Math.max(0, n - 1)][];
        for (int i = 0; i + 1 < n; i++) {
            osJoint[i] = plan.joints().get(i) == Joint.OS_PIPE && applied[i] != null && applied[i + 1] != null
                    && new Channel.PipeEnd(i, true).equals(applied[i].table().get(1))
                    && (!(applied[i].table().get(2) instanceof Channel.PipeEnd)
                        || new Channel.PipeEnd(i, true).equals(applied[i].table().get(2)))
                    && new Channel.PipeEnd(i, false).equals(applied[i + 1].table().get(0));
            if (!osJoint[i]) {
                try {
                    javaPipes[i] = PipeEnds.open(state.launcher.spawnsNatively());
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

    /**
     * The in-process pipes of one pipeline, and which end of each a stage holds. Where processes
     * are spawned natively these are real pipes whose descriptors a process gets itself (a command
     * inside an in-process stage reads the pipe as after a fork, the shell reading nothing ahead);
     * elsewhere Java pipes that a copying thread joins to a process.
     */
    static final class PipeEnds {
        /** {@code pipes[j]} is {source, sink} of joint j, or null for an OS joint between two processes. */
        private final Channel.Stream[][] pipes;

        PipeEnds(Channel.Stream[][] pipes) {
            this.pipes = pipes;
        }

        static Channel.Stream[] open(boolean nativePipe) throws IOException {
            if (nativePipe) {
                dev.pipes.engine.world.FdStreams.Pipe pipe = dev.pipes.engine.world.FdStreams.pipe();
                return new Channel.Stream[] {Channel.Stream.reading(pipe.source(), "pipe"),
                        Channel.Stream.writing(pipe.sink(), "pipe")};
            }
            Pipe pipe = Pipe.open();
            return new Channel.Stream[] {Channel.Stream.reading(Channels.newInputStream(pipe.source()), "pipe"),
                    Channel.Stream.writing(Channels.newOutputStream(pipe.sink()), "pipe")};
        }

        boolean isJava(Channel.PipeEnd end) {
            return pipes[end.index()] != null;
        }

        Channel.Stream stream(Channel.PipeEnd end) {
            return pipes[end.index()][end.writeEnd() ? 1 : 0];
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
            Channel.Stream stream = stream(end);
            Bridges.quietly(end.writeEnd() ? stream.out() : stream.in());
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
