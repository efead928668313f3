package dev.pipes.shell.spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/** Lets tests outside this package run chosen spec files through a shell process. */
public final class SpecTestAccess {
    private SpecTestAccess() {}

    public static Stream<DynamicNode> cases(String shell, List<String> command, List<String> fileNames) throws IOException {
        SpecRunner runner = SpecRunner.process(shell, command, false);
        List<DynamicNode> files = new ArrayList<>();
        for (String name : fileNames) {
            Path file = SpecTest.SPEC_DIR.resolve(name);
            List<DynamicNode> tests = new ArrayList<>();
            for (SpecCase specCase : SpecFile.read(file)) {
                tests.add(DynamicTest.dynamicTest(specCase.line() + " " + specCase.name(), file.toUri(),
                        () -> SpecTest.check(runner, specCase, "process")));
            }
            files.add(DynamicContainer.dynamicContainer(name, tests.stream()));
        }
        return files.stream();
    }
}
