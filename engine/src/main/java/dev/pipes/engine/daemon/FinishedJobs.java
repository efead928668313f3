package dev.pipes.engine.daemon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The finished jobs a workflow keeps, oldest first: at most {@code keepJobs} of them, each for
 * {@code keep} after its end. What falls out is handed to {@code forget}, which deletes its record
 * and output.
 */
final class FinishedJobs {
    private final Limits limits;
    private final Consumer<JobRecord> forget;
    private final LinkedHashMap<String, JobRecord> byId = new LinkedHashMap<>();

    FinishedJobs(Limits limits, Consumer<JobRecord> forget) {
        this.limits = limits;
        this.forget = forget;
    }

    void add(JobRecord job) {
        List<JobRecord> evicted = new ArrayList<>();
        synchronized (this) {
            byId.put(job.id(), job);
            Iterator<JobRecord> oldest = byId.values().iterator();
            while (byId.size() > limits.keepJobs() && oldest.hasNext()) {
                evicted.add(oldest.next());
                oldest.remove();
            }
        }
        evicted.forEach(forget);
    }

    synchronized Optional<JobRecord> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Forgets the jobs that ended more than {@code keep} before {@code now}. */
    void expire(Instant now) {
        Instant limit = now.minus(limits.keep());
        List<JobRecord> expired = new ArrayList<>();
        synchronized (this) {
            for (Iterator<Map.Entry<String, JobRecord>> it = byId.entrySet().iterator(); it.hasNext(); ) {
                JobRecord job = it.next().getValue();
                if (job.ended() != null && !job.ended().isAfter(limit)) {
                    expired.add(job);
                    it.remove();
                }
            }
        }
        expired.forEach(forget);
    }

    /** The latest {@code max} jobs, newest first. */
    synchronized List<JobRecord> latest(int max) {
        List<JobRecord> all = new ArrayList<>(byId.values());
        List<JobRecord> out = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && out.size() < max; i--) out.add(all.get(i));
        return out;
    }

    synchronized int size() {
        return byId.size();
    }
}
