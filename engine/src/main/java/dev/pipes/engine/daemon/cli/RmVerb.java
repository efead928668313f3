package dev.pipes.engine.daemon.cli;

import dev.pipes.engine.daemon.DaemonHome;
import dev.pipes.engine.daemon.DaemonStore;
import dev.pipes.engine.daemon.WorkflowSpec;
import dev.pipes.engine.service.FileConfigStore;
import dev.pipes.engine.verbs.PipesVerb;
import dev.pipes.engine.verbs.VerbCall;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * {@code pipes rm NAME|ID...}: removes workflows and everything they started and kept (running
 * jobs are stopped; records, outputs and logs deleted), printing each name removed. Works with the
 * daemon stopped too. Only as {@code pipes rm}: a script's {@code rm} stays the system's.
 */
final class RmVerb implements PipesVerb {
    @Override
    public String name() {
        return "rm";
    }

    @Override
    public String usage() {
        return "pipes rm NAME|ID...";
    }

    @Override
    public String summary() {
        return "remove workflows and everything they started";
    }

    @Override
    public int run(VerbCall call) {
        VerbArgs args;
        try {
            args = VerbArgs.parse(call.args(), Set.of(), Set.of());
        } catch (IllegalArgumentException e) {
            return call.usage(this, e.getMessage());
        }
        if (args.operands().isEmpty()) return call.usage(this, "name the workflows to remove (pipes ps -a lists them)");
        DaemonHome home = DaemonVerbs.home(call);
        int status = 0;
        Optional<DaemonClient> daemon = DaemonClient.connect(home);
        try {
            for (String ref : args.operands()) {
                String removed = daemon.isPresent() ? viaDaemon(daemon.get(), ref) : offline(home, ref);
                if (removed == null) status = call.fail("no workflow named " + ref + " (pipes ps -a lists them)");
                else call.println(removed);
            }
        } catch (IOException e) {
            return call.fail(e.getMessage());
        } finally {
            daemon.ifPresent(DaemonClient::close);
        }
        return status;
    }

    private static String viaDaemon(DaemonClient client, String ref) throws IOException {
        HttpResponse<String> answer = client.delete("/workflows/" + URLEncoder.encode(ref, StandardCharsets.UTF_8));
        if (answer.statusCode() == 404) return null;
        return DaemonVerbs.body(answer, 200).path("name").asText(ref);
    }

    /** No daemon runs: forget the records and files directly. */
    private static String offline(DaemonHome home, String ref) throws IOException {
        DaemonStore store = new DaemonStore(new FileConfigStore(home.store()));
        Optional<WorkflowSpec> spec = store.find(ref);
        if (spec.isEmpty()) return null;
        store.remove(spec.get().id());
        deleteTree(home.outputDir(spec.get().id()));
        Files.deleteIfExists(home.workflowLog(spec.get().id()));
        Files.deleteIfExists(home.workflowLog(spec.get().id()).resolveSibling(spec.get().id() + ".log.1"));
        return spec.get().name();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
