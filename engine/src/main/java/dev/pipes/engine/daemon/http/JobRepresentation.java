package dev.pipes.engine.daemon.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipes.engine.daemon.JobRecord;
import dev.pipes.engine.daemon.Workflow;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * How a job is answered. In JSON (content negotiation): the record, plus the result inline when
 * the job ended and its output is at most {@link #INLINE_BYTES} ({@code result} when it is UTF-8,
 * else {@code result_base64}). In text, as the original API did: the output itself once the job is
 * done (200); {@code queued}/{@code running} with 202 while it is not; and for a job that failed
 * or was canceled, a JSON error (502 and 410) that says why.
 */
final class JobRepresentation {
    static final int INLINE_BYTES = 1 << 20;

    private JobRepresentation() {}

    static ApiResponse.Full of(Workflow.JobView view, boolean json, String base) {
        JobRecord record = view.record();
        ApiResponse.Full answer = json ? ApiResponse.json(record.status().ended() ? 200 : 202, toJson(view, base)) : text(view, base);
        answer = answer.withHeader("Pipes-Job-Status", record.status().word());
        if (record.exitStatus() != null) answer = answer.withHeader("Pipes-Exit-Status", Integer.toString(record.exitStatus()));
        if (!record.status().ended()) answer = answer.withHeader("Retry-After", "1");
        return answer;
    }

    static ObjectNode toJson(Workflow.JobView view, String base) {
        JobRecord record = view.record();
        ObjectNode node = record.toJson();
        node.put("location", base + "/jobs/" + record.id());
        node.put("output", base + "/jobs/" + record.id() + "/output");
        if (!record.status().ended()) {
            node.putNull("result");
        } else if (record.outputBytes() > INLINE_BYTES) {
            node.putNull("result");
            node.put("result_omitted", "the output is larger than " + INLINE_BYTES + " bytes: GET " + base + "/jobs/"
                    + record.id() + "/output");
        } else {
            byte[] bytes = view.output().readAll();
            String text = utf8(bytes);
            if (text != null) node.put("result", text);
            else node.put("result_base64", Base64.getEncoder().encodeToString(bytes));
        }
        return node;
    }

    private static ApiResponse.Full text(Workflow.JobView view, String base) {
        JobRecord record = view.record();
        return switch (record.status()) {
            case QUEUED, RUNNING -> ApiResponse.text(202, record.status().word() + "\n");
            case DONE -> new ApiResponse.Full(200, ApiResponse.BYTES, view.output().readAll(), Map.of());
            case FAILED -> failure(502, record, "failed: " + record.error(), base);
            case CANCELED -> failure(410, record, "was canceled", base);
        };
    }

    private static ApiResponse.Full failure(int status, JobRecord record, String what, String base) {
        ObjectNode node = dev.pipes.engine.daemon.Json.object();
        node.put("error", "job " + record.id() + " " + what);
        node.put("status", status);
        node.put("job_status", record.status().word());
        if (record.exitStatus() != null) node.put("exit_status", record.exitStatus());
        node.put("job", base + "/jobs/" + record.id());
        return ApiResponse.json(status, node);
    }

    /** The bytes as text when they are valid UTF-8, else null. */
    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
