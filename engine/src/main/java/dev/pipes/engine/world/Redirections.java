package dev.pipes.engine.world;

import dev.pipes.engine.plan.RedirectPlan;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Applies a command's redirections, in order, to its descriptor table: files are opened (and
 * truncated) right away, as sh does, and duplications copy whatever the source descriptor is
 * connected to at that moment ({@code >f 2>&1} and {@code 2>&1 >f} differ).
 */
public final class Redirections {
    /** The table after the redirections and the files they opened (closed by {@link #close}). */
    public record Applied(FdTable table, List<FileHandle> opened) implements AutoCloseable {
        @Override
        public void close() {
            for (FileHandle handle : opened) handle.close();
        }
    }

    /** A redirection that could not be applied; the message names the file or descriptor. */
    public static final class RedirectionException extends Exception {
        private static final long serialVersionUID = 1L;

        public RedirectionException(String message) {
            super(message, null, false, false);
        }
    }

    private Redirections() {}

    /**
     * Applies {@code redirects} to {@code table}. {@code resolve} turns a file name into a path
     * relative to the shell's working directory; {@code noclobber} is {@code set -C}.
     */
    public static Applied apply(FdTable table, List<RedirectPlan> redirects, Function<String, Path> resolve,
                                boolean noclobber) throws RedirectionException {
        List<FileHandle> opened = new ArrayList<>();
        FdTable current = table;
        try {
            for (RedirectPlan redirect : redirects) {
                current = applyOne(current, redirect, resolve, noclobber, opened);
            }
        } catch (RedirectionException e) {
            for (FileHandle handle : opened) handle.close();
            throw e;
        }
        return new Applied(current, opened);
    }

    private static FdTable applyOne(FdTable table, RedirectPlan redirect, Function<String, Path> resolve, boolean noclobber,
                                    List<FileHandle> opened) throws RedirectionException {
        int fd = redirect.fd();
        String target = redirect.target();
        return switch (redirect.op()) {
            case READ -> table.with(fd, open(resolve, target, false, false, opened));
            case READ_WRITE -> {
                try {
                    Channel.OpenFile file = Channel.openReadWrite(path(resolve, target));
                    opened.add(file.handle());
                    yield table.with(fd, file);
                } catch (IOException e) {
                    throw new RedirectionException(target + ": " + reason(e));
                }
            }
            case WRITE, CLOBBER -> {
                if (redirect.op() == RedirectPlan.Op.WRITE && noclobber && Files.isRegularFile(path(resolve, target))) {
                    throw new RedirectionException(target + ": cannot overwrite existing file");
                }
                yield table.with(fd, open(resolve, target, true, true, opened));
            }
            case APPEND -> table.with(fd, open(resolve, target, true, false, opened));
            case OUT_AND_ERR, APPEND_OUT_AND_ERR -> {
                Channel file = open(resolve, target, true, redirect.op() == RedirectPlan.Op.OUT_AND_ERR, opened);
                yield table.with(1, file).with(2, file);
            }
            case DUP_IN, DUP_OUT -> {
                if (target.equals("-")) yield table.closed(fd);
                int source;
                try {
                    source = Integer.parseInt(target);
                } catch (NumberFormatException e) {
                    if (redirect.op() == RedirectPlan.Op.DUP_OUT) {
                        // bash: >&word with a non-number is &>word
                        Channel file = open(resolve, target, true, true, opened);
                        yield table.with(1, file).with(2, file);
                    }
                    throw new RedirectionException(target + ": ambiguous redirect");
                }
                Channel channel = table.get(source);
                if (channel == null) throw new RedirectionException(source + ": Bad file descriptor");
                yield table.with(fd, channel);
            }
            case HERE_DOC, HERE_STRING -> table.with(fd, Channel.Stream.reading(
                    new ByteArrayInputStream(dev.pipes.grammar.text.ShellBytes.encode(target)), "here-document"));
        };
    }

    private static Channel open(Function<String, Path> resolve, String target, boolean writing, boolean truncate,
                                List<FileHandle> opened) throws RedirectionException {
        if (target.isEmpty()) throw new RedirectionException(": No such file or directory");
        if (dev.pipes.grammar.text.ShellBytes.hasRawBytes(target) || !representable(target)) {
            return openByBytes(resolve, target, writing, truncate, opened);
        }
        Path path = path(resolve, target);
        try {
            Channel.OpenFile file = Channel.open(path, writing, truncate);
            opened.add(file.handle());
            return file;
        } catch (IOException e) {
            throw new RedirectionException(target + ": " + reason(e));
        }
    }

    /** Whether Java can name {@code target} (its file names are strings in the JVM's locale's charset). */
    private static boolean representable(String target) {
        try {
            Path.of(target);
            return true;
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /**
     * A file whose name Java cannot hold (a byte that is not in the JVM's charset): the system opens
     * it by its bytes, and the shell then uses it through {@code /proc/PID/fd/N}, a name Java can
     * hold that stays valid (for processes too) while the descriptor is open.
     */
    private static Channel openByBytes(Function<String, Path> resolve, String target, boolean writing, boolean truncate,
                                       List<FileHandle> opened) throws RedirectionException {
        if (!NativeIo.available()) {
            throw new RedirectionException(target + ": file name not representable in the JVM's locale ("
                    + System.getProperty("sun.jnu.encoding") + ")");
        }
        byte[] name = dev.pipes.grammar.text.ShellBytes.encode(target);
        if (!target.startsWith("/")) {
            byte[] dir = dev.pipes.grammar.text.ShellBytes.encode(resolve.apply(".").toString());
            byte[] full = java.util.Arrays.copyOf(dir, dir.length + 1 + name.length);
            full[dir.length] = '/';
            System.arraycopy(name, 0, full, dir.length + 1, name.length);
            name = full;
        }
        int flags = writing ? NativeIo.O_WRONLY | NativeIo.O_CREAT | (truncate ? NativeIo.O_TRUNC : NativeIo.O_APPEND)
                : NativeIo.O_RDONLY;
        int fd;
        try {
            fd = NativeIo.open(name, flags);
        } catch (IOException e) {
            throw new RedirectionException(target + ": " + e.getMessage());
        }
        try {
            Channel.OpenFile file = Channel.open(Path.of("/proc/" + ProcessHandle.current().pid() + "/fd/" + fd), writing, false);
            file.handle().alsoClose(() -> NativeIo.close(fd));
            opened.add(file.handle());
            return file;
        } catch (IOException e) {
            NativeIo.close(fd);
            throw new RedirectionException(target + ": " + reason(e));
        }
    }

    /** The errno-like text of an I/O failure, as sh prints it. */
    /** The path of a redirection's file; a name the system cannot be given is a failed redirection. */
    private static Path path(Function<String, Path> resolve, String target) throws RedirectionException {
        try {
            return resolve.apply(target);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new RedirectionException(message.startsWith(target) ? message : target + ": " + message);
        }
    }

    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "No such file or directory";
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof FileNotFoundException) {
            int open = message.lastIndexOf('(');
            if (open >= 0 && message.endsWith(")")) return message.substring(open + 1, message.length() - 1);
        }
        if (message.contains("Is a directory")) return "Is a directory";
        if (message.contains("Permission denied")) return "Permission denied";
        return message;
    }
}
