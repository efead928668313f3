package dev.pipes.engine.interp;

import dev.pipes.engine.plan.Plan;
import dev.pipes.engine.plan.Stage;
import java.util.ArrayList;
import java.util.List;

/** {@code set -x}: each simple command, expanded, on standard error as {@code + words}. */
final class XTrace {
    private XTrace() {}

    static void traceIfAsked(Plan plan, ShellState state) {
        if (!state.has(Options.Option.XTRACE)) return;
        for (Stage stage : plan.stages()) {
            List<String> words = new ArrayList<>();
            switch (stage) {
                case Stage.Builtin b -> {
                    b.assignments().forEach((k, v) -> words.add(k + "=" + Quoting.quote(v)));
                    b.argv().forEach(a -> words.add(Quoting.quote(a)));
                }
                case Stage.Function f -> f.argv().forEach(a -> words.add(Quoting.quote(a)));
                case Stage.LocalCommand c -> {
                    c.assignments().forEach((k, v) -> words.add(k + "=" + Quoting.quote(v)));
                    c.argv().forEach(a -> words.add(Quoting.quote(a)));
                }
                case Stage.Assignments a -> a.assignments().forEach((k, v) -> words.add(k + "=" + Quoting.quote(v)));
                case Stage.NotFound n -> n.argv().forEach(a -> words.add(Quoting.quote(a)));
                default -> {
                    continue;
                }
            }
            Io.err(state, "+ " + String.join(" ", words));
        }
    }
}
