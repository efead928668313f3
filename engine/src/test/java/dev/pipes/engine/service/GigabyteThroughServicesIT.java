package dev.pipes.engine.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1 GiB of random bytes through three services, byte-exact by SHA-256. The test JVM's heap is
 * 1 GiB, so a stream that buffered its data anywhere instead of holding its writer back would fail.
 */
@Timeout(600)
class GigabyteThroughServicesIT {
    static final long SIZE = 1L << 30;

    @TempDir
    Path dir;

    @Test
    void oneGibibyteThroughThreeServicesArrivesByteExact() throws Exception {
        Path input = dir.resolve("random.bin");
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        SplittableRandom random = new SplittableRandom(2026);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(input)), sha)) {
            for (long written = 0; written < SIZE; written += block.length) {
                for (int i = 0; i < block.length; i += 8) {
                    long value = random.nextLong();
                    for (int k = 0; k < 8; k++) block[i + k] = (byte) (value >>> (8 * k));
                }
                out.write(block);
            }
        }
        String expected = HexFormat.of().formatHex(sha.digest());
        try (ServiceShell shell = new ServiceShell(dir)) {
            shell.service("pass", "exec cat");
            assertEquals(0, shell.run("pass < random.bin | pass | pass | sha256sum > sum.txt"), shell.err());
            assertEquals(List.of(0, 0, 0, 0), shell.state().pipeStatus);
        } finally {
            Files.deleteIfExists(input);
        }
        assertEquals(expected + "  -\n", Files.readString(dir.resolve("sum.txt")));
    }
}
