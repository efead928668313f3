package dev.pipes.engine.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What is known about one job at a moment: an immutable value, replaced as the job moves on. The
 * store keeps the last one, so a restarted daemon still answers for the job.
 *
 * @param exitStatus the job's status in the shell's convention once it ended (null before)
 * @param error      why it failed or was canceled, naming the stage; empty when it succeeded
 * @param shellErrors the end of what the job's shell itself reported (a stage killed, a command not found)
 */
public record JobRecord(String id, String workflowId, JobStatus status, Instant created, Instant started, Instant ended,
                        Integer exitStatus, String error, List<StageResult> stages, String shellErrors,
                        long inputBytes, long outputBytes) {
    public JobRecord {
        stages = List.copyOf(stages);
        error = error == null ? "" : error;
        shellErrors = shellErrors == null ? "" : shellErrors;
    }

    public static JobRecord queued(String id, String workflowId, Instant now, long inputBytes) {
        return new JobRecord(id, workflowId, JobStatus.QUEUED, now, null, null, null, "", List.of(), "", inputBytes, 0);
    }

    public JobRecord running(Instant now) {
        return new JobRecord(id, workflowId, JobStatus.RUNNING, created, now, null, null, "", stages, "", inputBytes, 0);
    }

    public JobRecord ended(JobStatus finalStatus, Instant now, int exit, String why, List<StageResult> stageResults,
                           String shellTail, long output) {
        return new JobRecord(id, workflowId, finalStatus, created, started, now, exit, why, stageResults, shellTail,
                inputBytes, output);
    }

    /** From creation to end (or to {@code now} while it runs). */
    public Duration duration(Instant now) {
        return Duration.between(created, ended == null ? now : ended);
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("workflow", workflowId);
        node.put("status", status.word());
        Json.putTime(node, "created", created);
        Json.putTime(node, "started", started);
        Json.putTime(node, "ended", ended);
        if (exitStatus == null) node.putNull("exit_status");
        else node.put("exit_status", exitStatus);
        node.put("error", error);
        ArrayNode array = node.putArray("stages");
        for (StageResult stage : stages) array.add(stage.toJson());
        node.put("shell_errors", shellErrors);
        node.put("input_bytes", inputBytes);
        node.put("output_bytes", outputBytes);
        return node;
    }

    public String encode() {
        return Json.write(toJson());
    }

    public static JobRecord decode(String text, String where) {
        try {
            JsonNode node = Json.parse(text, where);
            List<StageResult> stages = new ArrayList<>();
            for (JsonNode stage : node.path("stages")) stages.add(StageResult.fromJson(stage));
            JsonNode exit = node.get("exit_status");
            return new JobRecord(Json.text(node, "id", where), Json.text(node, "workflow", where),
                    JobStatus.fromWord(Json.text(node, "status", where)), Json.time(node, "created"),
                    Json.time(node, "started"), Json.time(node, "ended"),
                    exit == null || exit.isNull() ? null : exit.asInt(), node.path("error").asText(""), stages,
                    node.path("shell_errors").asText(""), node.path("input_bytes").asLong(),
                    node.path("output_bytes").asLong());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("corrupt job entry " + where + ": " + e.getMessage(), e);
        }
    }
}
