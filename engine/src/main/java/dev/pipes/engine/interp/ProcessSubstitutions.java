package dev.pipes.engine.interp;

import dev.pipes.engine.world.Channel;
import dev.pipes.grammar.ast.Script;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * bash's {@code <( )} and {@code >( )}: the script runs in a copy of the shell on a thread of its
 * own, its output (or input) a FIFO in a private temporary directory whose path replaces the word.
 * For {@code <( )} the script's commands open the FIFO themselves, so no byte passes through the JVM;
 * for {@code >( )} the shell reads the FIFO and feeds the script. The FIFO and its directory are
 * removed when the script ends.
 */
final class ProcessSubstitutions {
    private ProcessSubstitutions() {}

    static String start(ShellState state, Builtins builtins, Script script, boolean output) {
        Path dir;
        Path fifo;
        try {
            dir = Files.createTempDirectory("pipesh-subst");
            fifo = dir.resolve("fifo");
            Process mkfifo = new ProcessBuilder("mkfifo", "-m", "600", fifo.toString()).redirectErrorStream(true).start();
            if (mkfifo.waitFor() != 0) throw new ShellError("process substitution: cannot make a FIFO in " + dir);
        } catch (IOException e) {
            throw new ShellError("process substitution: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShellError("process substitution: interrupted");
        }
        ShellState copy = state.copy();
        Thread thread = new Thread(null, () -> run(copy, builtins, script, output, fifo, dir), "pipesh-subst",
                Interpreter.STACK_BYTES);
        thread.setDaemon(true); // a FIFO nobody opens must not keep the shell alive
        thread.start();
        return fifo.toString();
    }

    private static void run(ShellState copy, Builtins builtins, Script script, boolean output, Path fifo, Path dir) {
        // opening blocks until the command that was given the path opens the other end
        try {
            Channel.OpenFile channel = open(fifo, !output);
            try {
                // >( ): the script's commands read through the shell, since a command that opened the
                // FIFO itself after the writer had closed it would wait for a writer for ever
                copy.fds = output ? copy.fds.with(0, Channel.Stream.reading(channel.handle().in(), "process substitution"))
                        : copy.fds.with(1, channel);
                new Interpreter(copy, builtins).runScript(script, 1);
            } finally {
                channel.handle().close();
            }
        } catch (IOException e) {
            // the reader or writer went away: nothing to report, as in bash
        } finally {
            try {
                Files.deleteIfExists(fifo);
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // a temporary directory left behind
            }
        }
    }

    private static Channel.OpenFile open(Path fifo, boolean forWriting) throws IOException {
        return Channel.open(fifo, forWriting, false);
    }
}
