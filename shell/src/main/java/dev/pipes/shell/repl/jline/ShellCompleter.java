package dev.pipes.shell.repl.jline;

import dev.pipes.completions.Candidate;
import dev.pipes.completions.Completer;
import java.util.List;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** Hands our completer's plain candidates to JLine, grouped by kind and with their descriptions. */
public final class ShellCompleter implements org.jline.reader.Completer {
    private final Completer completer;

    public ShellCompleter(Completer completer) {
        this.completer = completer;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<org.jline.reader.Candidate> candidates) {
        for (Candidate candidate : completer.complete(line.line(), line.cursor()).candidates()) {
            candidates.add(toJLine(candidate));
        }
    }

    static org.jline.reader.Candidate toJLine(Candidate candidate) {
        String value = candidate.value();
        String display = value;
        if (candidate.kind() == Candidate.Kind.FILE || candidate.kind() == Candidate.Kind.DIRECTORY) {
            // list "main/" rather than "src/main/": the typed directory is the same for all
            int slash = value.lastIndexOf('/', value.length() - 2);
            if (slash >= 0) display = value.substring(slash + 1);
        }
        String description = candidate.description().isEmpty() ? null : candidate.description();
        return new org.jline.reader.Candidate(value, display, candidate.kind().group(), description, null, null,
                candidate.complete());
    }
}
