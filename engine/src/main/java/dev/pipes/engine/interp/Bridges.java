package dev.pipes.engine.interp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copying threads between a process's pipe and a Java stream. Only used where a process meets
 * something that is not a real descriptor (a captured output, an in-process stage, a here-document);
 * processes joined to processes or to the shell's own descriptors never go through here.
 */
final class Bridges {
    private Bridges() {}

    /** Copies {@code from} to {@code to} in a new thread; closes {@code to} at the end when {@code closeTarget}. */
    static Thread copy(String name, InputStream from, OutputStream to, boolean closeSource, boolean closeTarget) {
        Thread thread = Thread.ofPlatform().daemon().name(name).unstarted(() -> {
            byte[] buffer = new byte[64 * 1024];
            try {
                int n;
                while ((n = from.read(buffer)) >= 0) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            } catch (IOException e) {
                // the other side went away (a reader that stopped, a process that exited): stop copying
            } finally {
                if (closeSource) quietly(from);
                if (closeTarget) quietly(to);
            }
        });
        thread.start();
        return thread;
    }

    static void quietly(AutoCloseable closeable) {
        if (closeable == null) return;
        try {
            closeable.close();
        } catch (Exception e) {
            // closing a pipe end that is already gone is fine
        }
    }
}
