package dev.pipes.shell.repl;

import java.io.PrintStream;
import java.util.OptionalInt;

/**
 * The interactive loop, free of any terminal: print the notices of finished jobs, show the
 * prompt, read an entry, run it, until {@code exit} or Ctrl-D. The terminal (JLine) and the test
 * driver only differ in the {@link EntryReader} they give it.
 */
public final class Repl {
    private final EntryReader reader;
    private final ShellSession session;
    private final Prompts prompts;
    private final PrintStream err;
    private final ForegroundSignals signals;

    public Repl(EntryReader reader, ShellSession session, Prompts prompts, PrintStream err) {
        this.reader = reader;
        this.session = session;
        this.prompts = prompts;
        this.err = err;
        this.signals = new ForegroundSignals(session);
    }

    /** Where the terminal sends Ctrl-C and Ctrl-Z. */
    public ForegroundSignals signals() {
        return signals;
    }

    /** Runs until {@code exit} or Ctrl-D and returns the status pipesh exits with. */
    public int run() {
        boolean warnedAboutJobs = false;
        while (true) {
            for (String notice : session.takeJobNotices()) err.println(notice);
            String entry;
            try {
                entry = reader.read(prompts.primary(session), prompts.continuation(session));
            } catch (EntryReader.Interrupted e) {
                continue; // Ctrl-C at the prompt drops what was typed, as in every shell
            } catch (EntryReader.EndOfInput e) {
                int running = session.runningJobs();
                if (running > 0 && !warnedAboutJobs) {
                    err.println("pipesh: " + running + (running == 1 ? " job is" : " jobs are")
                            + " still running; press Ctrl-D again (or type exit) to leave anyway");
                    warnedAboutJobs = true;
                    continue;
                }
                return session.lastStatus();
            }
            warnedAboutJobs = false;
            if (entry.isBlank()) continue;
            reader.remember(entry);
            signals.runInForeground(() -> session.run(entry));
            OptionalInt exit = session.exitStatus();
            if (exit.isPresent()) return exit.getAsInt();
        }
    }
}
