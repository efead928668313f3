package dev.pipes.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * pipesh as a real process keeps the bytes of what the system hands it (a script file, {@code -c}
 * text, arguments, the environment) in the C and in a UTF-8 locale, and refuses a binary file as
 * a script as bash does. Java cannot put arbitrary bytes into a child's argv, so {@code sh} makes
 * them with printf and starts pipesh.
 */
class BytesProcessIT {
    private static final Path JAR = Path.of("target", "pipesh.jar").toAbsolutePath();
    private static String pipesh;

    @TempDir
    Path dir;

    @BeforeAll
    static void findJar() {
        assertTrue(Files.isRegularFile(JAR), "the packaged pipesh is missing: " + JAR);
        String java = ProcessHandle.current().info().command().orElse("java");
        pipesh = java + " -XX:+UseSerialGC -XX:TieredStopAtLevel=1 --enable-native-access=ALL-UNNAMED -jar " + JAR;
    }

    private record Result(int status, byte[] out, String err) {}

    /** Runs {@code sh -c SCRIPT} where {@code $PIPESH} starts pipesh, under {@code locale}. */
    private Result sh(String script, String locale) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", "-c", script));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().put("PIPESH", pipesh);
        builder.environment().put("LC_ALL", locale);
        Path out = dir.resolve("stdout.bin");
        Path err = dir.resolve("stderr.txt");
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "pipesh did not finish");
        return new Result(process.exitValue(), Files.readAllBytes(out), Files.readString(err, StandardCharsets.ISO_8859_1));
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) out[i] = (byte) values[i];
        return out;
    }

    @ParameterizedTest(name = "LC_ALL={0}")
    @ValueSource(strings = {"C", "C.UTF-8"})
    void aLatin1ScriptFileRuns(String locale) throws Exception {
        Files.write(dir.resolve("l1.sh"), bytes('e', 'c', 'h', 'o', ' ', 'c', 'a', 'f', 0xe9, '\n'));
        Result result = sh("$PIPESH l1.sh", locale);
        assertEquals(0, result.status(), result.err());
        assertArrayEquals(bytes('c', 'a', 'f', 0xe9, '\n'), result.out());
    }

    @ParameterizedTest(name = "LC_ALL={0}")
    @ValueSource(strings = {"C", "C.UTF-8"})
    void invalidUtf8InDashCText(String locale) throws Exception {
        Result result = sh("$PIPESH -c \"$(printf 'echo caf\\351')\"", locale);
        assertEquals(0, result.status(), result.err());
        assertArrayEquals(bytes('c', 'a', 'f', 0xe9, '\n'), result.out());
    }

    @ParameterizedTest(name = "LC_ALL={0}")
    @ValueSource(strings = {"C", "C.UTF-8"})
    void invalidUtf8InArgumentsAndZero(String locale) throws Exception {
        Result result = sh("$PIPESH -c 'printf \"%s|%s\" \"$0\" \"$1\"' \"$(printf 'n\\377')\" \"$(printf 'a\\376\\303\\251')\"",
                locale);
        assertEquals(0, result.status(), result.err());
        assertArrayEquals(bytes('n', 0xff, '|', 'a', 0xfe, 0xc3, 0xa9), result.out());
    }

    @ParameterizedTest(name = "LC_ALL={0}")
    @ValueSource(strings = {"C", "C.UTF-8"})
    void invalidUtf8InTheEnvironment(String locale) throws Exception {
        Result result = sh("V=$(printf 'v\\376w') $PIPESH -c 'printf %s \"$V\"; sh -c \"printf %s \\\"\\$V\\\"\"'", locale);
        assertEquals(0, result.status(), result.err());
        assertArrayEquals(bytes('v', 0xfe, 'w', 'v', 0xfe, 'w'), result.out());
    }

    @Test
    void aBinaryFileIsRefusedAsAScript() throws Exception {
        Result result = sh("$PIPESH /bin/true", "C");
        assertEquals(126, result.status());
        assertEquals("pipesh: /bin/true: cannot execute binary file\n", result.err());
    }

    @Test
    void scriptsThatCannotBeReadSayWhy() throws Exception {
        Files.createDirectories(dir.resolve("adir"));
        Result directory = sh("$PIPESH adir", "C");
        assertEquals(126, directory.status());
        assertEquals("pipesh: adir: Is a directory\n", directory.err());
        Result missing = sh("$PIPESH missing.sh", "C");
        assertEquals(127, missing.status());
        assertEquals("pipesh: missing.sh: No such file or directory\n", missing.err());
    }
}
