package dev.pipes.shell.repl;

/**
 * Where the loop reads entries from: a terminal line editor, or a script of lines in tests. One
 * call returns one whole entry, continuation lines included.
 */
public interface EntryReader {
    /**
     * @param prompt             the primary prompt
     * @param continuationPrompt shown before every further line of the same entry
     * @throws Interrupted  when the user pressed Ctrl-C while typing (the entry is dropped)
     * @throws EndOfInput   on Ctrl-D on an empty line, or when the input has ended
     */
    String read(String prompt, String continuationPrompt) throws Interrupted, EndOfInput;

    /** Adds a run entry to the history (the terminal keeps it across restarts). */
    default void remember(String entry) {}

    /** Ctrl-C at the prompt. */
    final class Interrupted extends Exception {
        private static final long serialVersionUID = 1L;

        public Interrupted() {
            super("interrupted", null, false, false);
        }
    }

    /** Ctrl-D on an empty line, or the end of the input. */
    final class EndOfInput extends Exception {
        private static final long serialVersionUID = 1L;

        public EndOfInput() {
            super("end of input", null, false, false);
        }
    }
}
