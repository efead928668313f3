package dev.pipes.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pipes.shell.spec.SpecTestAccess;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * pipesh as a real process (the packaged jar): a few spec files through it, standard input as
 * the script, a {@code #!/usr/bin/env pipesh} script, and real descriptors inherited by commands.
 */
class PipeshProcessIT {
    private static final Path JAR = Path.of("target", "pipesh.jar").toAbsolutePath();
    private static List<String> pipesh;

    @TempDir
    Path dir;

    @BeforeAll
    static void findJar() {
        assertTrue(Files.isRegularFile(JAR), "the packaged pipesh is missing: " + JAR);
        String java = ProcessHandle.current().info().command().orElse("java");
        pipesh = List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString());
    }

    @TestFactory
    Stream<DynamicNode> specFilesThroughARealProcess() throws Exception {
        return SpecTestAccess.cases("pipesh", pipesh, List.of("smoke.test.sh", "pipeline.test.sh", "redirect.test.sh",
                "jobs.test.sh"));
    }

    private record Result(int status, String out, String err) {}

    private Result run(List<String> command, String stdin, Map<String, String> extraEnv) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().putAll(extraEnv);
        Path in = dir.resolve("stdin.txt");
        Files.writeString(in, stdin);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        builder.redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "pipesh did not finish");
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void aScriptOnStandardInput() throws Exception {
        Result result = run(pipesh, "echo from stdin | tr a-z A-Z\nexit 3\n", Map.of());
        assertEquals("FROM STDIN\n", result.out(), result.err());
        assertEquals(3, result.status());
    }

    @Test
    void aJobReadsDevNullNotTheShellsInput() throws Exception {
        Result result = run(concat(pipesh, "-c", "cat & wait; echo end; cat"), "kept for the last cat\n", Map.of());
        assertEquals("end\nkept for the last cat\n", result.out(), result.err());
    }

    @Test
    void aShebangScriptWithArguments() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path launcher = bin.resolve("pipesh");
        Files.writeString(launcher, "#!/bin/sh\nexec " + String.join(" ", pipesh) + " \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path script = dir.resolve("hello.pipes");
        Files.writeString(script, "#!/usr/bin/env pipesh\necho \"hello $1, $# args\"\nexit 4\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Result result = run(List.of(script.toString(), "world", "x"), "",
                Map.of("PATH", bin + File.pathSeparator + System.getenv("PATH")));
        assertEquals("hello world, 2 args\n", result.out(), result.err());
        assertEquals(4, result.status());
    }

    @Test
    void aSyntaxErrorNamesTheFileLineAndColumn() throws Exception {
        Files.writeString(dir.resolve("bad.sh"), "echo ok\nif true; then\n");
        Result result = run(concat(pipesh, "bad.sh"), "", Map.of());
        assertEquals(2, result.status());
        assertTrue(result.err().startsWith("bad.sh:"), result.err());
    }

    @Test
    void commandsWriteStraightToTheInheritedDescriptors() throws Exception {
        Result result = run(concat(pipesh, "-c", "cat stdin.txt | tr a-z A-Z; echo err >&2; ls /nonexistent 2>&1 | wc -l"),
                "abc\n", Map.of());
        assertEquals("ABC\n1\n", result.out(), result.err());
        assertEquals("err\n", result.err());
    }

    @Test
    void thePlainShellsClassPathHoldsNoClusterLibrary() throws Exception {
        String classPath;
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(JAR.toFile())) {
            classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
        }
        assertTrue(classPath.contains("lib/pipes-engine-"), classPath);
        for (String cluster : List.of("pipes-docker", "docker-java", "jetcd", "grpc", "vertx", "guava")) {
            assertTrue(!classPath.contains(cluster), cluster + " is on the plain shell's class path: " + classPath);
        }
        Path module = JAR.resolveSibling("modules").resolve("cluster");
        try (Stream<Path> jars = Files.list(module)) {
            List<String> names = jars.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.startsWith("pipes-docker-")), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.startsWith("docker-java-core-")), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.startsWith("jetcd-core-")), names.toString());
            assertTrue(names.stream().noneMatch(n -> n.startsWith("pipes-engine-")), "shared jars stay in lib/: " + names);
        }
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
