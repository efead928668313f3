package dev.pipes.engine.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConfigStore} does, the same for the file store, the in-memory store and etcd:
 * a store's test class extends this and says how to make a fresh, empty store.
 */
public abstract class ConfigStoreContract {
    /** A store with no keys; each call gives one that no other test sees. */
    protected abstract ConfigStore emptyStore() throws Exception;

    /** How long a watch may take to deliver a change (no test waits this long unless it fails). */
    protected static final long WATCH_SECONDS = 10;

    @Test
    void putGetDelete() throws Exception {
        ConfigStore store = emptyStore();
        assertEquals(Optional.empty(), store.get("services/wc"));
        store.put("services/wc", "one");
        assertEquals(Optional.of("one"), store.get("services/wc"));
        store.put("services/wc", "two");
        assertEquals(Optional.of("two"), store.get("services/wc"));
        assertTrue(store.delete("services/wc"));
        assertFalse(store.delete("services/wc"));
        assertEquals(Optional.empty(), store.get("services/wc"));
    }

    @Test
    void valuesKeepEveryCharacter() throws Exception {
        ConfigStore store = emptyStore();
        String value = "line 1\nline 2\r\n\ttab = : # ! \u00e9\u4e2d\ud83d\ude00 \\ \"quoted\"\n";
        store.put("a/b", value);
        assertEquals(Optional.of(value), store.get("a/b"));
        store.put("a/empty", "");
        assertEquals(Optional.of(""), store.get("a/empty"));
    }

    @Test
    void listGivesEveryKeyUnderAPrefixSortedAtAnyDepth() throws Exception {
        ConfigStore store = emptyStore();
        store.put("services/b", "2");
        store.put("services/a", "1");
        store.put("services/deep/er", "3");
        store.put("servicesx/no", "no");
        store.put("other/no", "no");
        assertEquals(new TreeMap<>(Map.of("services/a", "1", "services/b", "2", "services/deep/er", "3")),
                store.list("services/"));
        assertEquals(List.of("services/a", "services/b", "services/deep/er"), List.copyOf(store.list("services/").keySet()));
        assertEquals(Map.of("services/deep/er", "3"), store.list("services/deep/"));
        assertTrue(store.list("nothing/").isEmpty());
    }

    @Test
    void badKeysAreRefusedWithTheirName() throws Exception {
        ConfigStore store = emptyStore();
        for (String key : List.of("../escape", "a//b", "/abs", "a/", "", "a/.hidden", "sp ace", "a/-x")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.put(key, "x"), key);
            assertTrue(e.getMessage().startsWith("invalid key '" + key + "'"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> store.get(key), key);
            assertThrows(IllegalArgumentException.class, () -> store.delete(key), key);
        }
        assertThrows(IllegalArgumentException.class, () -> store.list("services"));
        assertThrows(IllegalArgumentException.class, () -> store.list("../"));
        assertThrows(IllegalArgumentException.class, () -> store.watch("services", change -> {}));
        store.put("a-1/b_2/c.3", "ok");
        assertEquals(Optional.of("ok"), store.get("a-1/b_2/c.3"));
    }

    @Test
    void aWatchSeesPutsAndDeletesUnderItsPrefixOnly() throws Exception {
        ConfigStore store = emptyStore();
        store.put("services/before", "old");
        BlockingQueue<ConfigStore.Change> changes = new LinkedBlockingQueue<>();
        try (ConfigStore.Watch watch = store.watch("services/", changes::add)) {
            store.put("other/x", "not seen");
            store.put("services/wc", "v1");
            assertEquals(ConfigStore.Change.put("services/wc", "v1"), next(changes));
            store.put("services/nested/deep", "d");
            assertEquals(ConfigStore.Change.put("services/nested/deep", "d"), next(changes));
            store.put("services/wc", "v2");
            assertEquals(ConfigStore.Change.put("services/wc", "v2"), next(changes));
            assertTrue(store.delete("services/wc"));
            assertEquals(ConfigStore.Change.deleted("services/wc"), next(changes));
            assertTrue(store.delete("services/before"));
            assertEquals(ConfigStore.Change.deleted("services/before"), next(changes));
        }
        assertTrue(changes.isEmpty(), "nothing outside the prefix, nothing twice: " + changes);
    }

    @Test
    void aClosedWatchIsSilentAndTwoWatchesAreIndependent() throws Exception {
        ConfigStore store = emptyStore();
        BlockingQueue<ConfigStore.Change> first = new LinkedBlockingQueue<>();
        BlockingQueue<ConfigStore.Change> second = new LinkedBlockingQueue<>();
        ConfigStore.Watch a = store.watch("k/", first::add);
        try (ConfigStore.Watch b = store.watch("k/", second::add)) {
            store.put("k/1", "x");
            assertEquals(ConfigStore.Change.put("k/1", "x"), next(first));
            assertEquals(ConfigStore.Change.put("k/1", "x"), next(second));
            a.close();
            store.put("k/2", "y");
            assertEquals(ConfigStore.Change.put("k/2", "y"), next(second));
            // the second watch saw k/2, so a watch that were still open would have seen it by now too
            assertTrue(first.isEmpty(), "a closed watch reported " + first);
        }
    }

    @Test
    void aThrowingListenerDoesNotEndItsWatch() throws Exception {
        ConfigStore store = emptyStore();
        BlockingQueue<ConfigStore.Change> changes = new LinkedBlockingQueue<>();
        try (ConfigStore.Watch watch = store.watch("w/", change -> {
            changes.add(change);
            throw new IllegalStateException("listener bug");
        })) {
            store.put("w/1", "a");
            assertEquals(ConfigStore.Change.put("w/1", "a"), next(changes));
            store.put("w/2", "b");
            assertEquals(ConfigStore.Change.put("w/2", "b"), next(changes));
        }
    }

    private static ConfigStore.Change next(BlockingQueue<ConfigStore.Change> changes) throws InterruptedException {
        ConfigStore.Change change = changes.poll(WATCH_SECONDS, TimeUnit.SECONDS);
        if (change == null) throw new AssertionError("no change reported within " + WATCH_SECONDS + " s");
        return change;
    }
}
