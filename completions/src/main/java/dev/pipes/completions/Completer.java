package dev.pipes.completions;

import dev.pipes.completions.line.CursorContext;
import dev.pipes.completions.line.LineStructure;
import dev.pipes.completions.spec.ArgumentKind;
import dev.pipes.completions.spec.CommandSpec;
import dev.pipes.completions.spec.OptionSpec;
import dev.pipes.completions.spec.SpecLoader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Answers Tab: works out what is being typed at the cursor ({@link CursorContext}) and lists what
 * can go there, from the shell's state, the service catalog, the completion specs, the PATH and
 * the file system. Only candidates that start with what was typed are returned.
 */
public final class Completer {
    private static final int DESCRIBED_VALUE_LENGTH = 40;

    private final ShellFacts facts;
    private final ServiceCatalog catalog;
    private final SpecLoader specs;
    private final PathCommands pathCommands;

    public Completer(ShellFacts facts, ServiceCatalog catalog, SpecLoader specs, PathCommands pathCommands) {
        this.facts = facts;
        this.catalog = catalog;
        this.specs = specs;
        this.pathCommands = pathCommands;
    }

    public Completions complete(String line, int cursor) {
        CursorContext context = CursorContext.at(line, cursor);
        List<Candidate> candidates = switch (context.kind()) {
            case COMMAND -> commands(context.prefix());
            case ARGUMENT -> arguments(context);
            case FILE -> files(context.prefix(), FileCandidates.Filter.ALL);
            case VARIABLE -> variables(context);
            case JOB -> jobs(context.prefix());
            case NONE -> List.of();
        };
        return new Completions(context, candidates);
    }

    /**
     * The spec that applies to {@code command}. For a builtin, its options and description come
     * from its own definition (they cannot drift apart); a spec file may still say what its
     * arguments are. Other commands use their spec file, or complete files.
     */
    public CommandSpec specOf(String command) {
        Optional<CommandSpec> file = specs.find(command);
        Optional<CommandSpec> builtin = facts.builtin(command);
        if (builtin.isPresent() && file.isPresent()) {
            CommandSpec own = builtin.get();
            return new CommandSpec(command, own.description(), own.options(), file.get().arguments(), file.get().words());
        }
        return builtin.or(() -> file).orElseGet(() -> CommandSpec.unknown(command));
    }

