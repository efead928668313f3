package dev.pipes.engine.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One stage of a finished (or running) job: its place in the pipeline (1 for the first), the name
 * it goes by, its exit status (null while it runs), the signal that ended it, and the end of what
 * it wrote on standard error.
 */
public record StageResult(int index, String name, Integer status, String signal, String stderrTail) {
    public StageResult {
        stderrTail = stderrTail == null ? "" : stderrTail;
    }

    /** {@code KILL} for 137, {@code TERM} for 143, ... ; null for a status that is no signal. */
    public static String signalOf(int status) {
        if (status <= 128 || status > 128 + 64) return null;
        return switch (status - 128) {
            case 1 -> "HUP";
            case 2 -> "INT";
            case 3 -> "QUIT";
            case 4 -> "ILL";
            case 6 -> "ABRT";
            case 7 -> "BUS";
            case 8 -> "FPE";
            case 9 -> "KILL";
            case 10 -> "USR1";
            case 11 -> "SEGV";
            case 12 -> "USR2";
            case 13 -> "PIPE";
            case 14 -> "ALRM";
            case 15 -> "TERM";
            default -> null;
        };
    }

    ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("index", index);
        node.put("name", name);
        if (status == null) node.putNull("status");
        else node.put("status", status);
        if (signal == null) node.putNull("signal");
        else node.put("signal", signal);
        node.put("stderr_tail", stderrTail);
        return node;
    }

    static StageResult fromJson(JsonNode node) {
        JsonNode status = node.get("status");
        JsonNode signal = node.get("signal");
        return new StageResult(node.path("index").asInt(), node.path("name").asText(""),
                status == null || status.isNull() ? null : status.asInt(),
                signal == null || signal.isNull() ? null : signal.asText(), node.path("stderr_tail").asText(""));
    }
}
