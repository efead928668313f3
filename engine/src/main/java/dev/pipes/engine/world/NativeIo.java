package dev.pipes.engine.world;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The few system calls of the C library that Java does not offer and a shell needs: real pipes
 * whose descriptors can be handed to a child, {@code posix_spawn} with file actions (so that a
 * child gets any descriptor 0-9, its argv[0] and its argument and environment bytes exactly as
 * given), {@code waitpid} and {@code kill}. Called through Java's foreign function API (no
 * library of our own to build). {@link #available()} is false off Linux/glibc or where native
 * access is refused; callers then use ProcessBuilder as before.
 */
public final class NativeIo {
    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 1;
    public static final int O_RDWR = 2;
    public static final int O_CREAT = 0100;
    public static final int O_TRUNC = 01000;
    public static final int O_APPEND = 02000;
    public static final int O_CLOEXEC = 02000000;
    static final int EINTR = 4;
    static final int EAGAIN = 11;
    public static final int ENOEXEC = 8;
    private static final int F_DUPFD_CLOEXEC = 1030;
    private static final int POSIX_SPAWN_SETSIGDEF = 0x04;
    private static final int POSIX_SPAWN_SETSIGMASK = 0x08;
    private static final short POLLIN = 0x1;
    private static final short POLLOUT = 0x4;
    /** Larger than glibc's posix_spawn_file_actions_t (80 bytes), posix_spawnattr_t (336) and sigset_t (128). */
    private static final long OPAQUE = 1024;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Native N = load();

    private NativeIo() {}

    /** The handles; {@code null} when native calls cannot be made here. */
    private record Native(Linked pipe2, Linked read, Linked write, Linked close,
                          Linked fcntl, Linked poll, Linked spawn, Linked faInit,
                          Linked faDestroy, Linked faDup2, Linked faClose, Linked faOpen, Linked faChdir,
                          Linked faCloseFrom, Linked attrInit, Linked attrDestroy,
                          Linked attrFlags, Linked attrSigmask, Linked attrSigdefault,
                          Linked sigempty, Linked sigfill, Linked waitpid, Linked kill,
                          Linked strerror, Linked open, Linked opendir, Linked readdir, Linked closedir) {}

    private static Native load() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) return null;
        if ("0".equals(System.getenv("PIPES_NATIVE_SPAWN"))) return null;
        try {
            SymbolLookup libc = LINKER.defaultLookup();
            ValueLayout.OfInt i = ValueLayout.JAVA_INT;
            ValueLayout.OfLong l = ValueLayout.JAVA_LONG;
            var p = ValueLayout.ADDRESS;
            Linker.Option errno = Linker.Option.captureCallState("errno");
            return new Native(
                    h(libc, "pipe2", FunctionDescriptor.of(i, p, i), errno),
                    h(libc, "read", FunctionDescriptor.of(l, i, p, l), errno),
                    h(libc, "write", FunctionDescriptor.of(l, i, p, l), errno),
                    h(libc, "close", FunctionDescriptor.of(i, i)),
                    h(libc, "fcntl", FunctionDescriptor.of(i, i, i, i), errno, Linker.Option.firstVariadicArg(2)),
                    h(libc, "poll", FunctionDescriptor.of(i, p, l, i), errno),
                    h(libc, "posix_spawn", FunctionDescriptor.of(i, p, p, p, p, p, p)),
                    h(libc, "posix_spawn_file_actions_init", FunctionDescriptor.of(i, p)),
                    h(libc, "posix_spawn_file_actions_destroy", FunctionDescriptor.of(i, p)),
                    h(libc, "posix_spawn_file_actions_adddup2", FunctionDescriptor.of(i, p, i, i)),
                    h(libc, "posix_spawn_file_actions_addclose", FunctionDescriptor.of(i, p, i)),
                    h(libc, "posix_spawn_file_actions_addopen", FunctionDescriptor.of(i, p, i, p, i, i)),
                    h(libc, "posix_spawn_file_actions_addchdir_np", FunctionDescriptor.of(i, p, p)),
                    h(libc, "posix_spawn_file_actions_addclosefrom_np", FunctionDescriptor.of(i, p, i)),
                    h(libc, "posix_spawnattr_init", FunctionDescriptor.of(i, p)),
                    h(libc, "posix_spawnattr_destroy", FunctionDescriptor.of(i, p)),
                    h(libc, "posix_spawnattr_setflags", FunctionDescriptor.of(i, p, ValueLayout.JAVA_SHORT)),
                    h(libc, "posix_spawnattr_setsigmask", FunctionDescriptor.of(i, p, p)),
                    h(libc, "posix_spawnattr_setsigdefault", FunctionDescriptor.of(i, p, p)),
                    h(libc, "sigemptyset", FunctionDescriptor.of(i, p)),
                    h(libc, "sigfillset", FunctionDescriptor.of(i, p)),
                    h(libc, "waitpid", FunctionDescriptor.of(i, i, p, i), errno),
                    h(libc, "kill", FunctionDescriptor.of(i, i, i), errno),
                    h(libc, "strerror", FunctionDescriptor.of(p, i)),
                    h(libc, "open", FunctionDescriptor.of(i, p, i, i), errno, Linker.Option.firstVariadicArg(2)),
                    h(libc, "opendir", FunctionDescriptor.of(p, p)),
                    h(libc, "readdir", FunctionDescriptor.of(p, p)),
                    h(libc, "closedir", FunctionDescriptor.of(i, p)));
        } catch (RuntimeException | Error e) {
            return null; // no such symbol (not glibc 2.34+), or native access refused: ProcessBuilder it is
        }
    }

    private static Linked h(SymbolLookup lookup, String name, FunctionDescriptor descriptor, Linker.Option... options) {
        MemorySegment symbol = lookup.find(name).orElseThrow(() -> new IllegalStateException("no " + name));
        return new Linked(symbol, descriptor, options);
    }

    /**
     * A libc function, linked on its first call: linking generates a stub class per function
     * (~3 ms each), and a shell that runs only builtins (`pipesh -c true`) should not pay for
     * the 28 of them at start-up. The symbol itself is looked up at once, so that
     * {@link #available()} still says whether every function exists.
     */
    private static final class Linked {
        private final MemorySegment symbol;
        private final FunctionDescriptor descriptor;
        private final Linker.Option[] options;
        private volatile MethodHandle handle;

        Linked(MemorySegment symbol, FunctionDescriptor descriptor, Linker.Option[] options) {
            this.symbol = symbol;
            this.descriptor = descriptor;
            this.options = options;
        }

        MethodHandle get() {
            MethodHandle linked = handle;
            if (linked == null) handle = linked = LINKER.downcallHandle(symbol, descriptor, options);
            return linked;
        }
    }

    /** Whether pipes and processes are made here (Linux, glibc with posix_spawn's chdir and closefrom actions). */
    public static boolean available() {
        return N != null;
    }

    /** A new pipe, both ends close-on-exec: {@code [read end, write end]}. */
    public static int[] pipe() throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(ValueLayout.JAVA_INT, 2);
            MemorySegment state = arena.allocate(CAPTURE);
            int r = (int) N.pipe2.get().invokeExact(state, fds, O_CLOEXEC);
            if (r != 0) throw failure("pipe", errno(state));
            return new int[] {fds.getAtIndex(ValueLayout.JAVA_INT, 0), fds.getAtIndex(ValueLayout.JAVA_INT, 1)};
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Native memory a thread reuses for its reads and writes (an arena per call costs more than the call). */
    private record Scratch(MemorySegment state, MemorySegment pollfd, MemorySegment buffer) {}

    private static final int SCRATCH_BYTES = 64 * 1024;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(() -> {
        Arena arena = Arena.ofAuto(); // freed with the thread's Scratch
        return new Scratch(arena.allocate(CAPTURE), arena.allocate(8, 4), arena.allocate(SCRATCH_BYTES));
    });

    /**
     * Reads up to {@code length} bytes; -1 at the end. One system call, since {@code read} takes a
     * pipe a byte at a time: no {@code poll} first. A thread blocked here is released when its
     * writer goes (a killed pipeline's writers all go, and a stopped copier closes its end).
     */
    static int read(int fd, byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) return 0;
        if (Thread.currentThread().isInterrupted()) throw new java.io.InterruptedIOException("interrupted");
        Scratch scratch = SCRATCH.get();
        int wanted = Math.min(length, SCRATCH_BYTES);
        try {
            while (true) {
                long n = (long) N.read.get().invokeExact(scratch.state(), fd, scratch.buffer(), (long) wanted);
                if (n > 0) {
                    MemorySegment.copy(scratch.buffer(), ValueLayout.JAVA_BYTE, 0, buffer, offset, (int) n);
                    return (int) n;
                }
                if (n == 0) return -1;
                int err = errno(scratch.state());
                if (err == EINTR) continue;
                if (err == EAGAIN) {
                    awaitReady(scratch, fd, POLLIN);
                    continue;
                }
                throw failure("read", err);
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Writes all of {@code length} bytes (an interrupted thread stops waiting for room). */
    static void write(int fd, byte[] buffer, int offset, int length) throws IOException {
        Scratch scratch = SCRATCH.get();
        try {
            int done = 0;
            while (done < length) {
                int chunk = Math.min(length - done, SCRATCH_BYTES);
                MemorySegment.copy(buffer, offset + done, scratch.buffer(), ValueLayout.JAVA_BYTE, 0, chunk);
                int sent = 0;
                while (sent < chunk) {
                    awaitReady(scratch, fd, POLLOUT);
                    long n = (long) N.write.get().invokeExact(scratch.state(), fd, scratch.buffer().asSlice(sent), (long) chunk - sent);
                    if (n >= 0) {
                        sent += (int) n;
                        continue;
                    }
                    int err = errno(scratch.state());
                    if (err != EINTR && err != EAGAIN) throw failure("write", err);
                }
                done += chunk;
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static void awaitReady(Scratch scratch, int fd, short events) throws Throwable {
        MemorySegment pollfd = scratch.pollfd();
        while (true) {
            if (Thread.currentThread().isInterrupted()) throw new java.io.InterruptedIOException("interrupted");
            pollfd.set(ValueLayout.JAVA_INT, 0, fd);
            pollfd.set(ValueLayout.JAVA_SHORT, 4, events);
            pollfd.set(ValueLayout.JAVA_SHORT, 6, (short) 0);
            int r = (int) N.poll.get().invokeExact(scratch.state(), pollfd, 1L, 250);
            if (r > 0) return; // ready, or an error/hang-up that the read or write itself reports
            if (r < 0 && errno(scratch.state()) != EINTR) return;
        }
    }

    public static void close(int fd) {
        try {
            int ignored = (int) N.close.get().invokeExact(fd);
        } catch (Throwable t) {
            // a descriptor that cannot be closed is left as it is
        }
    }

    /** A copy of {@code fd} numbered {@code min} or above, close-on-exec. */
    static int dupAbove(int fd, int min) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            int r = (int) N.fcntl.get().invokeExact(state, fd, F_DUPFD_CLOEXEC, min);
            if (r < 0) throw failure("dup", errno(state));
            return r;
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** What a child gets on one of its descriptors: a descriptor of ours, or a file it opens itself. */
    public sealed interface Source {
        record Fd(int fd) implements Source {}

        record Open(byte[] path, int flags) implements Source {}
    }

    /**
     * Starts {@code path} with {@code argv} and {@code env} (each entry {@code NAME=value}) in
     * {@code cwd}; the child's descriptor {@code t} is {@code fds[t]} (null: closed) for t in 0..9,
     * every other descriptor closed; signal dispositions and mask at their defaults.
     * Returns the pid.
     *
     * @throws SpawnException with the error number when the program cannot be started
     */
    public static int spawn(byte[] path, java.util.List<byte[]> argv, java.util.List<byte[]> env, byte[] cwd,
                            Source[] fds) throws SpawnException {
        java.util.List<Integer> copies = new java.util.ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment actions = arena.allocate(OPAQUE, 16);
            MemorySegment attr = arena.allocate(OPAQUE, 16);
            check((int) N.faInit.get().invokeExact(actions));
            check((int) N.attrInit.get().invokeExact(attr));
            try {
                for (int t = 0; t < fds.length; t++) {
                    Source source = fds[t];
                    if (source instanceof Source.Fd fd) {
                        // every source is first copied above 9, so that no dup2 onto 0..9 can
                        // overwrite a descriptor still to be given (the copies are closed after)
                        int copy = dupAbove(fd.fd(), 10);
                        copies.add(copy);
                        check((int) N.faDup2.get().invokeExact(actions, copy, t));
                    } else if (source instanceof Source.Open open) {
                        check((int) N.faOpen.get().invokeExact(actions, t, cString(arena, open.path()), open.flags(), 0666));
                    } else {
                        // the JVM's own descriptors (its jars, say) are not close-on-exec
                        check((int) N.faClose.get().invokeExact(actions, t));
                    }
                }
                check((int) N.faCloseFrom.get().invokeExact(actions, fds.length));
                if (cwd != null) check((int) N.faChdir.get().invokeExact(actions, cString(arena, cwd)));
                MemorySegment sigs = arena.allocate(OPAQUE, 16);
                check((int) N.sigfill.get().invokeExact(sigs));
                check((int) N.attrSigdefault.get().invokeExact(attr, sigs));
                MemorySegment none = arena.allocate(OPAQUE, 16);
                check((int) N.sigempty.get().invokeExact(none));
                check((int) N.attrSigmask.get().invokeExact(attr, none));
                check((int) N.attrFlags.get().invokeExact(attr, (short) (POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)));
                MemorySegment pid = arena.allocate(ValueLayout.JAVA_INT);
                int err = (int) N.spawn.get().invokeExact(pid, cString(arena, path), actions, attr,
                        cStrings(arena, argv), cStrings(arena, env));
                if (err != 0) throw new SpawnException(err, strerror(err));
                return pid.get(ValueLayout.JAVA_INT, 0);
            } finally {
                int a = (int) N.faDestroy.get().invokeExact(actions);
                int b = (int) N.attrDestroy.get().invokeExact(attr);
            }
        } catch (SpawnException e) {
            throw e;
        } catch (IOException e) {
            throw new SpawnException(0, e.getMessage());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        } finally {
            for (int copy : copies) close(copy);
        }
    }

    /** A program that could not be started: {@code errno} (0 when not known) and its text. */
    public static final class SpawnException extends IOException {
        private static final long serialVersionUID = 1L;
        public final int errno;

        SpawnException(int errno, String message) {
            super(message, null);
            this.errno = errno;
        }
    }

    /** Waits for the child {@code pid} and reaps it: its exit status, or 128 + the signal that ended it. */
    public static int waitFor(int pid) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            MemorySegment status = arena.allocate(ValueLayout.JAVA_INT);
            while (true) {
                int r = (int) N.waitpid.get().invokeExact(state, pid, status, 0);
                if (r == pid) {
                    int s = status.get(ValueLayout.JAVA_INT, 0);
                    int signal = s & 0x7f;
                    return signal == 0 ? (s >> 8) & 0xff : 128 + signal;
                }
                if (r < 0 && errno(state) != EINTR) return 127; // not our child any more: nothing to report
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Sends {@code signal} to {@code pid}; false when it is gone. */
    public static boolean kill(int pid, int signal) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            return (int) N.kill.get().invokeExact(state, pid, signal) == 0;
        } catch (Throwable t) {
            return false;
        }
    }

    /** Opens the file named by {@code path}'s bytes (new files get mode 0666 less the umask), close-on-exec. */
    public static int open(byte[] path, int flags) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            while (true) {
                int fd = (int) N.open.get().invokeExact(state, cString(arena, path), flags | O_CLOEXEC, 0666);
                if (fd >= 0) return fd;
                int err = errno(state);
                if (err != EINTR) throw new IOException(strerror(err));
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Offset of {@code d_name} in glibc's {@code struct dirent} on 64-bit Linux (ino, off, reclen, type). */
    private static final long D_NAME = 19;

    /**
     * The names in the directory {@code path} as bytes (without {@code .} and {@code ..}), or null
     * when it cannot be read. Java lists names decoded in the locale's charset, which loses bytes.
     */
    public static java.util.List<byte[]> listDirectory(byte[] path) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment dir = (MemorySegment) N.opendir.get().invokeExact(cString(arena, path));
            if (dir.equals(MemorySegment.NULL)) return null;
            java.util.List<byte[]> names = new java.util.ArrayList<>();
            try {
                while (true) {
                    MemorySegment entry = (MemorySegment) N.readdir.get().invokeExact(dir);
                    if (entry.equals(MemorySegment.NULL)) break;
                    MemorySegment name = entry.reinterpret(D_NAME + 256).asSlice(D_NAME);
                    int length = 0;
                    while (length < 256 && name.get(ValueLayout.JAVA_BYTE, length) != 0) length++;
                    byte[] bytes = name.asSlice(0, length).toArray(ValueLayout.JAVA_BYTE);
                    if ((length == 1 && bytes[0] == '.') || (length == 2 && bytes[0] == '.' && bytes[1] == '.')) continue;
                    names.add(bytes);
                }
            } finally {
                int ignored = (int) N.closedir.get().invokeExact(dir);
            }
            return names;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static String strerror(int err) {
        try {
            MemorySegment text = (MemorySegment) N.strerror.get().invokeExact(err);
            return text.reinterpret(1024).getString(0);
        } catch (Throwable t) {
            return "error " + err;
        }
    }

    private static void check(int result) throws IOException {
        if (result != 0) throw failure("posix_spawn", result);
    }

    private static IOException failure(String call, int err) {
        return new IOException(call + ": " + strerror(err));
    }

    private static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    private static MemorySegment cString(Arena arena, byte[] bytes) {
        MemorySegment s = arena.allocate(bytes.length + 1L);
        MemorySegment.copy(bytes, 0, s, ValueLayout.JAVA_BYTE, 0, bytes.length);
        s.set(ValueLayout.JAVA_BYTE, bytes.length, (byte) 0);
        return s;
    }

    private static MemorySegment cStrings(Arena arena, java.util.List<byte[]> strings) {
        MemorySegment array = arena.allocate(ValueLayout.ADDRESS, strings.size() + 1L);
        for (int k = 0; k < strings.size(); k++) array.setAtIndex(ValueLayout.ADDRESS, k, cString(arena, strings.get(k)));
        array.setAtIndex(ValueLayout.ADDRESS, strings.size(), MemorySegment.NULL);
        return array;
    }
}
