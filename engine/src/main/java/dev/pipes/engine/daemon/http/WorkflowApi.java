package dev.pipes.engine.daemon.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipes.engine.daemon.Job;
import dev.pipes.engine.daemon.JobRecord;
import dev.pipes.engine.daemon.Json;
import dev.pipes.engine.daemon.Tokens;
import dev.pipes.engine.daemon.Workflow;
import dev.pipes.engine.daemon.WorkflowSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP API of one workflow, as plain request-to-response logic (the Netty handler only moves
 * bytes): {@code POST /} runs a query as a job, {@code /jobs/ID} answers for it, {@code /health}
 * and {@code /metrics} for the workflow. Every request but {@code /health} needs the workflow's
 * token unless it was deployed without one, or comes through the daemon's control port.
 */
public final class WorkflowApi {
    /** The longest a {@code ?wait=1} request waits; then it gets the job as it is (202). */
    static final Duration MAX_WAIT = Duration.ofMinutes(5);
    private static final Pattern JOB = Pattern.compile("/jobs/([^/]+)/?");
    private static final Pattern OUTPUT = Pattern.compile("/jobs/([^/]+)/output/?");

    private final Workflow workflow;

    public WorkflowApi(Workflow workflow) {
        this.workflow = workflow;
    }

    /**
     * Answers {@code request}. {@code trusted}: it came with the daemon's admin key; {@code base}:
     * the path under which this API is reached ({@code ""} on its own port), for {@code Location}.
     */
    public ApiResponse handle(ApiRequest request, boolean trusted, String base) {
        String path = request.path();
        if (path.equals("/health")) return only(request, "GET", () -> health());
        if (!trusted) {
            ApiResponse.Full refused = authorize(request);
            if (refused != null) return refused;
        }
        if (path.equals("/") || path.equals("/jobs") || path.equals("/jobs/")) {
            if (request.method().equals("POST")) return submit(request, base);
            if (request.method().equals("GET")) return path.equals("/") ? describe(request, base) : list(request);
            return notAllowed("GET, POST");
        }
        if (path.equals("/metrics")) {
            return only(request, "GET", () -> new ApiResponse.Full(200, "text/plain; version=0.0.4; charset=utf-8",
                    workflow.metrics().getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of()));
        }
        Matcher output = OUTPUT.matcher(path);
        if (output.matches()) return only(request, "GET", () -> output(output.group(1)));
        Matcher job = JOB.matcher(path);
        if (job.matches()) {
            String id = job.group(1);
            return switch (request.method()) {
                case "GET" -> get(request, id, base);
                case "DELETE" -> cancel(request, id, base);
                default -> notAllowed("GET, DELETE");
            };
        }
        return ApiResponse.error(404, "no such path: " + path + " (the API has POST /, GET /jobs/ID, GET /jobs/ID/output, "
                + "DELETE /jobs/ID, GET /health and GET /metrics)");
    }

    private ApiResponse.Full authorize(ApiRequest request) {
        WorkflowSpec spec = workflow.spec();
        if (!spec.requiresToken()) return null;
        Optional<String> token = request.bearerToken();
        if (token.isEmpty()) {
            return ApiResponse.error(401, request.header("authorization").isPresent()
                    ? "the Authorization header must be 'Bearer TOKEN'"
                    : "this workflow needs its token: send 'Authorization: Bearer TOKEN' (pipes run -d printed it)")
                    .withHeader("WWW-Authenticate", "Bearer realm=\"pipes\"");
        }
        if (!Tokens.matches(token.get(), spec.tokenHash())) {
            return ApiResponse.error(401, "wrong token for workflow " + spec.name())
                    .withHeader("WWW-Authenticate", "Bearer realm=\"pipes\", error=\"invalid_token\"");
        }
        return null;
    }

    private ApiResponse submit(ApiRequest request, String base) {
        byte[] query;
        try {
            query = QueryBody.of(request);
        } catch (UnsupportedOperationException e) {
            return ApiResponse.error(415, e.getMessage());
        } catch (IllegalArgumentException e) {
            return ApiResponse.error(400, e.getMessage());
        }
        long max = workflow.spec().limits().maxQueryBytes();
        if (query.length > max) return ApiResponse.error(413, "the query has " + query.length + " bytes; this workflow takes at most " + max);
        Job job;
        try {
            job = workflow.submit(query, !request.waits());
        } catch (Workflow.Refused e) {
            return e.reason() == Workflow.Refused.Reason.QUEUE_FULL
                    ? ApiResponse.error(429, e.getMessage()).withHeader("Retry-After", "1")
                    : ApiResponse.error(503, e.getMessage());
        }
        boolean json = request.wantsJson();
        if (request.waits()) return whenEnded(job.id(), json, base);
        String location = base + "/jobs/" + job.id();
        ApiResponse.Full accepted;
        if (json) {
            ObjectNode node = Json.object();
            node.put("id", job.id());
            node.put("status", job.record().status().word());
            node.put("location", location);
            node.put("output", location + "/output");
            accepted = ApiResponse.json(202, node);
        } else {
            accepted = ApiResponse.text(202, job.id() + "\n");
        }
        return accepted.withHeader("Location", location);
    }

    private ApiResponse get(ApiRequest request, String id, String base) {
        Optional<Workflow.JobView> view = workflow.job(id);
        if (view.isEmpty()) return unknownJob(id);
        if (request.waits() && !view.get().record().status().ended()) return whenEnded(id, request.wantsJson(), base);
        return JobRepresentation.of(view.get(), request.wantsJson(), base);
    }

