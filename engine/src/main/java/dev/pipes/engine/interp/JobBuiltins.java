package dev.pipes.engine.interp;

import dev.pipes.engine.world.ProcessSignals;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** jobs, fg, bg, wait, kill. pipesh has no terminal job control, so jobs run or finish; none is stopped. */
final class JobBuiltins {
    private static final Map<String, Integer> SIGNALS = Map.ofEntries(
            Map.entry("HUP", 1), Map.entry("INT", 2), Map.entry("QUIT", 3), Map.entry("KILL", 9), Map.entry("USR1", 10),
            Map.entry("USR2", 12), Map.entry("PIPE", 13), Map.entry("ALRM", 14), Map.entry("TERM", 15),
            Map.entry("CONT", 18), Map.entry("STOP", 19), Map.entry("TSTP", 20));

    private JobBuiltins() {}

    static void register(Builtins b) {
        b.add(new Builtin("jobs", "jobs [-l|-p] [JOB...]", "list the background jobs", JobBuiltins::jobs));
        b.add(new Builtin("fg", "fg [JOB]", "wait for a background job in the foreground", JobBuiltins::fg));
        b.add(new Builtin("bg", "bg [JOB]", "let a job run in the background (pipesh jobs always do)", JobBuiltins::bg));
        b.add(new Builtin("wait", "wait [JOB|PID...]", "wait for jobs to finish; the status of the last one",
                JobBuiltins::waitFor));
        b.add(new Builtin("kill", "kill [-s SIGNAL | -SIGNAL] JOB|PID... | kill -l",
                "send a signal (TERM by default) to jobs or processes", JobBuiltins::kill));
    }

    private static int jobs(BuiltinContext ctx, List<String> args) {
        boolean pids = args.contains("-p");
        boolean long_ = args.contains("-l");
        Job current = ctx.state.jobs.current();
        for (Job job : ctx.state.jobs.all()) {
            if (pids) ctx.println(Long.toString(job.pid()));
            else if (long_) ctx.println(job.describe(job == current).replaceFirst("  ", " " + job.pid() + " "));
            else ctx.println(job.describe(job == current));
            if (job.done()) job.markReported();
        }
        ctx.state.jobs.prune();
        return 0;
    }

    private static Job find(BuiltinContext ctx, List<String> args, String name) {
        String spec = args.size() > 1 ? args.get(1) : "%%";
        Job job = ctx.state.jobs.find(spec);
        if (job == null) ctx.fail(name, (args.size() > 1 ? spec : "current") + ": no such job");
        return job;
    }

    private static int fg(BuiltinContext ctx, List<String> args) {
        Job job = find(ctx, args, "fg");
        if (job == null) return 1;
        ctx.println(job.command());
        int status = awaitJob(job);
        ctx.state.jobs.remove(job);
        return status;
    }

    private static int bg(BuiltinContext ctx, List<String> args) {
        Job job = find(ctx, args, "bg");
        if (job == null) return 1;
        ctx.fail("bg", "job " + job.id() + " already in background");
        return 0;
    }

