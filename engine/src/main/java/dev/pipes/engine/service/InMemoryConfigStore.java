package dev.pipes.engine.service;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A store in memory, for tests and for shells that keep nothing: the same rules as the file store
 * and etcd (it passes the same conformance tests). Listeners run on the thread that made the
 * change, after the change.
 */
public final class InMemoryConfigStore implements ConfigStore {
    private final TreeMap<String, String> entries = new TreeMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    private record Listener(String prefix, Consumer<Change> consumer) {}

    @Override
    public synchronized Optional<String> get(String key) {
        ConfigKeys.check(key);
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public void put(String key, String value) {
        ConfigKeys.check(key);
        synchronized (this) {
            entries.put(key, value);
        }
        notify(Change.put(key, value));
    }

    @Override
    public boolean delete(String key) {
        ConfigKeys.check(key);
        boolean existed;
        synchronized (this) {
            existed = entries.remove(key) != null;
        }
        if (existed) notify(Change.deleted(key));
        return existed;
    }

    @Override
    public synchronized SortedMap<String, String> list(String prefix) {
        ConfigKeys.checkPrefix(prefix);
        return new TreeMap<>(entries.subMap(prefix, prefix + Character.MAX_VALUE));
    }

    @Override
    public Watch watch(String prefix, Consumer<Change> listener) {
        ConfigKeys.checkPrefix(prefix);
        Listener l = new Listener(prefix, listener);
        listeners.add(l);
        return () -> listeners.remove(l);
    }

    private void notify(Change change) {
        for (Listener l : listeners) {
            if (!change.key().startsWith(l.prefix())) continue;
            try {
                l.consumer().accept(change);
            } catch (RuntimeException e) {
                // one failing listener must not keep the change from the others
            }
        }
    }
}
