package dev.pipes.engine.service;

import java.util.Optional;
import java.util.SortedMap;

/**
 * The shared configuration of pipes as keys and values, the way etcd keeps it: keys are
 * slash-separated paths ({@code services/wc}). The embedded store keeps them in files under
 * $PIPES_HOME; a cluster keeps them in etcd behind the same interface.
 */
public interface ConfigStore {
    Optional<String> get(String key);

    /** Sets {@code key} atomically: a reader sees the old value or the new one, never a mix. */
    void put(String key, String value);

    /** Removes {@code key}; false when there was none. */
    boolean delete(String key);

    /** Every key under {@code prefix} (ending with a slash) and its value, sorted by key. */
    SortedMap<String, String> list(String prefix);
}