    /** {@code wait -n} (bash): waits for the next job to finish and returns its status; 127 when there is none. */
    private static int waitForNext(BuiltinContext ctx) {
        List<Job> jobs = ctx.state.jobs.all().stream().filter(j -> !ctx.state.jobs.isWaited(j)).toList();
        if (jobs.isEmpty()) return 127;
        try {
            java.util.concurrent.CompletableFuture.anyOf(jobs.stream().map(Job::finished)
                    .toArray(java.util.concurrent.CompletableFuture[]::new)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 143;
        } catch (java.util.concurrent.ExecutionException e) {
            // a failed job still counts as finished
        }
        for (Job job : jobs) {
            if (job.done()) {
                int status = awaitJob(job);
                ctx.state.jobs.waited(job, status);
                return status;
            }
        }
        return 127;
    }

    private static int awaitJob(Job job) {
        try {
            return job.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 143;
        }
    }

    private static int waitFor(BuiltinContext ctx, List<String> args) {
        if (args.size() >= 2 && args.get(1).equals("-n")) return waitForNext(ctx);
        if (args.size() == 1) {
            for (Job job : ctx.state.jobs.all()) {
                ctx.state.jobs.waited(job, awaitJob(job));
            }
            return 0;
        }
        int status = 0;
        for (String spec : args.subList(1, args.size())) {
            Job job = ctx.state.jobs.find(spec);
            Integer known = job == null ? ctx.state.jobs.waitedStatus(spec) : null;
            if (known != null) {
                status = known;
                continue;
            }
            if (job == null) {
                if (spec.startsWith("%")) {
                    ctx.fail("wait", spec + ": no such job");
                    status = 127;
                } else {
                    ctx.fail("wait", "pid " + spec + " is not a child of this shell");
                    status = 127;
                }
                continue;
            }
            status = awaitJob(job);
            ctx.state.jobs.waited(job, status);
        }
        return status;
    }

    private static int kill(BuiltinContext ctx, List<String> args) {
        if (args.size() > 1 && args.get(1).equals("-l")) {
            ctx.println(String.join(" ", SIGNALS.keySet().stream().sorted((a, b) -> SIGNALS.get(a) - SIGNALS.get(b)).toList()));
            return 0;
        }
        String signal = "TERM";
        int i = 1;
        if (i < args.size() && args.get(i).equals("-s") && i + 1 < args.size()) {
            signal = args.get(i + 1);
            i += 2;
        } else if (i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1) {
            signal = args.get(i).substring(1);
            i++;
        }
        Optional<String> name = signalName(signal);
        if (name.isEmpty()) return ctx.fail("kill", signal + ": invalid signal specification");
        if (i >= args.size()) {
            ctx.fail("kill", "usage: kill [-s SIGNAL | -SIGNAL] JOB|PID...");
            return 2;
        }
        int status = 0;
        for (String target : args.subList(i, args.size())) {
            Job job = ctx.state.jobs.find(target);
            if (job != null && (target.startsWith("%") || job.pid() > 4_194_304L || signalIsTermination(name.get()))) {
                if (signalIsTermination(name.get())) {
                    job.group().kill(name.get().equals("KILL"));
                    continue;
                }
                for (long pid : job.group().livePids()) status |= sendSignal(ctx, name.get(), pid);
                continue;
            }
            if (target.startsWith("%")) {
                status = ctx.fail("kill", target + ": no such job");
                continue;
            }
            try {
                status |= sendSignal(ctx, name.get(), Long.parseLong(target));
            } catch (NumberFormatException e) {
                status = ctx.fail("kill", target + ": arguments must be process or job IDs");
            }
        }
        return status;
    }

    /** The signals Java sends itself; a job then also stops its in-process stages. */
    private static boolean signalIsTermination(String name) {
        return name.equals("TERM") || name.equals("KILL");
    }

    private static Optional<String> signalName(String signal) {
        if (signal.equals("0")) return Optional.of("0");
        String upper = signal.toUpperCase();
        if (upper.startsWith("SIG")) upper = upper.substring(3);
        if (SIGNALS.containsKey(upper)) return Optional.of(upper);
        try {
            int number = Integer.parseInt(signal);
            return SIGNALS.entrySet().stream().filter(e -> e.getValue() == number).map(Map.Entry::getKey).findFirst();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Java can only send TERM and KILL itself; other signals go through the system's kill command. */
    private static int sendSignal(BuiltinContext ctx, String name, long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) return ctx.fail("kill", "(" + pid + ") - No such process");
        if (name.equals("0")) return 0; // signal 0 only asks whether the process exists
        boolean self = pid == ProcessHandle.current().pid();
        if (self) {
            // Java will not signal its own process; the system's kill does, and a trap set for the
            // signal runs before the next command (its handler notes it on a thread of its own)
            int status = systemKill(ctx, name, pid);
            if (status == 0) ctx.state.traps.awaitPending(name);
            return status;
        }
        if (name.equals("TERM")) return handle.get().destroy() ? 0 : ctx.fail("kill", "(" + pid + ") - Operation not permitted");
        if (name.equals("KILL")) return handle.get().destroyForcibly() ? 0 : ctx.fail("kill", "(" + pid + ") - Operation not permitted");
        return systemKill(ctx, name, pid);
    }

    private static int systemKill(BuiltinContext ctx, String name, long pid) {
        try {
            return ProcessSignals.send(name, List.of(pid), ProcessBuilder.Redirect.INHERIT) == 0 ? 0 : 1;
        } catch (IOException e) {
            return ctx.fail("kill", "cannot send SIG" + name + ": " + e.getMessage());
        }
    }
}
