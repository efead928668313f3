package dev.pipes.engine.daemon;

import dev.pipes.engine.interp.Interpreter;
import dev.pipes.engine.interp.ShellState;
import dev.pipes.engine.world.Channel;
import dev.pipes.engine.world.FdTable;
import dev.pipes.engine.world.ProcessLauncher;
import dev.pipes.engine.service.ServiceRuntime;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one job through the engine's public interface, as a script would run the pipeline: a fresh
 * shell (its own variables, descriptors and process group, so jobs never share output or get each
 * other's signals) whose standard input is the query, standard output the job's output, and each
 * stage's standard error a sink of its own. The query is bytes on a descriptor, never shell text.
 */
final class JobRunner {
    /** The name a job's shell-level errors go by in the log and the record. */
    static final String SHELL = "pipesh";
    /** SIGPIPE: a stage stopped because the next one stopped reading; not a failure of the job. */
    private static final int BROKEN_PIPE = 141;

    private final WorkflowSpec spec;
    private final PipelineShape shape;
    private final ServiceRuntime services;
    private final WorkflowLog log;
    private final Clock clock;

    JobRunner(WorkflowSpec spec, PipelineShape shape, ServiceRuntime services, WorkflowLog log, Clock clock) {
        this.spec = spec;
        this.shape = shape;
        this.services = services;
        this.log = log;
        this.clock = clock;
    }

    /** Runs the job to its end and returns its final record (the caller stores it). */
    JobRecord run(Job job) {
        JobRecord running = job.record().running(clock.instant());
        job.update(running);
        List<String> names = shape.stageNames();
        List<StageErrors> stageErrors = new ArrayList<>();
        StageErrors shellErrors = new StageErrors(log, job.id(), 0, SHELL);
        FdTable fds = FdTable.of(Channel.Stream.reading(new ByteArrayInputStream(job.input()), "query"),
                Channel.Stream.writing(job.output(), "job output"), Channel.Stream.writing(shellErrors, "job errors"));
        for (int k = 0; k < names.size(); k++) {
            StageErrors errors = new StageErrors(log, job.id(), k + 1, names.get(k));
            stageErrors.add(errors);
            fds = fds.with(PipelineShape.FIRST_STDERR_FD + k, Channel.Stream.writing(errors, names.get(k) + " stderr"));
        }
        Map<String, String> environment = new HashMap<>(spec.environment());
        environment.put("PIPES_JOB_ID", job.id());
        environment.put("PIPES_WORKFLOW", spec.name());
        ShellState state = new ShellState(environment, spec.cwd(), fds, ProcessLauncher.os(), services);
        state.sourceName = spec.name();
        job.attach(state);
        int status;
        try {
            status = new Interpreter(state).runScript(shape.script());
        } catch (RuntimeException e) {
            byte[] message = ("pipesh: " + e + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            shellErrors.write(message, 0, message.length);
            status = 1;
        }
        shellErrors.close();
        stageErrors.forEach(StageErrors::close);
        List<Integer> statuses = state.pipeStatus.size() == names.size() ? state.pipeStatus : null;
        List<StageResult> stages = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            Integer s = statuses == null ? null : statuses.get(k);
            stages.add(new StageResult(k + 1, names.get(k), s, s == null ? null : StageResult.signalOf(s),
                    stageErrors.get(k).tail()));
        }
        return conclude(job, running, status, stages, stageErrors, shellErrors);
    }

    private JobRecord conclude(Job job, JobRecord running, int status, List<StageResult> stages,
                               List<StageErrors> stageErrors, StageErrors shellErrors) {
        long outputBytes = job.output().size();
        String shellTail = shellErrors.tail();
        if (job.cancelRequested()) {
            return running.ended(JobStatus.CANCELED, clock.instant(), status == 0 ? 143 : status,
                    "canceled", stages, shellTail, outputBytes);
        }
        if (job.output().overflowed()) {
            return running.ended(JobStatus.FAILED, clock.instant(), status == 0 ? 1 : status,
                    "the output exceeds the workflow's limit of " + spec.limits().maxOutputBytes() + " bytes",
                    stages, shellTail, outputBytes);
        }
        for (StageResult stage : stages) {
            if (stage.status() == null || stage.status() == 0 || stage.status() == BROKEN_PIPE) continue;
            String why = describe(stage, stageErrors.get(stage.index() - 1).lastLine(), shellErrors.lastLine());
            return running.ended(JobStatus.FAILED, clock.instant(), stage.status(), why, stages, shellTail, outputBytes);
        }
        if (status != 0) {
            String why = shellErrors.lastLine().isEmpty() ? "the pipeline's status is " + status : shellErrors.lastLine();
            return running.ended(JobStatus.FAILED, clock.instant(), status, why, stages, shellTail, outputBytes);
        }
        return running.ended(JobStatus.DONE, clock.instant(), 0, "", stages, shellTail, outputBytes);
    }

    /** {@code stage 2 (upper) was killed by SIGKILL}, {@code stage 1 (grep) exited with status 2: grep: ...}. */
    static String describe(StageResult stage, String stageLastLine, String shellLastLine) {
        String what = "stage " + stage.index() + " (" + stage.name() + ")";
        String how = stage.signal() != null ? " was killed by SIG" + stage.signal()
                : stage.status() == 127 ? " could not be found (status 127)"
                : stage.status() == 126 ? " could not be started (status 126)"
                : " exited with status " + stage.status();
        String detail = !stageLastLine.isEmpty() ? stageLastLine : shellLastLine;
        return what + how + (detail.isEmpty() ? "" : ": " + detail);
    }
}
