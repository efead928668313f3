package dev.pipes.engine.interp;

import dev.pipes.engine.world.ProcessGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/** The background jobs of one shell, numbered from 1 as {@code %1}, {@code %2}, ... */
public final class JobTable {
    private final Map<Integer, Job> jobs = new TreeMap<>();
    /** Statuses of jobs already waited for, by pid: {@code wait PID} for one of them gives its status again, as in bash. */
    private final Map<Long, Integer> waitedStatuses = new java.util.HashMap<>();

    public JobTable() {}

    /** A subshell's table: it lists the parent's jobs (as {@code jobs | cat} does in bash); new jobs stay its own. */
    public synchronized JobTable snapshot() {
        JobTable copy = new JobTable();
        copy.jobs.putAll(jobs);
        copy.waitedStatuses.putAll(waitedStatuses);
        return copy;
    }

    public synchronized Job add(String command, long pid, ProcessGroup group, CompletableFuture<List<Integer>> statuses) {
        int id = 1;
        while (jobs.containsKey(id)) id++;
        Job job = new Job(id, command, pid, group, statuses);
        jobs.put(id, job);
        return job;
    }

    /**
     * Makes this table list exactly the jobs of {@code other}: the shell takes over the jobs of an
     * entry that went on as a background job (Ctrl-Z), the jobs it had started included.
     */
    public void replaceWith(JobTable other) {
        List<Job> theirs = other.all();
        synchronized (this) {
            jobs.clear();
            for (Job job : theirs) jobs.put(job.id(), job);
        }
    }

    public synchronized List<Job> all() {
        return new ArrayList<>(jobs.values());
    }

    /** The job named by a job spec ({@code %N}, {@code %%}, {@code %+}, {@code %-}, {@code %text}) or a pid. */
    public synchronized Job find(String spec) {
        if (spec.equals("%%") || spec.equals("%+") || spec.equals("%")) return current();
        if (spec.equals("%-")) {
            List<Job> list = new ArrayList<>(jobs.values());
            return list.size() >= 2 ? list.get(list.size() - 2) : current();
        }
        if (spec.startsWith("%")) {
            String rest = spec.substring(1);
            try {
                return jobs.get(Integer.parseInt(rest));
            } catch (NumberFormatException e) {
                for (Job job : jobs.values()) if (job.command().startsWith(rest)) return job;
                return null;
            }
        }
        try {
            long pid = Long.parseLong(spec);
            for (Job job : jobs.values()) if (job.pid() == pid) return job;
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    public synchronized Job current() {
        Job last = null;
        for (Job job : jobs.values()) last = job;
        return last;
    }

    public synchronized void remove(Job job) {
        jobs.remove(job.id());
    }

    /** Forgets a job that {@code wait} has waited for, remembering its status under its pid. */
    public synchronized void waited(Job job, int status) {
        jobs.remove(job.id());
        waitedStatuses.put(job.pid(), status);
    }

    /** Whether {@code wait} has already taken this job's status. */
    public synchronized boolean isWaited(Job job) {
        return !jobs.containsKey(job.id());
    }

    /** The status of a job already waited for, or {@code null}. */
    public synchronized Integer waitedStatus(String pid) {
        try {
            return waitedStatuses.get(Long.parseLong(pid));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Finished jobs not reported yet, as {@code jobs} prints them; they are then forgotten. */
    public synchronized List<String> takeFinishedReports() {
        List<String> lines = new ArrayList<>();
        Job current = current();
        for (Job job : jobs.values()) {
            if (job.done() && !job.reported()) {
                lines.add(job.describe(job == current));
                job.markReported();
            }
        }
        prune();
        return lines;
    }

    /** Forgets finished jobs that were already reported. */
    public synchronized void prune() {
        jobs.values().removeIf(job -> job.done() && job.reported());
    }
}
