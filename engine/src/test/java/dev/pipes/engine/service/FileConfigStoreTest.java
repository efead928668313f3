package dev.pipes.engine.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store passes the store conformance tests. */
class FileConfigStoreTest extends ConfigStoreContract {
    @TempDir
    Path dir;

    @Override
    protected ConfigStore emptyStore() throws Exception {
        return new FileConfigStore(Files.createTempDirectory(dir, "store").resolve("store"));
    }

    /**
     * A put into a directory that does not exist yet races the watch: the new directory is watched,
     * then walked, and a file renamed into it in between is both found and announced. Each of many
     * such puts must still be reported exactly once.
     */
    @Test
    void aPutIntoANewDirectoryIsReportedOnce() throws Exception {
        ConfigStore store = emptyStore();
        BlockingQueue<ConfigStore.Change> changes = new LinkedBlockingQueue<>();
        List<ConfigStore.Change> seen = new ArrayList<>();
        try (ConfigStore.Watch watch = store.watch("d/", changes::add)) {
            for (int i = 0; i < 200; i++) {
                store.put("d/" + i + "/k", "v");
                store.put("d/" + i + "/last", "v");
                awaitReport(changes, seen, "d/" + i + "/last");
            }
            store.put("d/end/last", "v");
            awaitReport(changes, seen, "d/end/last");
        }
        Map<String, Integer> times = new TreeMap<>();
        for (ConfigStore.Change change : seen) times.merge(change.key(), 1, Integer::sum);
        times.forEach((key, n) -> assertEquals(1, n, key + " reported " + n + " times"));
        assertEquals(401, times.size(), "keys reported: " + times.keySet());
    }

    private static void awaitReport(BlockingQueue<ConfigStore.Change> changes, List<ConfigStore.Change> seen, String key)
            throws InterruptedException {
        while (true) {
            ConfigStore.Change change = changes.poll(WATCH_SECONDS, TimeUnit.SECONDS);
            if (change == null) throw new AssertionError("no report of " + key + " within " + WATCH_SECONDS + " s");
            seen.add(change);
            if (change.key().equals(key)) return;
        }
    }
}
