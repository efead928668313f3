package dev.pipes.docker.swarm;

import dev.pipes.docker.etcd.Etcd;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.options.PutOption;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A shell's liveness in etcd: the key {@code NAMESPACE/shells/ID} under a lease of {@link #TTL_SECONDS},
 * renewed every few seconds with single keep-alives (jetcd's streaming keep-alive can end on its
 * own); a lease that expired is granted anew. A shell killed with SIGKILL stops renewing, its key
 * goes, and the next shell removes the stage services labelled with its id.
 */
final class ShellLease implements AutoCloseable {
    static final long TTL_SECONDS = 10;

    private final Etcd etcd;
    private final String namespace;
    private final String id;
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("pipes-shell-lease").unstarted(r));
    private volatile long lease;

    ShellLease(Etcd etcd, String namespace, String id) throws Exception {
        this.etcd = etcd;
        this.namespace = namespace;
        this.id = id;
        grant();
        renewer.scheduleWithFixedDelay(this::renew, TTL_SECONDS / 3, TTL_SECONDS / 3, TimeUnit.SECONDS);
    }

    private void grant() throws Exception {
        lease = etcd.client().getLeaseClient().grant(TTL_SECONDS).get(5, TimeUnit.SECONDS).getID();
        etcd.client().getKVClient().put(key(id), bytes("alive"), PutOption.builder().withLeaseId(lease).build())
                .get(5, TimeUnit.SECONDS);
    }

    private void renew() {
        try {
            etcd.client().getLeaseClient().keepAliveOnce(lease).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            try {
                grant(); // expired (etcd was away longer than the TTL): a new lease, the key again
            } catch (Exception again) {
                // etcd unreachable: try at the next tick
            }
        }
    }

    /** Whether the shell {@code owner} holds its lease (true when etcd cannot tell: never remove on a doubt). */
    boolean alive(String owner) {
        try {
            return etcd.client().getKVClient().get(key(owner)).get(5, TimeUnit.SECONDS).getCount() > 0;
        } catch (Exception e) {
            return true;
        }
    }

    String id() {
        return id;
    }

    private ByteSequence key(String owner) {
        return bytes(namespace + "shells/" + owner);
    }

    private static ByteSequence bytes(String s) {
        return ByteSequence.from(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        renewer.shutdownNow();
        try {
            etcd.client().getLeaseClient().revoke(lease).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // it expires on its own
        }
    }
}
