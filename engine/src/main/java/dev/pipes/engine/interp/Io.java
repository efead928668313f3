package dev.pipes.engine.interp;

import dev.pipes.engine.world.Channel;
import dev.pipes.engine.world.NativeStreams;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The Java streams behind a state's descriptors, for builtins and the shell's own messages. */
final class Io {
    private Io() {}

    /** The stream to write {@code fd} with, or {@code null} when it is closed or not writable. */
    static OutputStream output(ShellState state, int fd) {
        Channel channel = state.fds.get(fd);
        return switch (channel) {
            case null -> null;
            case Channel.Native nat -> nat.fd() == 0 ? null : NativeStreams.output(nat.fd());
            case Channel.Stream stream -> stream.out();
            case Channel.OpenFile file -> file.handle().out();
            case Channel.PipeEnd end -> null;
            case Channel.Closed closed -> null;
        };
    }

    /** The stream to read {@code fd} from, or {@code null} when it is closed or not readable. */
    static InputStream input(ShellState state, int fd) {
        Channel channel = state.fds.get(fd);
        return switch (channel) {
            case null -> null;
            case Channel.Native nat -> nat.fd() == 0 ? NativeStreams.input(0) : null;
            case Channel.Stream stream -> stream.in();
            case Channel.OpenFile file -> file.handle().in();
            case Channel.PipeEnd end -> null;
            case Channel.Closed closed -> null;
        };
    }

    /** Writes {@code text} to {@code fd}; a reader that went away ends this (sub)shell like SIGPIPE. */
    static void write(ShellState state, int fd, String text) {
        OutputStream out = output(state, fd);
        if (out == null) throw new ShellError("write error: Bad file descriptor");
        try {
            out.write(dev.pipes.grammar.text.ShellBytes.encode(text));
            out.flush();
        } catch (IOException e) {
            if (isBrokenPipe(e)) throw new ControlFlow.Exit(141);
            throw new ShellError("write error: " + e.getMessage());
        }
    }

    static boolean isBrokenPipe(IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Broken pipe") || message.contains("closed") || e instanceof java.nio.channels.ClosedChannelException;
    }

    /** A line on the shell's standard error; failures to report are ignored. */
    static void err(ShellState state, String line) {
        OutputStream out = output(state, 2);
        if (out == null) return;
        try {
            out.write(dev.pipes.grammar.text.ShellBytes.encode(line + "\n"));
            out.flush();
        } catch (IOException e) {
            // nowhere left to report to
        }
    }
}
