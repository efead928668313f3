package dev.pipes.completions;

import dev.pipes.completions.line.CursorContext;
import java.util.List;

/**
 * The answer to one Tab: the candidates, and the context they complete (the replaced text runs
 * from {@code context.replaceFrom()} to the cursor).
 */
public record Completions(CursorContext context, List<Candidate> candidates) {
    public Completions {
        candidates = List.copyOf(candidates);
    }

    public List<String> values() {
        return candidates.stream().map(Candidate::value).toList();
    }
}
