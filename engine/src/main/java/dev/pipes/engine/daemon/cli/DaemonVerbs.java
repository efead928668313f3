package dev.pipes.engine.daemon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipes.engine.daemon.DaemonHome;
import dev.pipes.engine.daemon.Json;
import dev.pipes.engine.service.Services;
import dev.pipes.engine.verbs.PipesVerb;
import dev.pipes.engine.verbs.VerbCall;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * The verbs of daemon mode under {@code pipes}: {@code run -d}, {@code query}, {@code ps},
 * {@code rm}, {@code logs} and {@code daemon}. They find the daemon of the shell's $PIPES_HOME and
 * start it when one is needed.
 */
public final class DaemonVerbs {
    private DaemonVerbs() {}

    /** The verbs, starting daemons with {@code launcher}. */
    public static List<PipesVerb> all(DaemonLauncher launcher) {
        return List.of(new RunVerb(launcher), new QueryVerb(launcher), new PsVerb(), new RmVerb(), new LogsVerb(),
                new DaemonVerb(launcher));
    }

    /** The daemon home of the shell that calls the verb: $PIPES_HOME as it exported it, or ~/.pipes. */
    static DaemonHome home(VerbCall call) {
        return new DaemonHome(Services.home(call.environment()));
    }

    /** The JSON body of an answer, or an {@link IOException} carrying the daemon's error message. */
    static JsonNode body(HttpResponse<String> response, int... expected) throws IOException {
        for (int code : expected) {
            if (response.statusCode() == code) return Json.parse(response.body(), "the daemon's answer");
        }
        throw new IOException(errorOf(response));
    }

    /** The {@code error} of a JSON error answer, else the status line. */
    static String errorOf(HttpResponse<String> response) {
        try {
            JsonNode node = Json.parse(response.body(), "the daemon's answer");
            if (node.hasNonNull("error")) return node.get("error").asText();
        } catch (IllegalArgumentException e) {
            // not JSON: say what came
        }
        return "the daemon answered " + response.statusCode();
    }
}