    private List<Candidate> commands(String prefix) {
        if (prefix.contains("/") || prefix.startsWith("~")) return files(prefix, FileCandidates.Filter.EXECUTABLES);
        List<Candidate> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String keyword : LineStructure.KEYWORDS) {
            if (keyword.startsWith(prefix) && !keyword.equals("in")) add(out, seen, Candidate.of(keyword, Candidate.Kind.KEYWORD));
        }
        for (CommandSpec builtin : facts.builtins()) {
            if (builtin.command().startsWith(prefix)) {
                add(out, seen, new Candidate(builtin.command(), Candidate.Kind.BUILTIN, builtin.description(), true));
            }
        }
        for (String function : facts.functions()) {
            if (function.startsWith(prefix)) add(out, seen, Candidate.of(function, Candidate.Kind.FUNCTION));
        }
        for (NamedEntry service : catalog.services()) {
            if (service.name().startsWith(prefix)) {
                add(out, seen, new Candidate(service.name(), Candidate.Kind.SERVICE, service.description(), true));
            }
        }
        String path = facts.variable("PATH").orElse("");
        for (String name : pathCommands.names(path).tailSet(prefix)) {
            if (!name.startsWith(prefix)) break;
            add(out, seen, Candidate.of(name, Candidate.Kind.COMMAND));
        }
        return out;
    }

    private List<Candidate> arguments(CursorContext context) {
        CommandSpec spec = specOf(context.command());
        String prefix = context.prefix();
        Optional<OptionSpec> valueOf = spec.option(context.previousWord()).filter(OptionSpec::takesValue);
        if (valueOf.isPresent() && !context.previousWord().contains("=")) {
            return valueOf.get().values().isEmpty()
                    ? files(prefix, FileCandidates.Filter.ALL)
                    : words(valueOf.get().values(), "", prefix, Candidate.Kind.WORD);
        }
        if (prefix.startsWith("--") && prefix.contains("=")) {
            String spelling = prefix.substring(0, prefix.indexOf('=') + 1);
            return spec.option(spelling).map(o -> words(o.values(), spelling, prefix, Candidate.Kind.WORD)).orElse(List.of());
        }
        if (prefix.startsWith("-")) return options(spec, prefix);
        List<Candidate> out = new ArrayList<>(words(spec.words(), "", prefix, Candidate.Kind.WORD));
        for (ArgumentKind kind : spec.arguments()) out.addAll(argumentsOfKind(kind, prefix));
        return out;
    }

    private List<Candidate> argumentsOfKind(ArgumentKind kind, String prefix) {
        return switch (kind) {
            case FILES -> files(prefix, FileCandidates.Filter.ALL);
            case DIRECTORIES -> files(prefix, FileCandidates.Filter.DIRECTORIES);
            case COMMANDS -> commands(prefix);
            case SERVICES -> entries(catalog.services(), prefix, Candidate.Kind.SERVICE);
            case WORKFLOWS -> entries(catalog.workflows(), prefix, Candidate.Kind.WORKFLOW);
            case VARIABLES -> words(List.copyOf(facts.variables()), "", prefix, Candidate.Kind.VARIABLE);
            case JOBS -> jobs(prefix);
            case FUNCTIONS -> words(List.copyOf(facts.functions()), "", prefix, Candidate.Kind.FUNCTION);
            case NONE -> List.of();
        };
    }

    private static List<Candidate> options(CommandSpec spec, String prefix) {
        List<Candidate> out = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            for (String spelling : option.spellings()) {
                if (spelling.startsWith(prefix)) out.add(new Candidate(spelling, Candidate.Kind.OPTION, option.description(), true));
            }
        }
        return out;
    }

    private static List<Candidate> entries(List<NamedEntry> entries, String prefix, Candidate.Kind kind) {
        List<Candidate> out = new ArrayList<>();
        for (NamedEntry entry : entries) {
            if (entry.name().startsWith(prefix)) out.add(new Candidate(entry.name(), kind, entry.description(), true));
        }
        return out;
    }

    private static List<Candidate> words(List<String> words, String before, String prefix, Candidate.Kind kind) {
        List<Candidate> out = new ArrayList<>();
        for (String word : words) {
            if ((before + word).startsWith(prefix)) out.add(Candidate.of(before + word, kind));
        }
        out.sort((a, b) -> a.value().compareTo(b.value()));
        return out;
    }

    private List<Candidate> files(String prefix, FileCandidates.Filter filter) {
        return FileCandidates.complete(prefix, facts.workingDirectory(), facts.variable("HOME").orElse(null), filter);
    }

    private List<Candidate> variables(CursorContext context) {
        boolean braced = context.rawPrefix().startsWith("${");
        List<Candidate> out = new ArrayList<>();
        for (String name : facts.variables()) {
            if (!name.startsWith(context.prefix())) continue;
            String value = facts.variable(name).orElse("");
            if (value.length() > DESCRIBED_VALUE_LENGTH) value = value.substring(0, DESCRIBED_VALUE_LENGTH - 3) + "...";
            out.add(new Candidate(braced ? "${" + name + "}" : "$" + name, Candidate.Kind.VARIABLE, value, true));
        }
        out.sort((a, b) -> a.value().compareTo(b.value()));
        return out;
    }

    private List<Candidate> jobs(String prefix) {
        List<Candidate> out = new ArrayList<>();
        for (NamedEntry job : facts.jobs()) {
            String spec = "%" + job.name();
            if (spec.startsWith(prefix.isEmpty() ? "%" : prefix)) out.add(new Candidate(spec, Candidate.Kind.JOB, job.description(), true));
        }
        return out;
    }

    private static void add(List<Candidate> out, Set<String> seen, Candidate candidate) {
        if (seen.add(candidate.value())) out.add(candidate);
    }
}
