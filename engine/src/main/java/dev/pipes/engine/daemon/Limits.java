package dev.pipes.engine.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * How much a workflow takes on: jobs run at once, jobs waiting (a full queue answers 429), how
 * long and how many finished jobs are kept, and the largest query and output of one job.
 */
public record Limits(int concurrency, int queue, Duration keep, int keepJobs, long maxQueryBytes, long maxOutputBytes) {
    public static final Limits DEFAULTS = new Limits(8, 1024, Duration.ofHours(1), 10_000, 16L << 20, 64L << 20);
    static final int MAX_CONCURRENCY = 1024;

    public Limits {
        check(concurrency >= 1 && concurrency <= MAX_CONCURRENCY, "concurrency must be between 1 and " + MAX_CONCURRENCY);
        check(queue >= 0 && queue <= 1_000_000, "the queue must hold between 0 and 1000000 jobs");
        check(!keep.isNegative(), "the time results are kept must not be negative");
        check(keepJobs >= 1, "at least one finished job must be kept");
        check(maxQueryBytes >= 1, "the largest query must be at least one byte");
        check(maxOutputBytes >= 1, "the largest output must be at least one byte");
    }

    private static void check(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }

    public Limits withConcurrency(int n) {
        return new Limits(n, queue, keep, keepJobs, maxQueryBytes, maxOutputBytes);
    }

    public Limits withQueue(int n) {
        return new Limits(concurrency, n, keep, keepJobs, maxQueryBytes, maxOutputBytes);
    }

    public Limits withKeep(Duration d) {
        return new Limits(concurrency, queue, d, keepJobs, maxQueryBytes, maxOutputBytes);
    }

    public Limits withKeepJobs(int n) {
        return new Limits(concurrency, queue, keep, n, maxQueryBytes, maxOutputBytes);
    }

    public Limits withMaxQuery(long bytes) {
        return new Limits(concurrency, queue, keep, keepJobs, bytes, maxOutputBytes);
    }

    public Limits withMaxOutput(long bytes) {
        return new Limits(concurrency, queue, keep, keepJobs, maxQueryBytes, bytes);
    }

    ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("concurrency", concurrency);
        node.put("queue", queue);
        node.put("keep_seconds", keep.toSeconds());
        node.put("keep_jobs", keepJobs);
        node.put("max_query_bytes", maxQueryBytes);
        node.put("max_output_bytes", maxOutputBytes);
        return node;
    }

    /** Reads what {@link #toJson} wrote; a missing field takes its default. */
    static Limits fromJson(JsonNode node) {
        if (node == null || !node.isObject()) return DEFAULTS;
        return new Limits(node.path("concurrency").asInt(DEFAULTS.concurrency),
                node.path("queue").asInt(DEFAULTS.queue),
                Duration.ofSeconds(node.path("keep_seconds").asLong(DEFAULTS.keep.toSeconds())),
                node.path("keep_jobs").asInt(DEFAULTS.keepJobs),
                node.path("max_query_bytes").asLong(DEFAULTS.maxQueryBytes),
                node.path("max_output_bytes").asLong(DEFAULTS.maxOutputBytes));
    }
}
