package dev.pipes.docker.etcd;

import dev.pipes.engine.service.ConfigStore;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchEvent;
import io.etcd.jetcd.watch.WatchResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A watch on a prefix in etcd. It starts at the revision that follows the store's revision when it
 * was asked for, so no change made after {@link #start} returns is missed. It requires a leader
 * (a member cut off from its quorum ends the watch instead of going silent), and it starts again
 * from the next revision it has not seen when the stream breaks, so a restart of etcd loses nothing.
 */
final class EtcdWatch implements ConfigStore.Watch {
    private static final long RETRY_MILLIS = 500;

    private final Etcd etcd;
    private final String namespace;
    private final String prefix;
    private final Consumer<ConfigStore.Change> listener;
    private volatile long nextRevision;
    private volatile Watch.Watcher watcher;
    private volatile boolean closed;

    private EtcdWatch(Etcd etcd, String namespace, String prefix, Consumer<ConfigStore.Change> listener) {
        this.etcd = etcd;
        this.namespace = namespace;
        this.prefix = prefix;
        this.listener = listener;
    }

    static EtcdWatch start(Etcd etcd, String namespace, String prefix, Consumer<ConfigStore.Change> listener) {
        EtcdWatch watch = new EtcdWatch(etcd, namespace, prefix, listener);
        long revision = etcd.await(etcd.client().getKVClient().get(Etcd.bytes(namespace + prefix),
                GetOption.builder().isPrefix(true).withCountOnly(true).build()), "watch " + prefix).getHeader().getRevision();
        watch.nextRevision = revision + 1;
        watch.open();
        return watch;
    }

    private synchronized void open() {
        if (closed) return;
        WatchOption option = WatchOption.builder().isPrefix(true).withRevision(nextRevision).withRequireLeader(true).build();
        watcher = etcd.client().getWatchClient().watch(Etcd.bytes(namespace + prefix), option,
                Watch.listener(this::onNext, this::onError, this::onCompleted));
    }

    private void onNext(WatchResponse response) {
        for (WatchEvent event : response.getEvents()) {
            if (closed) return;
            String key = Etcd.text(event.getKeyValue().getKey()).substring(namespace.length());
            ConfigStore.Change change = event.getEventType() == WatchEvent.EventType.DELETE
                    ? ConfigStore.Change.deleted(key) : ConfigStore.Change.put(key, Etcd.text(event.getKeyValue().getValue()));
            nextRevision = Math.max(nextRevision, event.getKeyValue().getModRevision() + 1);
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                // a failing listener must not end the watch for the changes that follow
            }
        }
    }

    private void onError(Throwable error) {
        reopenLater();
    }

    private void onCompleted() {
        reopenLater();
    }

    /** The stream ended (etcd restarted, a leader was lost): watch again from the first unseen revision. */
    private void reopenLater() {
        if (closed) return;
        Watch.Watcher old = watcher;
        if (old != null) old.close();
        CompletableFuture.delayedExecutor(RETRY_MILLIS, TimeUnit.MILLISECONDS).execute(this::open);
    }

    @Override
    public void close() {
        closed = true;
        Watch.Watcher w = watcher;
        if (w != null) w.close();
    }
}
