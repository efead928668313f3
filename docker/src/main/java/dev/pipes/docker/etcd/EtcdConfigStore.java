package dev.pipes.docker.etcd;

import dev.pipes.engine.service.ConfigKeys;
import dev.pipes.engine.service.ConfigStore;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.options.GetOption;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The configuration store of a cluster: keys of the {@link ConfigStore} under a namespace in etcd
 * ({@code pipes/NAME/services/wc}), with the same key rules and behaviour as the embedded file
 * store (both pass {@code ConfigStoreContract}). Every call is bounded in time; a lost etcd is an
 * {@link java.io.UncheckedIOException} naming its endpoints and what was attempted.
 */
public final class EtcdConfigStore implements ConfigStore {
    private final Etcd etcd;
    private final String namespace;

    EtcdConfigStore(Etcd etcd, String namespace) {
        if (!namespace.endsWith("/")) throw new IllegalArgumentException("a namespace ends with '/': " + namespace);
        this.etcd = etcd;
        this.namespace = namespace;
    }

    public String namespace() {
        return namespace;
    }

    @Override
    public Optional<String> get(String key) {
        ConfigKeys.check(key);
        GetResponse r = etcd.await(etcd.client().getKVClient().get(Etcd.bytes(namespace + key)), "read " + key);
        return r.getKvs().isEmpty() ? Optional.empty() : Optional.of(Etcd.text(r.getKvs().get(0).getValue()));
    }

    @Override
    public void put(String key, String value) {
        ConfigKeys.check(key);
        etcd.await(etcd.client().getKVClient().put(Etcd.bytes(namespace + key), Etcd.bytes(value)), "write " + key);
    }

    @Override
    public boolean delete(String key) {
        ConfigKeys.check(key);
        return etcd.await(etcd.client().getKVClient().delete(Etcd.bytes(namespace + key)), "delete " + key).getDeleted() > 0;
    }

    @Override
    public SortedMap<String, String> list(String prefix) {
        ConfigKeys.checkPrefix(prefix);
        GetResponse r = etcd.await(etcd.client().getKVClient().get(Etcd.bytes(namespace + prefix),
                GetOption.builder().isPrefix(true).build()), "list " + prefix);
        SortedMap<String, String> out = new TreeMap<>();
        for (KeyValue kv : r.getKvs()) out.put(Etcd.text(kv.getKey()).substring(namespace.length()), Etcd.text(kv.getValue()));
        return out;
    }

    @Override
    public Watch watch(String prefix, Consumer<Change> listener) {
        ConfigKeys.checkPrefix(prefix);
        return EtcdWatch.start(etcd, namespace, prefix, listener);
    }

    /** Removes every key of this namespace (what {@code pipes leave} does with a cluster's configuration). */
    public long deleteAll() {
        return etcd.await(etcd.client().getKVClient().delete(Etcd.bytes(namespace),
                io.etcd.jetcd.options.DeleteOption.builder().isPrefix(true).build()), "delete " + namespace).getDeleted();
    }
}
