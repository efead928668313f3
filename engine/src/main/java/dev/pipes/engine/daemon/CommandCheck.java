package dev.pipes.engine.daemon;

import dev.pipes.engine.interp.Interpreter;
import dev.pipes.engine.interp.ShellState;
import dev.pipes.engine.world.Channel;
import dev.pipes.engine.world.FdTable;
import dev.pipes.engine.world.ProcessLauncher;
import dev.pipes.engine.service.ServiceRuntime;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * At deploy time, finds the stages whose command nothing would run (no builtin, service or command
 * on the workflow's PATH by that name), so that a typo fails {@code run -d} instead of every job.
 * Asks the interpreter's own {@code type}, with the name as a positional parameter (never as text).
 */
final class CommandCheck {
    private CommandCheck() {}

    static List<String> missing(PipelineShape shape, Map<String, String> environment, Path cwd, ServiceRuntime services) {
        List<String> problems = new ArrayList<>();
        List<Optional<String>> names = shape.commandNames();
        for (int k = 0; k < names.size(); k++) {
            if (names.get(k).isEmpty() || names.get(k).get().startsWith("-")) continue;
            String name = names.get(k).get();
            FdTable quiet = FdTable.of(Channel.Stream.reading(InputStream.nullInputStream(), "none"),
                    Channel.Stream.writing(OutputStream.nullOutputStream(), "none"),
                    Channel.Stream.writing(OutputStream.nullOutputStream(), "none"));
            ShellState state = new ShellState(environment, cwd, quiet, ProcessLauncher.os(), services);
            state.positional = List.of(name);
            if (new Interpreter(state).runText("type \"$1\"", "check") != 0) {
                problems.add("stage " + (k + 1) + ": " + name
                        + ": command not found (no builtin, service or command on the workflow's PATH by that name)");
            }
        }
        return problems;
    }
}
