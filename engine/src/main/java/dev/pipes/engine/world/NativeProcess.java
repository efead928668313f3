package dev.pipes.engine.world;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child started by {@link NativeIo#spawn}: one thread waits for it (and reaps it) so that its
 * status is there for {@link #waitFor}. Its descriptors were given at the start; it has no Java
 * streams of its own.
 */
public final class NativeProcess extends Process {
    private static final int SIGTERM = 15;
    private static final int SIGKILL = 9;

    private final int pid;
    private final CompletableFuture<Integer> exit;
    private final OutputStream stdin;
    private final InputStream stdout;
    private final InputStream stderr;

    public NativeProcess(int pid) {
        this(pid, new CompletableFuture<>(), OutputStream.nullOutputStream(), InputStream.nullInputStream(),
                InputStream.nullInputStream());
        Thread.ofPlatform().daemon().name("pipesh-reap-" + pid).start(() -> exit.complete(NativeIo.waitFor(pid)));
    }

    private NativeProcess(int pid, CompletableFuture<Integer> exit, OutputStream stdin, InputStream stdout,
                          InputStream stderr) {
        this.pid = pid;
        this.exit = exit;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** The same process, seen with the shell's ends of pipes on its 0, 1 and 2 (as ProcessBuilder's PIPE gives). */
    public NativeProcess withStreams(OutputStream in, InputStream out, InputStream err) {
        return new NativeProcess(pid, exit, in, out, err);
    }

    @Override
    public int waitFor() throws InterruptedException {
        try {
            return exit.get();
        } catch (ExecutionException e) {
            return 127;
        }
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        try {
            exit.get(timeout, unit);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    @Override
    public int exitValue() {
        Integer value = exit.getNow(null);
        if (value == null) throw new IllegalThreadStateException("process " + pid + " has not exited");
        return value;
    }

    @Override
    public boolean isAlive() {
        return !exit.isDone();
    }

    @Override
    public void destroy() {
        if (!exit.isDone()) NativeIo.kill(pid, SIGTERM);
    }

    @Override
    public Process destroyForcibly() {
        if (!exit.isDone()) NativeIo.kill(pid, SIGKILL);
        return this;
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public CompletableFuture<Process> onExit() {
        return exit.thenApply(status -> this);
    }

    @Override
    public ProcessHandle toHandle() {
        return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("process " + pid + " is gone"));
    }

    @Override
    public java.util.stream.Stream<ProcessHandle> children() {
        return ProcessHandle.of(pid).map(ProcessHandle::children).orElseGet(java.util.stream.Stream::empty);
    }

    @Override
    public java.util.stream.Stream<ProcessHandle> descendants() {
        return ProcessHandle.of(pid).map(ProcessHandle::descendants).orElseGet(java.util.stream.Stream::empty);
    }

    @Override
    public OutputStream getOutputStream() {
        return stdin;
    }

    @Override
    public InputStream getInputStream() {
        return stdout;
    }

    @Override
    public InputStream getErrorStream() {
        return stderr;
    }
}
