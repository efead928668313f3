package dev.pipes.engine.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random byte strings (every value but NUL, which no shell string can hold) go into a variable
 * through {@code x=$(printf ...)} and come out unchanged through {@code echo "$x"}, an external
 * command's argument and environment, a service stage's data and its argument, fused into a local process or run by
 * its agent. The seed is printed with a failure so that a case can be replayed.
 */
class BytesFuzzTest {
    private static final int STRINGS = 40;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "fuse={0}")
    @ValueSource(booleans = {true, false})
    void randomBytesComeOutAsTheyWentIn(boolean fuse) throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (ServiceShell shell = new ServiceShell(dir, fuse)) {
            shell.service("pass", "cat");
            shell.service("firstarg", "printf %s \"$1\"");
            for (int n = 0; n < STRINGS; n++) {
                byte[] input = new byte[1 + random.nextInt(n < 4 ? 255 : 64)];
                for (int i = 0; i < input.length; i++) input[i] = (byte) (1 + random.nextInt(255));
                if (n < 4) for (int i = 0; i < input.length; i++) input[i] = (byte) (i + 1); // every value once
                StringBuilder format = new StringBuilder();
                for (byte b : input) format.append(String.format("\\%03o", b & 0xff));
                // the dot keeps trailing newlines from the command substitution's stripping
                String script = "x=$(printf '" + format + "'; printf .); x=${x%.}\n"
                        + "echo \"$x\" > echo.out\n"
                        + "printf '%s' \"$x\" | pass > service.out\n"
                        + "sh -c 'printf %s \"$1\"' sh \"$x\" > arg.out\n"
                        + "V=\"$x\" sh -c 'printf %s \"$V\"' > env.out\n"
                        + "firstarg \"$x\" > service-arg.out\n";
                String what = "seed " + seed + ", string " + n + ": " + HexFormat.of().formatHex(input);
                assertEquals(0, shell.run(script), what + "\n" + shell.err());
                byte[] withNewline = java.util.Arrays.copyOf(input, input.length + 1);
                withNewline[input.length] = '\n';
                assertArrayEquals(withNewline, Files.readAllBytes(dir.resolve("echo.out")), "echo, " + what);
                assertArrayEquals(input, Files.readAllBytes(dir.resolve("service.out")), "service stage, " + what);
                assertArrayEquals(input, Files.readAllBytes(dir.resolve("arg.out")), "argument, " + what);
                assertArrayEquals(input, Files.readAllBytes(dir.resolve("env.out")), "environment, " + what);
                assertArrayEquals(input, Files.readAllBytes(dir.resolve("service-arg.out")), "service argument, " + what);
                shell.resetOutput();
            }
        }
    }
}
