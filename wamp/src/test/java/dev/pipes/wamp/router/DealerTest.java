package dev.pipes.wamp.router;

import dev.pipes.wamp.message.MessageType;
import dev.pipes.wamp.message.WampMessage.*;
import dev.pipes.wamp.message.WampUris;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.pipes.wamp.router.RouterHarness.*;
import static org.junit.jupiter.api.Assertions.*;

class DealerTest {
    final Router router = router();

    @AfterEach
    void close() {
        router.close();
    }

    private static long register(TestPeer callee, String procedure, Map<String, Object> options) {
        callee.deliver(new Register(100, options, procedure));
        return callee.expect(Registered.class).registration();
    }

    @Test
    void callIsInvokedAndTheYieldReturnsAsResult() {
        TestPeer callee = join(router);
        TestPeer caller = join(router);
        long reg = register(callee, "com.add", Map.of());
        caller.deliver(new Call(7, Map.of(), "com.add", List.of(2L, 3L), Map.of("k", "v")));
        Invocation inv = callee.expect(Invocation.class);
        assertEquals(reg, inv.registration());
        assertEquals(List.of(2L, 3L), inv.args());
        assertEquals(Map.of("k", "v"), inv.kwargs());
        assertEquals(Map.of(), inv.details());
        callee.deliver(new Yield(inv.request(), Map.of(), List.of(5L), null));
        assertEquals(new Result(7, Map.of(), List.of(5L), null), caller.expect(Result.class));
    }

    @Test
    void errorsOfCalleeReachCallerAndUnknownProcedureIsAnError() {
        TestPeer callee = join(router);
        TestPeer caller = join(router);
        register(callee, "com.fail", Map.of());
        caller.deliver(new Call(1, Map.of(), "com.fail", null, null));
        Invocation inv = callee.expect(Invocation.class);
        callee.deliver(new WampError(MessageType.INVOCATION, inv.request(), Map.of(), "com.app.oops", List.of("bad"), null));
        assertEquals(new WampError(MessageType.CALL, 1, Map.of(), "com.app.oops", List.of("bad"), null),
                caller.expect(WampError.class));
        caller.deliver(new Call(2, Map.of(), "com.none", null, null));
        WampError e = caller.expect(WampError.class);
        assertEquals(WampUris.NO_SUCH_PROCEDURE, e.error());
        assertEquals(List.of("no callee registered procedure com.none"), e.args());
    }

    @Test
    void singleRegistrationIsExclusiveAndPoliciesMustAgree() {
        TestPeer a = join(router);
        TestPeer b = join(router);
        register(a, "p", Map.of());
        b.deliver(new Register(1, Map.of(), "p"));
        assertEquals(WampUris.PROCEDURE_ALREADY_EXISTS, b.expect(WampError.class).error());
        register(a, "q", Map.of("invoke", "roundrobin"));
        b.deliver(new Register(2, Map.of("invoke", "random"), "q"));
        assertEquals(WampUris.PROCEDURE_EXISTS_WITH_DIFFERENT_POLICY, b.expect(WampError.class).error());
        b.deliver(new Register(3, Map.of(), "wamp.session.count"));
        assertEquals(WampUris.INVALID_URI, b.expect(WampError.class).error());
    }

