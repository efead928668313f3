package dev.pipes.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanTest {
    private static Stage.LocalCommand local(String... argv) {
        return new Stage.LocalCommand(Path.of("/usr/bin", argv[0]), List.of(argv), Map.of(), List.of());
    }

    @Test
    void jointsFollowFromTheStages() {
        Stage builtin = new Stage.Builtin(List.of("echo", "x"), Map.of(), List.of());
        Stage service = new Stage.Service("upper", List.of("upper"), List.of());
        Stage fused = new Stage.Service("lower", List.of("lower"), List.of(), ServiceRoute.fused("here", Path.of("/bin/lower")));
        Stage v1 = new Stage.Service("old", List.of("old"), List.of(), ServiceRoute.agent("there", 1));
        Stage unknown = new Stage.Service("native", List.of("native"), List.of(), ServiceRoute.agent("there", ServiceRoute.UNKNOWN));
        Plan plan = Plan.of("echo x | cat | lower | cat | upper | upper | old | native | upper",
                List.of(builtin, local("cat"), fused, local("cat"), service, service, v1, unknown, service), false, false);
        assertEquals(List.of(Joint.IN_PROCESS, Joint.OS_PIPE, Joint.OS_PIPE, Joint.WAMP_DIRECT, Joint.WAMP_DIRECT,
                Joint.WAMP_VIA_ROUTER, Joint.WAMP_VIA_ROUTER, Joint.WAMP_NATIVE), plan.joints());
    }

    @Test
    void aClustersStagesMeetTheShellThroughTheRouterAndEachOtherDirectly() {
        Stage remote = new Stage.Service("up", List.of("up"), List.of(), ServiceRoute.remoteAgent("cluster c", 2));
        Plan plan = Plan.of("seq 3 | up | up | cat", List.of(local("seq", "3"), remote, remote, local("cat")), false, false);
        assertEquals(List.of(Joint.WAMP_VIA_ROUTER, Joint.WAMP_DIRECT, Joint.WAMP_VIA_ROUTER), plan.joints());
    }

    @Test
    void rendersOneLinePerStageAndJoint() {
        Plan plan = Plan.of("cat f | wc -l > n", List.of(local("cat", "f"),
                new Stage.LocalCommand(Path.of("/usr/bin/wc"), List.of("wc", "-l"), Map.of("LC_ALL", "C"),
                        List.of(new RedirectPlan(1, RedirectPlan.Op.WRITE, "n")))), true, true);
        assertEquals("""
                pipeline: cat f | wc -l > n  (status negated)  (in the background)
                  1. local command /usr/bin/cat argv=[cat, f]
                  | OS pipe (same host)
                  2. local command /usr/bin/wc argv=[wc, -l] env+={LC_ALL=C} redirects=[1>n]
                """, plan.render());
    }

    @Test
    void aPlanIsAnImmutableValue() {
        List<Stage> stages = new java.util.ArrayList<>(List.of(local("cat")));
        Plan plan = Plan.of("cat", stages, false, false);
        stages.add(local("wc"));
        assertEquals(1, plan.stages().size());
        assertThrows(UnsupportedOperationException.class, () -> plan.stages().add(local("x")));
        assertEquals(plan, Plan.of("cat", List.of(local("cat")), false, false));
    }

    @Test
    void jointCountMustMatch() {
        assertThrows(IllegalArgumentException.class, () -> new Plan("x", List.of(local("a"), local("b")), List.of(), false, false));
    }
}
