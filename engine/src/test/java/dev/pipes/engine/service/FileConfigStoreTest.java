package dev.pipes.engine.service;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store passes the store conformance tests. */
class FileConfigStoreTest extends ConfigStoreContract {
    @TempDir
    Path dir;

    @Override
    protected ConfigStore emptyStore() throws Exception {
        return new FileConfigStore(Files.createTempDirectory(dir, "store").resolve("store"));
    }
}
