package dev.pipes.docker.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which of the engines of {@code pipes init --servers ... --managers N} join as what. */
class JoinPlanTest {
    static final List<String> FOUR = List.of("tcp://a:2375", "tcp://b:2375", "tcp://c:2375", "tcp://d:2375");

    @Test
    void withoutManagersTheOthersJoinAsWorkers() {
        JoinPlan plan = JoinPlan.of(FOUR, 0);
        assertEquals("tcp://a:2375", plan.primary());
        assertEquals(List.of(), plan.managers());
        assertEquals(List.of("tcp://b:2375", "tcp://c:2375", "tcp://d:2375"), plan.workers());
    }

    @Test
    void theFirstNOfTheOthersJoinAsManagersInTheirOrder() {
        JoinPlan plan = JoinPlan.of(FOUR, 2);
        assertEquals("tcp://a:2375", plan.primary());
        assertEquals(List.of("tcp://b:2375", "tcp://c:2375"), plan.managers());
        assertEquals(List.of("tcp://d:2375"), plan.workers());
        assertEquals(List.of("tcp://b:2375", "tcp://c:2375", "tcp://d:2375"), plan.joining(), "managers join first");
        assertTrue(plan.quorumNote().isEmpty(), "three managers: an odd number");
    }

    @Test
    void allOthersMayBeManagers() {
        JoinPlan plan = JoinPlan.of(FOUR, 3);
        assertEquals(List.of("tcp://b:2375", "tcp://c:2375", "tcp://d:2375"), plan.managers());
        assertEquals(List.of(), plan.workers());
        assertTrue(plan.quorumNote().orElseThrow().startsWith("4 managers tolerate the loss of 1"), plan.quorumNote().get());
    }

    @Test
    void anEvenNumberOfManagersGetsAWord() {
        assertTrue(JoinPlan.of(FOUR, 1).quorumNote().isPresent());
    }

    @Test
    void moreManagersThanEnginesIsRefusedBeforeAnythingChanges() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JoinPlan.of(FOUR, 4));
        assertEquals("--managers 4: only 3 engine(s) in --servers beside the first, which is a manager already", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JoinPlan.of(List.of(), 1));
        assertThrows(IllegalArgumentException.class, () -> JoinPlan.of(FOUR, -1));
    }

    @Test
    void theLocalEngineAloneJoinsNobody() {
        JoinPlan plan = JoinPlan.of(List.of(), 0);
        assertNull(plan.primary());
        assertEquals(List.of(), plan.joining());
    }

    @Test
    void theRecordKeepsManagersAndWorkersApartAndReadsAnOlderRecordWithoutManagers() {
        ClusterRecord record = new ClusterRecord("x", "tcp://a:2375", true, "pipes-x", "pipes-x-router", "ws://10.0.0.1:1/", "t",
                "http://10.0.0.1:2", "", "", "pipes-agent:1", "", "10.0.0.1", List.of("tcp://d:2375"), List.of("tcp://b:2375", "tcp://c:2375"),
                List.of("nb", "nc", "nd"));
        assertEquals(record, ClusterRecord.decode(record.encode()));
        String older = record.encode().lines().filter(l -> !l.startsWith("managers=") && !l.startsWith("joinedNodes=")).reduce("", (a, b) -> a + b + "\n");
        assertEquals(List.of(), ClusterRecord.decode(older).managers());
        assertEquals(List.of(), ClusterRecord.decode(older).joinedNodes());
    }
}
