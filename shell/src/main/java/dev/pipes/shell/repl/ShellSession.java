package dev.pipes.shell.repl;

import dev.pipes.completions.ShellFacts;
import java.util.List;
import java.util.OptionalInt;

/**
 * What the interactive loop needs from the interpreter: run an entry, stop or background what
 * runs in the foreground, report finished jobs, and show its state to completion, highlighting
 * and the prompt. The interpreter (engine module) is adapted to it; tests use a fake.
 */
public interface ShellSession {
    /**
     * Runs one complete entry typed at the prompt (it may span several lines) and returns its
     * status; blocks until the foreground pipeline ends or is sent to the background. Reports
     * its own errors (a syntax error, a command not found) on the shell's error stream.
     */
    int run(String entry);

    /**
     * The entries of earlier sessions, oldest first, read from the history file when the shell
     * starts: the {@code history} builtin lists them before this session's, as sh does.
     */
    default void rememberEarlier(List<String> entries) {}

    /**
     * Ctrl-C while {@link #run} runs: stop every stage of the foreground pipeline. Called from
     * the terminal's signal thread.
     */
    void interruptForeground();

    /**
     * Ctrl-Z while {@link #run} runs: let the foreground pipeline go on as a background job and
     * make {@code run} return. Returns false when nothing runs in the foreground.
     */
    boolean backgroundForeground();

    /** One line per background job that ended since the last call: {@code [1]+  Done  a | b}. */
    List<String> takeJobNotices();

    /** How many background jobs are still running. */
    int runningJobs();

    /** Set once the {@code exit} builtin ran: the status pipesh exits with. */
    OptionalInt exitStatus();

    /** The status of the last entry ({@code $?}). */
    int lastStatus();

    /** What the prompt shows as the mode: {@code embedded}, or the name of the cluster. */
    String mode();

    ShellFacts facts();
}
