package dev.pipes.shell.repl;

import dev.pipes.completions.NamedEntry;
import dev.pipes.completions.PathCommands;
import dev.pipes.completions.ServiceCatalog;
import dev.pipes.completions.ShellFacts;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a command name would run, in the order the shell looks: builtin, function, service, PATH. */
public final class CommandKinds {
    private final ShellFacts facts;
    private final ServiceCatalog catalog;
    private final PathCommands pathCommands;

    public CommandKinds(ShellFacts facts, ServiceCatalog catalog, PathCommands pathCommands) {
        this.facts = facts;
        this.catalog = catalog;
        this.pathCommands = pathCommands;
    }

    public Style styleOf(String name) {
        if (name.contains("/")) {
            Path file = facts.workingDirectory().resolve(name);
            return Files.isRegularFile(file) && Files.isExecutable(file) ? Style.COMMAND : Style.UNKNOWN_COMMAND;
        }
        if (facts.builtin(name).isPresent()) return Style.BUILTIN;
        if (facts.functions().contains(name)) return Style.FUNCTION;
        for (NamedEntry service : catalog.services()) if (service.name().equals(name)) return Style.SERVICE;
        if (pathCommands.contains(facts.variable("PATH").orElse(""), name)) return Style.COMMAND;
        return Style.UNKNOWN_COMMAND;
    }
}