    private ApiResponse whenEnded(String id, boolean json, String base) {
        Optional<Workflow.JobView> view = workflow.job(id);
        if (view.isEmpty()) return unknownJob(id);
        CompletableFuture<ApiResponse> answer = view.get().ended()
                .completeOnTimeout(null, MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(ended -> workflow.job(id).<ApiResponse>map(v -> JobRepresentation.of(v, json, base))
                        .orElseGet(() -> unknownJob(id)));
        return new ApiResponse.Deferred(answer);
    }

    private ApiResponse cancel(ApiRequest request, String id, String base) {
        return switch (workflow.cancel(id)) {
            case UNKNOWN -> unknownJob(id);
            case ALREADY_ENDED -> ApiResponse.error(409, "job " + id + " already ended ("
                    + workflow.job(id).map(v -> v.record().status().word()).orElse("gone") + "); there is nothing to cancel");
            case CANCELED -> {
                Workflow.JobView view = workflow.job(id).orElseThrow();
                CompletableFuture<ApiResponse> answer = view.ended()
                        .completeOnTimeout(null, 10, TimeUnit.SECONDS)
                        .thenApply(ended -> workflow.job(id).<ApiResponse>map(v ->
                                ApiResponse.json(v.record().status().ended() ? 200 : 202, JobRepresentation.toJson(v, base)))
                                .orElseGet(() -> unknownJob(id)));
                yield new ApiResponse.Deferred(answer);
            }
        };
    }

    private ApiResponse output(String id) {
        Optional<Workflow.JobView> view = workflow.job(id);
        if (view.isEmpty()) return unknownJob(id);
        return new ApiResponse.Streamed(view.get().output(), view.get().ended(), Map.of());
    }

    private ApiResponse list(ApiRequest request) {
        int limit = request.parameter("limit").map(WorkflowApi::positive).orElse(100);
        ArrayNode jobs = Json.MAPPER.createArrayNode();
        for (JobRecord job : workflow.recentJobs(limit)) {
            ObjectNode node = Json.object();
            node.put("id", job.id());
            node.put("status", job.status().word());
            Json.putTime(node, "created", job.created());
            Json.putTime(node, "ended", job.ended());
            if (job.exitStatus() == null) node.putNull("exit_status");
            else node.put("exit_status", job.exitStatus());
            jobs.add(node);
        }
        if (request.wantsJson()) return ApiResponse.json(200, jobs);
        StringBuilder text = new StringBuilder();
        for (var job : jobs) text.append(job.get("id").asText()).append(' ').append(job.get("status").asText()).append('\n');
        return ApiResponse.text(200, text.toString());
    }

    private ApiResponse describe(ApiRequest request, String base) {
        ObjectNode node = describe(workflow);
        node.put("api", base.isEmpty() ? "/" : base + "/");
        if (request.wantsJson()) return ApiResponse.json(200, node);
        return ApiResponse.text(200, "workflow " + workflow.spec().name() + ": " + workflow.spec().pipeline() + "\n"
                + "POST a query (curl --data-urlencode query=DATA URL), then GET /jobs/ID; see docs/daemon.md\n");
    }

    /** The workflow as {@code ps --format json} and {@code GET /} show it. */
    public static ObjectNode describe(Workflow workflow) {
        WorkflowSpec spec = workflow.spec();
        ObjectNode node = Json.object();
        node.put("id", spec.id());
        node.put("name", spec.name());
        node.put("pipeline", spec.pipeline());
        ArrayNode stages = node.putArray("stages");
        workflow.shape().stageNames().forEach(stages::add);
        node.put("token_required", spec.requiresToken());
        node.put("concurrency", spec.limits().concurrency());
        node.put("queue", spec.limits().queue());
        node.put("queued", workflow.queuedCount());
        node.put("running", workflow.runningCount());
        node.put("jobs_done", workflow.counts().done());
        node.put("jobs_failed", workflow.counts().failed());
        node.put("jobs_canceled", workflow.counts().canceled());
        Json.putTime(node, "created", spec.created());
        Json.putTime(node, "started", workflow.started());
        node.put("uptime_seconds", Duration.between(workflow.started(), Instant.now()).toSeconds());
        return node;
    }

    private ApiResponse.Full health() {
        ObjectNode node = Json.object();
        node.put("status", "ok");
        node.put("workflow", workflow.spec().name());
        node.put("queued", workflow.queuedCount());
        node.put("running", workflow.runningCount());
        return ApiResponse.json(200, node);
    }

    private ApiResponse.Full unknownJob(String id) {
        return ApiResponse.error(404, "no job " + id + " in workflow " + workflow.spec().name()
                + " (finished jobs are kept for " + workflow.spec().limits().keep().toSeconds() + " s)");
    }

    static ApiResponse.Full notAllowed(String allowed) {
        return ApiResponse.error(405, "method not allowed here; use " + allowed).withHeader("Allow", allowed);
    }

    static ApiResponse only(ApiRequest request, String method, java.util.function.Supplier<ApiResponse> answer) {
        return request.method().equals(method) ? answer.get() : notAllowed(method);
    }

    private static int positive(String text) {
        try {
            return Math.max(1, Math.min(10_000, Integer.parseInt(text)));
        } catch (NumberFormatException e) {
            return 100;
        }
    }
}
