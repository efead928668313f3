package dev.pipes.engine.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The native calls behind process start-up: pipes, posix_spawn with descriptors 0-9, raw names. */
class NativeIoTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void onLinux() {
        if (!System.getProperty("os.name").toLowerCase().contains("linux")) return;
        assertTrue(NativeIo.available(), "native calls must work on Linux (glibc): pipesh's processes depend on them");
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String readAll(FdStreams.In in) throws Exception {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void aChildGetsDescriptorsThreeToNineAndItsArgvZero() throws Exception {
        FdStreams.Pipe three = FdStreams.pipe();
        FdStreams.Pipe nine = FdStreams.pipe();
        NativeIo.Source[] fds = new NativeIo.Source[10];
        fds[0] = new NativeIo.Source.Open(b("/dev/null"), NativeIo.O_RDONLY);
        fds[3] = new NativeIo.Source.Fd(three.sink().fd());
        fds[9] = new NativeIo.Source.Fd(nine.sink().fd());
        int pid = NativeIo.spawn(b("/bin/sh"), List.of(b("my-name"), b("-c"), b("echo $0 >&3; echo nine >&9")),
                List.of(b("PATH=/usr/bin:/bin")), b(dir.toString()), fds);
        three.sink().close();
        nine.sink().close();
        assertEquals("my-name\n", readAll(three.source()));
        assertEquals("nine\n", readAll(nine.source()));
        assertEquals(0, NativeIo.waitFor(pid));
    }

    @Test
    void argumentsEnvironmentAndDirectoryKeepEveryByte() throws Exception {
        FdStreams.Pipe out = FdStreams.pipe();
        NativeIo.Source[] fds = new NativeIo.Source[10];
        fds[1] = new NativeIo.Source.Fd(out.sink().fd());
        byte[] arg = {'a', (byte) 0xff, (byte) 0xc3};
        byte[] env = {'V', '=', (byte) 0xfe};
        int pid = NativeIo.spawn(b("/bin/sh"), List.of(b("sh"), b("-c"), b("printf '%s|%s|' \"$1\" \"$V\"; pwd"), b("sh"), arg),
                List.of(env), b(dir.toString()), fds);
        out.sink().close();
        byte[] got = out.source().readAllBytes();
        byte[] want = new byte[] {'a', (byte) 0xff, (byte) 0xc3, '|', (byte) 0xfe, '|'};
        assertArrayEquals(want, java.util.Arrays.copyOf(got, want.length));
        assertEquals(dir.toRealPath() + "\n", new String(got, want.length, got.length - want.length, StandardCharsets.UTF_8));
        assertEquals(0, NativeIo.waitFor(pid));
    }

    @Test
    void descriptorsNotGivenAreClosed() throws Exception {
        FdStreams.Pipe out = FdStreams.pipe();
        NativeIo.Source[] fds = new NativeIo.Source[10];
        fds[1] = new NativeIo.Source.Fd(out.sink().fd());
        int pid = NativeIo.spawn(b("/bin/ls"), List.of(b("ls"), b("/proc/self/fd")), List.of(), null, fds);
        out.sink().close();
        // 1, and the one ls opened to list the directory: the lowest free, 0, since 0 and 2 are closed
        assertEquals(List.of("0", "1"), List.of(readAll(out.source()).strip().split("\n")));
        assertEquals(0, NativeIo.waitFor(pid));
    }

    @Test
    void statusesAndSignals() throws Exception {
        NativeIo.Source[] fds = new NativeIo.Source[3];
        int exit = NativeIo.spawn(b("/bin/sh"), List.of(b("sh"), b("-c"), b("exit 7")), List.of(), null, fds);
        assertEquals(7, NativeIo.waitFor(exit));
        int killed = NativeIo.spawn(b("/bin/sh"), List.of(b("sh"), b("-c"), b("kill -9 $$")), List.of(), null, fds);
        assertEquals(128 + 9, NativeIo.waitFor(killed));
        NativeIo.SpawnException missing = assertThrows(NativeIo.SpawnException.class,
                () -> NativeIo.spawn(b("/no/such/program"), List.of(b("x")), List.of(), null, fds));
        assertEquals("No such file or directory", missing.getMessage());
    }

    @Test
    void aFileWithoutAnInterpreterLineRunsAsAShellScript() throws Exception {
        Path script = dir.resolve("plain");
        Files.writeString(script, "echo plain-script\n");
        script.toFile().setExecutable(true);
        Path out = dir.resolve("out");
        NativeIo.Source[] fds = new NativeIo.Source[3];
        fds[1] = new NativeIo.Source.Open(b(out.toString()), NativeIo.O_WRONLY | NativeIo.O_CREAT);
        Process process = ProcessLauncher.NATIVE.spawn(new ProcessLauncher.Spawn(b(script.toString()), List.of(b("plain")),
                List.of(), null, fds));
        assertEquals(0, process.waitFor());
        assertEquals("plain-script\n", Files.readString(out));
    }

    @Test
    void directoryNamesAreBytes() throws Exception {
        Files.writeString(dir.resolve("plain"), "");
        byte[] raw = {'f', (byte) 0xe9};
        int pid = NativeIo.spawn(b("/usr/bin/touch"), List.of(b("touch"), raw), List.of(), b(dir.toString()),
                new NativeIo.Source[3]);
        assertEquals(0, NativeIo.waitFor(pid));
        List<byte[]> names = NativeIo.listDirectory(b(dir.toString()));
        assertEquals(2, names.size());
        assertTrue(names.stream().anyMatch(n -> java.util.Arrays.equals(n, raw)));
    }
}
