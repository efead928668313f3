package dev.pipes.completions.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoaderTest {
    @TempDir
    Path userDirectory;
    private final List<String> warnings = new ArrayList<>();

    @Test
    void theUsersOwnSpecIsReadBeforeTheShippedOne() throws IOException {
        Files.writeString(userDirectory.resolve("cd.spec"), "describe: my cd\nargs: jobs\n");
        SpecLoader loader = new SpecLoader(userDirectory, warnings::add);
        assertEquals("my cd", loader.find("cd").orElseThrow().description());
        assertEquals(List.of(ArgumentKind.JOBS), loader.find("cd").orElseThrow().arguments());
        assertEquals(List.of(ArgumentKind.WORKFLOWS), loader.find("query").orElseThrow().arguments());
        assertTrue(warnings.isEmpty());
    }

    @Test
    void aBrokenUserSpecIsReportedAndTheShippedOneApplies() throws IOException {
        Files.writeString(userDirectory.resolve("cd.spec"), "describe: fine\nargz: dirs\n");
        SpecLoader loader = new SpecLoader(userDirectory, warnings::add);
        assertEquals(List.of(ArgumentKind.DIRECTORIES), loader.find("cd").orElseThrow().arguments());
        assertEquals(List.of("pipesh: ignoring completion spec " + userDirectory.resolve("cd.spec")
                + ":2: unknown key 'argz' (expected describe, option, values, args or words)"), warnings);
    }

    @Test
    void commandsWithoutASpecAndOddNamesHaveNone() {
        SpecLoader loader = new SpecLoader(userDirectory, warnings::add);
        assertTrue(loader.find("no-such-command").isEmpty());
        assertTrue(loader.find("../etc/passwd").isEmpty());
        assertTrue(loader.find("").isEmpty());
    }
}
