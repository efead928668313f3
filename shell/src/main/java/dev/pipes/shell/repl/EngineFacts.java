package dev.pipes.shell.repl;

import dev.pipes.completions.NamedEntry;
import dev.pipes.completions.ShellFacts;
import dev.pipes.completions.spec.CommandSpec;
import dev.pipes.completions.spec.UsageLine;
import dev.pipes.engine.interp.BuiltinCatalog;
import dev.pipes.engine.interp.Job;
import dev.pipes.engine.interp.ShellState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The interpreter's state as completion, highlighting and the prompt see it (read live, never copied). */
final class EngineFacts implements ShellFacts {
    /** The shell's state can be replaced (an entry sent to the background keeps the old one). */
    private final Supplier<ShellState> current;
    /** The builtins never change while the shell runs: read their definitions once. */
    private final List<CommandSpec> builtins;

    EngineFacts(Supplier<ShellState> current) {
        this.current = current;
        this.builtins = BuiltinCatalog.standard().stream()
                .map(b -> UsageLine.toSpec(b.name(), b.usage(), b.summary()))
                .toList();
    }

    @Override
    public Collection<CommandSpec> builtins() {
        return builtins;
    }

    @Override
    public Collection<String> functions() {
        return current.get().functions.keySet();
    }

    @Override
    public Collection<String> variables() {
        List<String> names = new ArrayList<>();
        current.get().variables.visible().forEach((name, variable) -> {
            if (variable.value() != null) names.add(name);
        });
        return names;
    }

    @Override
    public Optional<String> variable(String name) {
        return Optional.ofNullable(current.get().variables.get(name));
    }

    @Override
    public List<NamedEntry> jobs() {
        List<NamedEntry> jobs = new ArrayList<>();
        for (Job job : current.get().jobs.all()) jobs.add(new NamedEntry(Integer.toString(job.id()), job.command()));
        return jobs;
    }

    @Override
    public Path workingDirectory() {
        return current.get().cwd;
    }
}
