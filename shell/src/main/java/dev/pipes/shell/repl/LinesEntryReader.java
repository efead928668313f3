package dev.pipes.shell.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * Reads entries from lines of text with no terminal at all: continuation lines are joined as at
 * the terminal (the same {@link Continuation} decides), and the prompts are printed as they
 * would be shown. Drives the loop in tests, and whenever entries come from a plain stream.
 */
public final class LinesEntryReader implements EntryReader {
    private final BufferedReader in;
    private final PrintStream prompts;
    private final Continuation continuation;

    public LinesEntryReader(BufferedReader in, PrintStream prompts, Continuation continuation) {
        this.in = in;
        this.prompts = prompts;
        this.continuation = continuation;
    }

    @Override
    public String read(String prompt, String continuationPrompt) throws EndOfInput {
        prompts.print(prompt);
        StringBuilder entry = new StringBuilder();
        try {
            while (true) {
                String line = in.readLine();
                if (line == null) {
                    if (entry.isEmpty()) throw new EndOfInput();
                    return entry.toString(); // the input ended inside an entry: let it report its error
                }
                entry.append(line);
                if (!continuation.needsMore(entry.toString())) return entry.toString();
                entry.append('\n');
                prompts.print(continuationPrompt);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
