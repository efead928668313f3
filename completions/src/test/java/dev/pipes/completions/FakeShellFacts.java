package dev.pipes.completions;

import dev.pipes.completions.spec.CommandSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A shell state made up by a test. */
final class FakeShellFacts implements ShellFacts {
    final List<CommandSpec> builtins = new ArrayList<>();
    final List<String> functions = new ArrayList<>();
    final Map<String, String> variables = new TreeMap<>();
    final List<NamedEntry> jobs = new ArrayList<>();
    Path cwd;

    FakeShellFacts(Path cwd) {
        this.cwd = cwd;
    }

    @Override
    public Collection<CommandSpec> builtins() {
        return builtins;
    }

    @Override
    public Collection<String> functions() {
        return functions;
    }

    @Override
    public Collection<String> variables() {
        return variables.keySet();
    }

    @Override
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    @Override
    public List<NamedEntry> jobs() {
        return jobs;
    }

    @Override
    public Path workingDirectory() {
        return cwd;
    }
}
