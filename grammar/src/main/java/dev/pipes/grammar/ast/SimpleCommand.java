package dev.pipes.grammar.ast;

import java.util.List;

/**
 * {@code X=1 Y=2 cmd arg... 2>err}: assignments (in order), the words (the first is the command
 * name; none means "assignments and/or redirections only"), the redirections (in order; their
 * position between the words does not matter, as in sh).
 */
public record SimpleCommand(List<Assignment> assignments, List<Word> words, List<Redirect> redirects,
                            Span span) implements Command {
    public SimpleCommand {
        assignments = List.copyOf(assignments);
        words = List.copyOf(words);
        redirects = List.copyOf(redirects);
        if (assignments.isEmpty() && words.isEmpty() && redirects.isEmpty()) {
            throw new IllegalArgumentException("a simple command has at least an assignment, a word or a redirection");
        }
    }
}
