package dev.pipes.engine.world;

import dev.pipes.grammar.text.ShellBytes;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a script (a file given to pipesh, or to {@code source}) as bytes: every byte is kept
 * ({@link ShellBytes}), whatever the file's encoding. A file whose first line holds a NUL byte is
 * a binary and refused, as bash refuses it; any failure is told in words, with the status sh gives.
 */
public final class ScriptFiles {
    /** bash looks at this many bytes of a script for a NUL before the first newline. */
    private static final int SAMPLE = 80;

    private ScriptFiles() {}

    /** A script that cannot be run: why, in words, and the status (126 or 127). */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        public final int status;

        Unreadable(String message, int status) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    public static String read(Path path) throws Unreadable {
        if (Files.isDirectory(path)) throw new Unreadable("Is a directory", 126);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new Unreadable("No such file or directory", 127);
        } catch (AccessDeniedException e) {
            throw new Unreadable("Permission denied", 126);
        } catch (IOException e) {
            String reason = Redirections.reason(e);
            throw new Unreadable(reason.isEmpty() ? "cannot be read" : reason, 126);
        } catch (OutOfMemoryError e) {
            throw new Unreadable("File too large", 126);
        }
        if (isBinary(bytes)) throw new Unreadable("cannot execute binary file", 126);
        return ShellBytes.decode(bytes);
    }

    /** As bash: a NUL among the first bytes, before any newline. */
    public static boolean isBinary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, SAMPLE); i++) {
            if (bytes[i] == '\n') return false;
            if (bytes[i] == 0) return true;
        }
        return false;
    }
}
