package dev.pipes.docker.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterRecordTest {
    static final ClusterRecord RECORD = new ClusterRecord("demo", "unix:///var/run/docker.sock", true, "pipes-demo",
            "pipes-demo-router", "ws://127.0.0.1:41423/", "t1ck3t", "http://127.0.0.1:36151", "pipes-demo-etcd",
            "pipes-demo-etcd-data", "pipes-agent:abc", "", "", List.of("tcp://10.0.0.3:2375"), List.of("tcp://10.0.0.2:2375"), List.of("n2id", "n3id"));

    @Test
    void survivesItsTextForm() {
        assertEquals(RECORD, ClusterRecord.decode(RECORD.encode()));
    }

    @Test
    void isWrittenToAndReadFromPipesHome(@TempDir Path home) throws Exception {
        assertTrue(ClusterRecord.read(home).isEmpty());
        RECORD.write(home);
        assertEquals(RECORD, ClusterRecord.read(home).orElseThrow());
        assertTrue(Files.isRegularFile(home.resolve("cluster")), "the module's marker is the record");
    }

    @Test
    void agentsReachTheRouterByItsServiceNameOnTheOverlay() {
        assertEquals("ws://pipes-demo-router:8080/", RECORD.routerUrlForAgents());
        assertEquals("pipes/demo/", RECORD.namespace());
    }
}