    private List<TestPeer> shared(String policy, int n) {
        List<TestPeer> callees = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TestPeer c = join(router);
            register(c, "shared." + policy, Map.of("invoke", policy));
            callees.add(c);
        }
        return callees;
    }

    /** Calls "shared" {@code n} times and returns which callee (by index) served each call. */
    private List<Integer> serve(List<TestPeer> callees, int n) {
        TestPeer caller = join(router);
        String procedure = "shared." + callees.get(0).session.registrations.iterator().next().invoke.option();
        List<Integer> served = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            caller.deliver(new Call(i + 1, Map.of(), procedure, null, null));
            caller.run(() -> { });
            for (int c = 0; c < callees.size(); c++) {
                if (callees.get(c).inbox.poll() instanceof Invocation inv) {
                    served.add(c);
                    callees.get(c).deliver(new Yield(inv.request(), Map.of(), null, null));
                }
            }
            caller.expect(Result.class);
        }
        return served;
    }

    @Test
    void sharedRegistrationPolicies() {
        assertEquals(List.of(0, 1, 2, 0, 1, 2), serve(shared("roundrobin", 3), 6));
        assertEquals(List.of(0, 0, 0), serve(shared("first", 3), 3));
        assertEquals(List.of(2, 2, 2), serve(shared("last", 3), 3));
        Set<Integer> randomly = new HashSet<>(serve(shared("random", 3), 60));
        assertEquals(Set.of(0, 1, 2), randomly, "60 random picks among 3 callees reach all of them");
    }

    @Test
    void roundRobinSkipsACalleeThatLeft() {
        List<TestPeer> callees = shared("roundrobin", 3);
        callees.get(1).deliver(new Goodbye(Map.of(), WampUris.CLOSE_NORMAL));
        callees.get(1).expect(Goodbye.class);
        assertEquals(List.of(0, 2, 0, 2), serve(List.of(callees.get(0), callees.get(2)), 4).stream()
                .map(i -> i == 0 ? 0 : 2).toList());
    }

    @Test
    void prefixBeatsWildcardAndTheCalleeLearnsTheProcedure() {
        TestPeer prefix = join(router);
        TestPeer wild = join(router);
        TestPeer exact = join(router);
        TestPeer caller = join(router);
        register(prefix, "com.app", Map.of("match", "prefix"));
        register(wild, "com..get", Map.of("match", "wildcard"));
        register(exact, "com.app.exact", Map.of());
        caller.deliver(new Call(1, Map.of(), "com.app.get", null, null));
        assertEquals("com.app.get", prefix.expect(Invocation.class).details().get("procedure"));
        caller.deliver(new Call(2, Map.of(), "com.other.get", null, null));
        assertEquals("com.other.get", wild.expect(Invocation.class).details().get("procedure"));
        caller.deliver(new Call(3, Map.of(), "com.app.exact", null, null));
        assertEquals(Map.of(), exact.expect(Invocation.class).details());
    }

    @Test
    void callerIdentification() {
        TestPeer callee = join(router);
        TestPeer caller = join(router);
        register(callee, "p", Map.of());
        caller.deliver(new Call(1, Map.of("disclose_me", true), "p", null, null));
        Map<String, Object> d = callee.expect(Invocation.class).details();
        assertEquals(caller.session.id(), d.get("caller"));
        assertEquals("anonymous", d.get("caller_authrole"));
        register(callee, "q", Map.of("disclose_caller", true));
        caller.deliver(new Call(2, Map.of(), "q", null, null));
        assertEquals(caller.session.id(), callee.expect(Invocation.class).details().get("caller"));
    }

    @Test
    void progressiveResultsOnlyForCallersThatAskAndCalleesThatCan() {
        TestPeer callee = join(router);
        TestPeer caller = join(router);
        register(callee, "p", Map.of());
        caller.deliver(new Call(1, Map.of("receive_progress", true), "p", null, null));
        Invocation inv = callee.expect(Invocation.class);
        assertEquals(true, inv.details().get("receive_progress"));
        for (long i = 0; i < 3; i++) {
            callee.deliver(new Yield(inv.request(), Map.of("progress", true), List.of(i), null));
        }
        callee.deliver(new Yield(inv.request(), Map.of(), List.of("done"), null));
        for (long i = 0; i < 3; i++) {
            assertEquals(new Result(1, Map.of("progress", true), List.of(i), null), caller.expect(Result.class));
        }
        assertEquals(new Result(1, Map.of(), List.of("done"), null), caller.expect(Result.class));

        TestPeer basicCallee = join(router, BASIC_ROLES);
        register(basicCallee, "basic", Map.of());
        caller.deliver(new Call(2, Map.of("receive_progress", true), "basic", null, null));
        assertNull(basicCallee.expect(Invocation.class).details().get("receive_progress"));
    }

    @Test
    void progressiveCallInvocationsStreamToTheSameCallee() {
        TestPeer callee = join(router);
        TestPeer caller = join(router);
        long reg = register(callee, "upload", Map.of());
        caller.deliver(new Call(1, Map.of("progress", true), "upload", List.of("a"), null));
        Invocation first = callee.expect(Invocation.class);
        assertEquals(true, first.details().get("progress"));
        caller.deliver(new Call(1, Map.of("progress", true), "upload", List.of("b"), null));
        caller.deliver(new Call(1, Map.of(), "upload", List.of("c"), null));
        Invocation second = callee.expect(Invocation.class);
        Invocation last = callee.expect(Invocation.class);
        assertEquals(List.of(first.request(), reg, List.of("b"), true),
                List.of(second.request(), second.registration(), second.args(), second.details().get("progress")));
        assertEquals(first.request(), last.request());
        assertEquals(Map.of(), last.details());
        callee.deliver(new Yield(first.request(), Map.of(), List.of("abc"), null));
        assertEquals(List.of("abc"), caller.expect(Result.class).args());

        TestPeer basicCallee = join(router, BASIC_ROLES);
        register(basicCallee, "basic", Map.of());
        caller.deliver(new Call(2, Map.of("progress", true), "basic", null, null));
        assertEquals(WampUris.FEATURE_NOT_SUPPORTED, caller.expect(WampError.class).error());
    }

    @Test
    void chunksAfterAnEarlyAnswerAreDroppedAndNeverStartANewCall() {
        TestPeer callee = join(router);
        TestPeer caller = join(router);
        register(callee, "upload", Map.of());
        caller.deliver(new Call(1, Map.of("progress", true), "upload", List.of("a"), null));
        Invocation first = callee.expect(Invocation.class);
        callee.deliver(new Yield(first.request(), Map.of(), List.of("enough"), null));
        assertEquals(List.of("enough"), caller.expect(Result.class).args());
        caller.deliver(new Call(1, Map.of("progress", true), "upload", List.of("b"), null),
                new Call(1, Map.of(), "upload", List.of("c"), null));
        callee.expectNothing();
        caller.expectNothing();
        caller.run(() -> assertTrue(caller.session.callsAsCaller.isEmpty(), "the request id is free again"));
        caller.deliver(new Call(1, Map.of(), "upload", List.of("new"), null));
        assertEquals(List.of("new"), callee.expect(Invocation.class).args());
    }

    @Test
    void chunksAfterACancelAreDropped() {
        TestPeer callee = join(router);
        TestPeer caller = join(router);
        register(callee, "upload", Map.of());
        caller.deliver(new Call(1, Map.of("progress", true), "upload", List.of("a"), null),
                new Cancel(1, Map.of("mode", "killnowait")));
        callee.expect(Invocation.class);
        callee.expect(Interrupt.class);
        assertEquals(WampUris.CANCELED, caller.expect(WampError.class).error());
        caller.deliver(new Call(1, Map.of("progress", true), "upload", List.of("b"), null),
                new Call(1, Map.of(), "upload", List.of("c"), null));
        callee.expectNothing();
        caller.run(() -> assertTrue(caller.session.callsAsCaller.isEmpty()));
    }

    @Test
    void cancelModes() {
        TestPeer callee = join(router);
        TestPeer caller = join(router);
        register(callee, "slow", Map.of());

        caller.deliver(new Call(1, Map.of(), "slow", null, null), new Cancel(1, Map.of("mode", "skip")));
        Invocation skipped = callee.expect(Invocation.class);
        assertEquals(WampUris.CANCELED, caller.expect(WampError.class).error());
        callee.expectNothing(); // skip: the callee is not interrupted
        callee.deliver(new Yield(skipped.request(), Map.of(), List.of("late"), null));
        caller.expectNothing(); // and its late answer is dropped

        caller.deliver(new Call(2, Map.of(), "slow", null, null), new Cancel(2, Map.of("mode", "killnowait")));
        Invocation k = callee.expect(Invocation.class);
        assertEquals(new Interrupt(k.request(), Map.of("mode", "killnowait", "reason", WampUris.CANCELED)),
                callee.expect(Interrupt.class));
        assertEquals(WampUris.CANCELED, caller.expect(WampError.class).error());

        caller.deliver(new Call(3, Map.of(), "slow", null, null), new Cancel(3, Map.of("mode", "kill")));
        Invocation killed = callee.expect(Invocation.class);
        assertEquals("kill", callee.expect(Interrupt.class).options().get("mode"));
        caller.expectNothing(); // kill: the caller waits for the callee's answer
        callee.deliver(new WampError(MessageType.INVOCATION, killed.request(), Map.of(), WampUris.CANCELED, null, null));
        WampError e = caller.expect(WampError.class);
        assertEquals(List.of(3L, WampUris.CANCELED), List.of(e.request(), e.error()));
    }

    @Test
    void killThatTheCalleeNeverAnswersIsAnsweredAfterTheGraceTime() throws Exception {
        TestPeer callee = join(router);
        TestPeer caller = join(router);
        register(callee, "slow", Map.of());
        caller.deliver(new Call(1, Map.of(), "slow", null, null), new Cancel(1, Map.of("mode", "kill")));
        Invocation inv = callee.expect(Invocation.class);
        callee.expect(Interrupt.class);
        long start = System.nanoTime();
        WampError e = caller.expect(WampError.class);
        assertTrue(System.nanoTime() - start >= (Dealer.KILL_GRACE_MILLIS - 100) * 1_000_000L);
        assertEquals(WampUris.CANCELED, e.error());
        caller.run(() -> caller.session.onTransportClosed());
        callee.expectNothing(); // one INTERRUPT per invocation, even when the caller then leaves
        callee.deliver(new WampError(MessageType.INVOCATION, inv.request(), Map.of(), WampUris.CANCELED, null, null));
    }

    @Test
    void neverInterruptACalleeWithoutCallCanceling() {
        TestPeer callee = join(router, BASIC_ROLES);
        TestPeer caller = join(router);
        register(callee, "slow", Map.of());
        caller.deliver(new Call(1, Map.of(), "slow", null, null), new Cancel(1, Map.of("mode", "kill")));
        callee.expect(Invocation.class);
        assertEquals(WampUris.CANCELED, caller.expect(WampError.class).error());
        callee.expectNothing();
    }

    @Test
    void callTimeoutInterruptsAndAnswersTheCaller() {
        TestPeer callee = join(router);
        TestPeer caller = join(router);
        register(callee, "slow", Map.of());
        caller.deliver(new Call(1, Map.of("timeout", 50L), "slow", null, null));
        Invocation inv = callee.expect(Invocation.class);
        assertEquals(50L, inv.details().get("timeout"));
        assertEquals(WampUris.TIMEOUT, caller.expect(WampError.class).error());
        assertEquals(new Interrupt(inv.request(), Map.of("mode", "killnowait", "reason", WampUris.TIMEOUT)),
                callee.expect(Interrupt.class));
    }

    @Test
    void calleeLeavingFailsItsPendingCalls() {
        TestPeer callee = join(router);
        TestPeer caller = join(router);
        register(callee, "p", Map.of());
        caller.deliver(new Call(1, Map.of(), "p", null, null));
        callee.expect(Invocation.class);
        callee.run(() -> callee.session.onTransportClosed());
        WampError e = caller.expect(WampError.class);
        assertEquals(WampUris.CANCELED, e.error());
        caller.deliver(new Call(2, Map.of(), "p", null, null));
        assertEquals(WampUris.NO_SUCH_PROCEDURE, caller.expect(WampError.class).error());
    }

    @Test
    void callerLeavingInterruptsTheCallee() {
        TestPeer callee = join(router);
        TestPeer caller = join(router);
        register(callee, "p", Map.of());
        caller.deliver(new Call(1, Map.of(), "p", null, null));
        Invocation inv = callee.expect(Invocation.class);
        caller.run(() -> caller.session.onTransportClosed());
        assertEquals(inv.request(), callee.expect(Interrupt.class).request());
    }
}
