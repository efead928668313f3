package dev.pipes.shell.repl.jline;

import dev.pipes.shell.repl.EntryReader;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

/** Reads entries with JLine: line editing, continuation lines, history, completion. */
public final class TerminalEntryReader implements EntryReader {
    private final LineReader reader;

    public TerminalEntryReader(LineReader reader) {
        this.reader = reader;
    }

    @Override
    public String read(String prompt, String continuationPrompt) throws Interrupted, EndOfInput {
        // JLine expands %-sequences in both prompts: a literal % (a directory, a PIPES_PROMPT) is doubled
        reader.setVariable(LineReader.SECONDARY_PROMPT_PATTERN, continuationPrompt.replace("%", "%%"));
        try {
            return reader.readLine(prompt.replace("%", "%%"));
        } catch (UserInterruptException e) {
            throw new Interrupted();
        } catch (EndOfFileException e) {
            throw new EndOfInput();
        } catch (java.io.IOError e) {
            // the terminal is gone (its window closed, the session killed): as for Ctrl-D
            throw new EndOfInput();
        }
    }
    // JLine adds every accepted entry to its history (and to the history file) by itself.
}
