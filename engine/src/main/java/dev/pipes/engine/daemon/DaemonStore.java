package dev.pipes.engine.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipes.engine.service.ConfigStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Daemon mode's part of the configuration store: {@code workflows/ID} (the spec),
 * {@code jobs/ID/JOB} (each kept job's last record) and {@code workflow-stats/ID} (jobs done and
 * failed since the workflow was deployed).
 */
public final class DaemonStore {
    private static final String WORKFLOWS = "workflows/";
    private static final String JOBS = "jobs/";
    private static final String STATS = "workflow-stats/";

    private final ConfigStore store;

    public DaemonStore(ConfigStore store) {
        this.store = store;
    }

    /** Every workflow; a corrupt entry is skipped and reported to {@code problems}. */
    public List<WorkflowSpec> workflows(java.util.function.Consumer<String> problems) {
        List<WorkflowSpec> out = new ArrayList<>();
        for (Map.Entry<String, String> e : store.list(WORKFLOWS).entrySet()) {
            try {
                out.add(WorkflowSpec.decode(e.getValue(), e.getKey()));
            } catch (IllegalArgumentException bad) {
                problems.accept(bad.getMessage());
            }
        }
        return out;
    }

    /** The workflow with this id or, failing that, this name. */
    public Optional<WorkflowSpec> find(String idOrName) {
        for (WorkflowSpec spec : workflows(problem -> { })) {
            if (spec.id().equals(idOrName)) return Optional.of(spec);
        }
        return workflows(problem -> { }).stream().filter(s -> s.name().equals(idOrName)).findFirst();
    }

    public void put(WorkflowSpec spec) {
        store.put(WORKFLOWS + spec.id(), spec.encode());
    }

    /** Removes the workflow, its kept jobs and its counters. */
    public void remove(String workflowId) {
        for (String key : store.list(JOBS + workflowId + "/").keySet()) store.delete(key);
        store.delete(STATS + workflowId);
        store.delete(WORKFLOWS + workflowId);
    }

    public void putJob(JobRecord job) {
        store.put(JOBS + job.workflowId() + "/" + job.id(), job.encode());
    }

    public Optional<JobRecord> job(String workflowId, String jobId) {
        if (!Ids.valid(jobId)) return Optional.empty();
        String key = JOBS + workflowId + "/" + jobId;
        return store.get(key).map(text -> JobRecord.decode(text, key));
    }

    public void removeJob(String workflowId, String jobId) {
        store.delete(JOBS + workflowId + "/" + jobId);
    }

    /** Every kept job of the workflow; corrupt entries are reported and dropped from the store. */
    public List<JobRecord> jobs(String workflowId, java.util.function.Consumer<String> problems) {
        List<JobRecord> out = new ArrayList<>();
        for (Map.Entry<String, String> e : store.list(JOBS + workflowId + "/").entrySet()) {
            try {
                out.add(JobRecord.decode(e.getValue(), e.getKey()));
            } catch (IllegalArgumentException bad) {
                problems.accept(bad.getMessage());
                store.delete(e.getKey());
            }
        }
        return out;
    }

    /** Jobs done, failed and canceled since the workflow was deployed. */
    public record Counts(long done, long failed, long canceled) {
        public static final Counts ZERO = new Counts(0, 0, 0);
    }

    public Counts counts(String workflowId) {
        return store.get(STATS + workflowId).map(text -> {
            JsonNode node = Json.parse(text, STATS + workflowId);
            return new Counts(node.path("done").asLong(), node.path("failed").asLong(), node.path("canceled").asLong());
        }).orElse(Counts.ZERO);
    }

    public void putCounts(String workflowId, Counts counts) {
        ObjectNode node = Json.object();
        node.put("done", counts.done());
        node.put("failed", counts.failed());
        node.put("canceled", counts.canceled());
        store.put(STATS + workflowId, Json.write(node));
    }
}
