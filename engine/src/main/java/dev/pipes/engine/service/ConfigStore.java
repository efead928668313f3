package dev.pipes.engine.service;

import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Consumer;

/**
 * The shared configuration of pipes as keys and values, the way etcd keeps it: keys are
 * slash-separated paths ({@code services/wc}) whose segments {@link ConfigKeys} checks. The embedded
 * store keeps them in files under $PIPES_HOME; a cluster keeps them in etcd behind the same
 * interface, and both pass the same conformance tests ({@code ConfigStoreContract}).
 *
 * <p>A key is never also the beginning of another key ({@code a} and {@code a/b}), as a file is
 * never also a directory. Failures of the store itself (a disk, a lost etcd) are
 * {@link java.io.UncheckedIOException}s whose message names the store and the key.
 */
public interface ConfigStore {
    Optional<String> get(String key);

    /** Sets {@code key} atomically: a reader sees the old value or the new one, never a mix. */
    void put(String key, String value);

    /** Removes {@code key}; false when there was none. */
    boolean delete(String key);

    /** Every key under {@code prefix} (ending with a slash), at any depth, and its value, sorted by key. */
    SortedMap<String, String> list(String prefix);

    /**
     * Tells {@code listener} of every change under {@code prefix} (ending with a slash) from the
     * moment this method returns until the watch is closed: a put as the key and its value, a
     * delete as the key and an empty value. Changes of one key arrive in the order they were made
     * (a store may merge quick successive changes of a key into the latest one); the listener runs
     * on a thread of the store and must not block for long.
     */
    Watch watch(String prefix, Consumer<Change> listener);

    /** One change of a key: its new value, or empty when it was deleted. */
    record Change(String key, Optional<String> value) {
        public static Change put(String key, String value) {
            return new Change(key, Optional.of(value));
        }

        public static Change deleted(String key) {
            return new Change(key, Optional.empty());
        }
    }

    /** A running watch; closing it stops the calls to its listener. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }
}
