package dev.pipes.docker.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedLibrariesTest {
    @Test
    void aDynamicExecutableNeedsTheCLibraryAndTheLoader() throws Exception {
        List<Path> libs = SharedLibraries.of(Path.of("/bin/cat"));
        assertTrue(libs.stream().anyMatch(p -> p.getFileName().toString().startsWith("libc.so")), libs.toString());
        assertTrue(libs.stream().anyMatch(p -> p.getFileName().toString().startsWith("ld-linux")), libs.toString());
    }

    @Test
    void aScriptNeedsItsInterpreterAndThatOnesLibraries(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("s");
        Files.writeString(script, "#!/bin/sh -e\necho hi\n");
        List<Path> libs = SharedLibraries.of(script);
        assertEquals(Path.of("/bin/sh"), libs.get(0));
        assertTrue(libs.stream().anyMatch(p -> p.getFileName().toString().startsWith("libc.so")), libs.toString());
    }
}
