package dev.pipes.docker.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build context's tar, read back by the system's tar as Docker's would read it. */
class BuildContextTest {
    @TempDir
    Path dir;

    private String tar(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("tar"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void holdsTheDockerfileAndTheRootFileSystemWithModesAndLongPaths() throws Exception {
        Path exe = dir.resolve("tool");
        Files.writeString(exe, "#!/bin/sh\necho hi\n");
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-x---"));
        String deep = "/opt/" + "a-rather-long-directory-name/".repeat(5) + "file.bin";
        BuildContext context = new BuildContext()
                .file("/usr/local/bin/tool", exe)
                .bytes(deep, new byte[] {0, 1, 2, (byte) 255}, 0644)
                .directory("/tmp", 01777)
                .dockerfile("FROM scratch\nCOPY rootfs/ /\n");
        try (OutputStream out = Files.newOutputStream(dir.resolve("ctx.tar"))) {
            context.writeTo(out);
        }
        String listing = tar("-tvf", "ctx.tar");
        assertTrue(listing.contains("Dockerfile"), listing);
        assertTrue(listing.matches("(?s).*-rwxr-x--- .*rootfs/usr/local/bin/tool.*"), listing);
        assertTrue(listing.matches("(?s).*drwxrwxrwt .*rootfs/tmp/.*"), listing);
        Files.createDirectories(dir.resolve("out"));
        tar("-xf", "ctx.tar", "-C", "out");
        assertEquals("FROM scratch\nCOPY rootfs/ /\n", Files.readString(dir.resolve("out/Dockerfile")));
        assertEquals("#!/bin/sh\necho hi\n", Files.readString(dir.resolve("out/rootfs/usr/local/bin/tool")));
        byte[] bytes = Files.readAllBytes(dir.resolve("out/rootfs" + deep));
        assertEquals(4, bytes.length);
        assertEquals((byte) 255, bytes[3]);
    }

    @Test
    void aUsersDirectoryIsItsOwnContext() throws Exception {
        Path user = Files.createDirectories(dir.resolve("user"));
        Files.writeString(user.resolve("Dockerfile"), "FROM base\nCOPY x /x\n");
        Files.writeString(user.resolve("x"), "x\n");
        try (OutputStream out = Files.newOutputStream(dir.resolve("user.tar"))) {
            BuildContext.ofDirectory(user).writeTo(out);
        }
        String listing = tar("-tf", "user.tar");
        assertTrue(listing.lines().anyMatch(l -> l.equals("Dockerfile")), listing);
        assertTrue(listing.lines().anyMatch(l -> l.equals("x")), listing);
    }
}
