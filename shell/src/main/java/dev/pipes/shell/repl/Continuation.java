package dev.pipes.shell.repl;

import dev.pipes.grammar.Completeness;
import dev.pipes.grammar.Parser;
import java.util.function.Function;

/**
 * Decides whether Enter runs what was typed or asks for another line (open quote, trailing
 * {@code |} or {@code &&}, open {@code if}, {@code for}, {@code {}, {@code (}, a here-document):
 * the grammar's {@link Parser#classify} says, and both the terminal and the test driver ask here.
 */
public final class Continuation {
    private final Function<String, Completeness> classifier;

    public Continuation(Function<String, Completeness> classifier) {
        this.classifier = classifier;
    }

    /** Asks the grammar module's parser. */
    public static Continuation ofGrammar() {
        return new Continuation(Parser::classify);
    }

    public Completeness classify(String text) {
        if (text.isBlank()) return Completeness.COMPLETE;
        return classifier.apply(text);
    }

    /** Whether Enter should open a continuation line rather than run {@code text}. */
    public boolean needsMore(String text) {
        return classify(text) == Completeness.INCOMPLETE;
    }
}
