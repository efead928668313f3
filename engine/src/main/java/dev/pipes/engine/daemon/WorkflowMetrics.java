package dev.pipes.engine.daemon;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A workflow's counters for {@code GET /metrics}, in the Prometheus text format: jobs by final
 * status, jobs refused because the queue was full, bytes in and out, and a histogram of job
 * latency (from the query's arrival to the job's end).
 */
final class WorkflowMetrics {
    static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300};

    private final AtomicLong done = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong canceled = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();
    private final AtomicLongArray buckets = new AtomicLongArray(BUCKETS.length + 1);
    private final AtomicLong latencyMicros = new AtomicLong();

    void ended(JobRecord job, double seconds) {
        switch (job.status()) {
            case DONE -> done.incrementAndGet();
            case CANCELED -> canceled.incrementAndGet();
            default -> failed.incrementAndGet();
        }
        bytesIn.addAndGet(job.inputBytes());
        bytesOut.addAndGet(job.outputBytes());
        int bucket = 0;
        while (bucket < BUCKETS.length && seconds > BUCKETS[bucket]) bucket++;
        buckets.incrementAndGet(bucket);
        latencyMicros.addAndGet((long) (seconds * 1e6));
    }

    void rejected() {
        rejected.incrementAndGet();
    }

    /** The text exposition; {@code queued} and {@code running} are the live gauges. */
    String render(String workflow, int queued, int running, DaemonStore.Counts sinceDeploy) {
        String label = "workflow=\"" + workflow.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        StringBuilder out = new StringBuilder();
        out.append("# HELP pipes_jobs_total Jobs that ended since the daemon started, by final status.\n");
        out.append("# TYPE pipes_jobs_total counter\n");
        line(out, "pipes_jobs_total", label + ",status=\"done\"", done.get());
        line(out, "pipes_jobs_total", label + ",status=\"failed\"", failed.get());
        line(out, "pipes_jobs_total", label + ",status=\"canceled\"", canceled.get());
        out.append("# HELP pipes_jobs_rejected_total Queries refused with 429 because the queue was full.\n");
        out.append("# TYPE pipes_jobs_rejected_total counter\n");
        line(out, "pipes_jobs_rejected_total", label, rejected.get());
        out.append("# HELP pipes_jobs Jobs now queued or running.\n");
        out.append("# TYPE pipes_jobs gauge\n");
        line(out, "pipes_jobs", label + ",status=\"queued\"", queued);
        line(out, "pipes_jobs", label + ",status=\"running\"", running);
        out.append("# HELP pipes_workflow_jobs Jobs that ended since the workflow was deployed, by final status.\n");
        out.append("# TYPE pipes_workflow_jobs gauge\n");
        line(out, "pipes_workflow_jobs", label + ",status=\"done\"", sinceDeploy.done());
        line(out, "pipes_workflow_jobs", label + ",status=\"failed\"", sinceDeploy.failed());
        line(out, "pipes_workflow_jobs", label + ",status=\"canceled\"", sinceDeploy.canceled());
        out.append("# HELP pipes_query_bytes_total Bytes of queries given to jobs.\n");
        out.append("# TYPE pipes_query_bytes_total counter\n");
        line(out, "pipes_query_bytes_total", label, bytesIn.get());
        out.append("# HELP pipes_output_bytes_total Bytes of output jobs produced.\n");
        out.append("# TYPE pipes_output_bytes_total counter\n");
        line(out, "pipes_output_bytes_total", label, bytesOut.get());
        out.append("# HELP pipes_job_duration_seconds Time from a query's arrival to its job's end.\n");
        out.append("# TYPE pipes_job_duration_seconds histogram\n");
        long cumulative = 0;
        for (int i = 0; i < BUCKETS.length; i++) {
            cumulative += buckets.get(i);
            line(out, "pipes_job_duration_seconds_bucket", label + ",le=\"" + format(BUCKETS[i]) + "\"", cumulative);
        }
        cumulative += buckets.get(BUCKETS.length);
        line(out, "pipes_job_duration_seconds_bucket", label + ",le=\"+Inf\"", cumulative);
        out.append("pipes_job_duration_seconds_sum{").append(label).append("} ")
                .append(String.format(Locale.ROOT, "%.6f", latencyMicros.get() / 1e6)).append('\n');
        line(out, "pipes_job_duration_seconds_count", label, cumulative);
        return out.toString();
    }

    private static void line(StringBuilder out, String name, String labels, long value) {
        out.append(name).append('{').append(labels).append("} ").append(value).append('\n');
    }

    private static String format(double bound) {
        String text = String.format(Locale.ROOT, "%s", bound);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
