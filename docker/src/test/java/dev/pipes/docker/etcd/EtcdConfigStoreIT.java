package dev.pipes.docker.etcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pipes.docker.testing.EtcdProcess;
import dev.pipes.engine.service.ConfigStore;
import dev.pipes.engine.service.ConfigStoreContract;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The etcd store passes the same conformance tests as the file store, against a real etcd. */
class EtcdConfigStoreIT extends ConfigStoreContract {
    private static EtcdProcess server;
    private static Etcd etcd;
    private static final AtomicInteger NAMESPACES = new AtomicInteger();

    @BeforeAll
    static void startEtcd() throws Exception {
        server = EtcdProcess.start();
        etcd = Etcd.connect(server.endpoints());
    }

    @AfterAll
    static void stopEtcd() throws Exception {
        if (etcd != null) etcd.close();
        if (server != null) server.close();
    }

    @Override
    protected ConfigStore emptyStore() {
        return etcd.store("pipes-test/" + NAMESPACES.incrementAndGet() + "/");
    }

    @Test
    void namespacesDoNotSeeEachOther() {
        EtcdConfigStore a = (EtcdConfigStore) emptyStore();
        EtcdConfigStore b = (EtcdConfigStore) emptyStore();
        a.put("services/x", "a");
        assertEquals(Optional.empty(), b.get("services/x"));
        assertTrue(b.list("services/").isEmpty());
        assertEquals(1, a.deleteAll());
        assertEquals(Optional.empty(), a.get("services/x"));
    }

    @Test
    void anUnreachableEtcdIsNamedInTheError() throws Exception {
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort());
        try (Etcd lost = Etcd.connect(List.of(nowhere))) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> lost.store("p/").get("services/x"));
            assertTrue(e.getMessage().startsWith("etcd at " + nowhere), e.getMessage());
            assertTrue(e.getMessage().contains(": cannot read services/x: "), e.getMessage());
        }
    }

    private static int closedPort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
