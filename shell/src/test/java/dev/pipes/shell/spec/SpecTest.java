package dev.pipes.shell.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of the spec files (spec/*.test.sh at the project root) through pipesh -c and
 * through a script file, in this JVM, and through bash so that each expectation is known to be
 * what a real shell does (where pipesh differs on purpose, the file says so with an OK/N-I line).
 */
class SpecTest {
    static final Path SPEC_DIR = Path.of("").toAbsolutePath().getParent().resolve("spec");
    static final Path WORK = Path.of("target", "spec-work").toAbsolutePath();
    private static final Path BASH = Path.of("/usr/bin/bash");

    static List<Path> specFiles() throws IOException {
        try (Stream<Path> files = Files.list(SPEC_DIR)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".test.sh")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicNode> pipeshWithDashC() throws IOException {
        return cases(SpecRunner.pipeshInProcess(false), "c");
    }

    @TestFactory
    Stream<DynamicNode> pipeshWithScriptFile() throws IOException {
        return cases(SpecRunner.pipeshInProcess(true), "file");
    }

    @TestFactory
    Stream<DynamicNode> bashAgreesWithTheSpec() throws IOException {
        if (!Files.isExecutable(BASH)) {
            String why = "bash is not installed at " + BASH + ": the spec is not checked against it";
            if ("true".equals(System.getenv("CI"))) throw new AssertionError(why);
            Assumptions.abort(why);
        }
        return cases(SpecRunner.process("bash", List.of("bash"), false), "bash");
    }

    static Stream<DynamicNode> cases(SpecRunner runner, String mode) throws IOException {
        List<DynamicNode> files = new ArrayList<>();
        for (Path file : specFiles()) {
            List<DynamicNode> tests = new ArrayList<>();
            for (SpecCase specCase : SpecFile.read(file)) {
                tests.add(DynamicTest.dynamicTest(specCase.line() + " " + specCase.name(), file.toUri(),
                        () -> check(runner, specCase, mode)));
            }
            files.add(DynamicContainer.dynamicContainer(file.getFileName().toString(), tests.stream()));
        }
        return files.stream();
    }

    static void check(SpecRunner runner, SpecCase specCase, String mode) throws Exception {
        Path dir = WORK.resolve(mode).resolve(specCase.file().replace(".test.sh", "") + "-" + specCase.line());
        deleteTree(dir);
        Files.createDirectories(dir);
        SpecRunner.Result result = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> runner.run(specCase, dir),
                specCase.displayName());
        SpecCase.Expectation expected = specCase.expectedFor(runner.shell());
        String where = specCase.displayName() + " [" + runner.shell() + " " + mode + "]\n--- code:\n" + specCase.code()
                + "--- stderr:\n" + result.stderr();
        assertEquals(expected.stdout(), result.stdout(), "stdout of " + where);
        assertEquals(expected.status(), result.status(), "status of " + where);
        if (expected.stderr() != null) assertEquals(expected.stderr(), result.stderr(), "stderr of " + where);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
