package dev.pipes.wamp.router;

import dev.pipes.wamp.message.MessageType;
import dev.pipes.wamp.message.WampMessage.*;
import dev.pipes.wamp.message.WampUris;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Remote procedure calls within one realm: registrations (exact, prefix, wildcard; shared with an
 * invocation policy), routing CALL to INVOCATION and YIELD/ERROR back, progressive results and
 * invocations, cancellation and call timeouts.
 */
final class Dealer {
    static final Map<String, Object> FEATURES = Map.of(
            "progressive_call_results", true, "progressive_call_invocations", true, "call_canceling", true,
            "call_timeout", true, "caller_identification", true, "shared_registration", true,
            "pattern_based_registration", true, "session_meta_api", true);

    static final class Registration {
        final long id;
        final String procedure;
        final MatchPolicy match;
        final InvokePolicy invoke;
        final List<RouterSession> callees = new ArrayList<>();
        boolean discloseCaller;
        int next;

        Registration(long id, String procedure, MatchPolicy match, InvokePolicy invoke) {
            this.id = id;
            this.procedure = procedure;
            this.match = match;
            this.invoke = invoke;
        }
    }

    /** A call between CALL and its final RESULT or ERROR. */
    static final class PendingCall {
        final long invocation;
        final long registration;
        final RouterSession caller;
        final long callRequest;
        final RouterSession callee;
        final boolean callerWantsProgress;
        boolean answered;          // the caller has had its final answer (cancel skip/killnowait, timeout)
        boolean interrupted;       // INTERRUPT went to the callee: never twice
        boolean invocationOpen;    // progressive call invocations: the caller may send more CALL chunks
        boolean finished;          // the callee gave its final answer
        ScheduledFuture<?> timeout;

        PendingCall(long invocation, long registration, RouterSession caller, long callRequest,
                    RouterSession callee, boolean callerWantsProgress) {
            this.invocation = invocation;
            this.registration = registration;
            this.caller = caller;
            this.callRequest = callRequest;
            this.callee = callee;
            this.callerWantsProgress = callerWantsProgress;
        }
    }

    /** How long a kill waits for the callee's answer before the dealer answers the caller itself. */
    static final long KILL_GRACE_MILLIS = 2000;

    private final Realm realm;
    private final Map<String, Registration> exact = new HashMap<>();
    private final Map<String, Registration> patterns = new LinkedHashMap<>();
    private final Map<Long, Registration> byId = new HashMap<>();
    private final Map<Long, PendingCall> pending = new HashMap<>();
    private long nextRegistration = 1;
    private long nextInvocation = 1;

    Dealer(Realm realm) {
        this.realm = realm;
    }

    void register(RouterSession s, Register m) {
        MatchPolicy match;
        InvokePolicy invoke;
        try {
            match = MatchPolicy.fromOption(m.options().get("match"));
            invoke = InvokePolicy.fromOption(m.options().get("invoke"));
        } catch (RuntimeException e) {
            s.sendError(MessageType.REGISTER, m.request(), WampUris.INVALID_ARGUMENT, e.getMessage());
            return;
        }
        if (!match.isValid(m.procedure()) || m.procedure().startsWith("wamp.")) {
            s.sendError(MessageType.REGISTER, m.request(), WampUris.INVALID_URI, "invalid procedure " + m.procedure()
                    + (m.procedure().startsWith("wamp.") ? " (the wamp. namespace is reserved)" : ""));
            return;
        }
        if (!realm.allows(s, Action.REGISTER, m.procedure())) {
            s.sendError(MessageType.REGISTER, m.request(), WampUris.NOT_AUTHORIZED,
                    "role " + s.authrole() + " may not register " + m.procedure());
            return;
        }
        Map<String, Registration> table = match == MatchPolicy.EXACT ? exact : patterns;
        String key = match == MatchPolicy.EXACT ? m.procedure() : match + " " + m.procedure();
        Registration reg = table.get(key);
        if (reg != null) {
            if (reg.invoke == InvokePolicy.SINGLE || invoke == InvokePolicy.SINGLE) {
                s.sendError(MessageType.REGISTER, m.request(), WampUris.PROCEDURE_ALREADY_EXISTS,
                        "procedure " + m.procedure() + " is already registered");
                return;
            }
            if (reg.invoke != invoke) {
                s.sendError(MessageType.REGISTER, m.request(), WampUris.PROCEDURE_EXISTS_WITH_DIFFERENT_POLICY,
                        "procedure " + m.procedure() + " is registered with invocation policy " + reg.invoke.option());
                return;
            }
            if (reg.callees.contains(s)) {
                s.sendError(MessageType.REGISTER, m.request(), WampUris.PROCEDURE_ALREADY_EXISTS,
                        "this session already registered " + m.procedure());
                return;
            }
        } else {
            reg = new Registration(nextRegistration++, m.procedure(), match, invoke);
            reg.discloseCaller = Boolean.TRUE.equals(m.options().get("disclose_caller"));
            table.put(key, reg);
            byId.put(reg.id, reg);
        }
        reg.callees.add(s);
        s.registrations.add(reg);
        s.send(new Registered(m.request(), reg.id));
    }

    void unregister(RouterSession s, Unregister m) {
        Registration reg = byId.get(m.registration());
        if (reg == null || !reg.callees.contains(s)) {
            s.sendError(MessageType.UNREGISTER, m.request(), WampUris.NO_SUCH_REGISTRATION,
                    "no registration " + m.registration() + " in this session");
            return;
        }
        remove(s, reg);
        s.registrations.remove(reg);
        s.send(new Unregistered(m.request()));
    }

    void call(RouterSession caller, Call m) {
        PendingCall open = caller.callsAsCaller.get(m.request());
        if (open != null && open.invocationOpen) {
            continueProgressiveInvocation(open, m);
            return;
        }
        if (open != null) {
            throw new dev.pipes.wamp.message.ProtocolViolation("CALL with request id " + m.request()
                    + " while a call with that id is still pending");
        }
        if (!MatchPolicy.EXACT.isValid(m.procedure())) {
            caller.sendError(MessageType.CALL, m.request(), WampUris.INVALID_URI, "invalid procedure " + m.procedure());
            return;
        }
        if (!realm.allows(caller, Action.CALL, m.procedure())) {
            caller.sendError(MessageType.CALL, m.request(), WampUris.NOT_AUTHORIZED,
                    "role " + caller.authrole() + " may not call " + m.procedure());
            return;
        }
        if (realm.meta().handles(m.procedure())) {
            realm.meta().call(caller, m);
            return;
        }
        Registration reg = lookup(m.procedure());
        if (reg == null) {
            caller.sendError(MessageType.CALL, m.request(), WampUris.NO_SUCH_PROCEDURE,
                    "no callee registered procedure " + m.procedure());
            return;
        }
        RouterSession callee = choose(reg);
        boolean progressiveInvocation = Boolean.TRUE.equals(m.options().get("progress"));
        if (progressiveInvocation && !callee.supports("callee", "progressive_call_invocations")) {
            caller.sendError(MessageType.CALL, m.request(), WampUris.FEATURE_NOT_SUPPORTED, "the callee of "
                    + m.procedure() + " does not support progressive call invocations");
            return;
        }
        boolean wantsProgress = Boolean.TRUE.equals(m.options().get("receive_progress"))
                && callee.supports("callee", "progressive_call_results");
        PendingCall call = new PendingCall(nextInvocation++, reg.id, caller, m.request(), callee, wantsProgress);
        call.invocationOpen = progressiveInvocation;
        pending.put(call.invocation, call);
        caller.callsAsCaller.put(m.request(), call);
        callee.invocationsAsCallee.put(call.invocation, call);

        Map<String, Object> details = new LinkedHashMap<>();
        if (wantsProgress) details.put("receive_progress", true);
        if (progressiveInvocation) details.put("progress", true);
        if (reg.match != MatchPolicy.EXACT) details.put("procedure", m.procedure());
        if (reg.discloseCaller || Boolean.TRUE.equals(m.options().get("disclose_me"))) {
            details.put("caller", caller.id());
            details.put("caller_authid", caller.authid());
            details.put("caller_authrole", caller.authrole());
        }
        if (m.options().get("timeout") instanceof Long t && t > 0) {
            details.put("timeout", t);
            call.timeout = realm.loop().schedule(() -> timeout(call), t, TimeUnit.MILLISECONDS);
        }
        callee.send(new Invocation(call.invocation, reg.id, details, m.args(), m.kwargs()));
        realm.flow().routed(caller, callee);
    }

    /**
     * A further chunk of a progressive call invocation. Chunks still in flight after the call was
     * answered (canceled, timed out, or the callee answered early) are dropped, and the request id
     * stays taken until the caller's last chunk, so they never start a new call.
     */
    private void continueProgressiveInvocation(PendingCall call, Call m) {
        boolean more = Boolean.TRUE.equals(m.options().get("progress"));
        call.invocationOpen = more;
        if (call.answered || call.finished) {
            if (!more) call.caller.callsAsCaller.remove(call.callRequest, call);
            return;
        }
        Map<String, Object> details = more ? Map.of("progress", true) : Map.of();
        call.callee.send(new Invocation(call.invocation, call.registration, details, m.args(), m.kwargs()));
        realm.flow().routed(call.caller, call.callee);
    }

    private Registration lookup(String procedure) {
        Registration found = exact.get(procedure);
        if (found != null) return found;
        int best = -1;
        for (Registration r : patterns.values()) {
            if (!r.match.matches(r.procedure, procedure)) continue;
            // prefix beats wildcard; among equals, the more specific pattern wins
            int score = (r.match == MatchPolicy.PREFIX ? 1 << 20 : 0) + MatchPolicy.specificity(r.match, r.procedure);
            if (score > best) {
                best = score;
                found = r;
            }
        }
        return found;
    }

    private static RouterSession choose(Registration reg) {
        List<RouterSession> c = reg.callees;
        return switch (reg.invoke) {
            case SINGLE, FIRST -> c.get(0);
            case LAST -> c.get(c.size() - 1);
            case RANDOM -> c.get(ThreadLocalRandom.current().nextInt(c.size()));
            case ROUNDROBIN -> c.get(reg.next++ % c.size());
        };
    }

    void yield(RouterSession callee, Yield m) {
        PendingCall call = pending.get(m.request());
        if (call == null || call.callee != callee) return; // late answer to a canceled call: ignored
        if (Boolean.TRUE.equals(m.options().get("progress"))) {
            if (call.callerWantsProgress && !call.answered) {
                call.caller.send(new Result(call.callRequest, Map.of("progress", true), m.args(), m.kwargs()));
                realm.flow().routed(callee, call.caller);
            }
            return;
        }
        finish(call);
        if (!call.answered) {
            call.caller.send(new Result(call.callRequest, Map.of(), m.args(), m.kwargs()));
            realm.flow().routed(callee, call.caller);
        }
    }

    void invocationError(RouterSession callee, WampError m) {
        PendingCall call = pending.get(m.request());
        if (call == null || call.callee != callee) return;
        finish(call);
        if (!call.answered) {
            call.caller.send(new WampError(MessageType.CALL, call.callRequest, m.details(), m.error(), m.args(),
                    m.kwargs()));
        }
    }

    void cancel(RouterSession caller, Cancel m) {
        PendingCall call = caller.callsAsCaller.get(m.request());
        if (call == null || call.answered) return;
        Object modeOption = m.options().get("mode");
        String mode = modeOption == null ? "killnowait" : String.valueOf(modeOption);
        if (!mode.equals("skip") && !mode.equals("kill") && !mode.equals("killnowait")) {
            caller.sendError(MessageType.CANCEL, m.request(), WampUris.INVALID_ARGUMENT,
                    "unknown cancel mode " + mode + " (expected skip, kill or killnowait)");
            return;
        }
        boolean interruptible = call.callee.supports("callee", "call_canceling");
        if (!interruptible) mode = "skip"; // never INTERRUPT a callee that did not announce call_canceling
        if (!mode.equals("skip")) {
            interrupt(call, mode, WampUris.CANCELED);
        }
        if (!mode.equals("kill")) {
            answer(call, WampUris.CANCELED, "the call was canceled (mode " + mode + ")");
        } else {
            // a callee that never answers the kill (some clients do not) must not leave the caller hanging
            if (call.timeout != null) call.timeout.cancel(false);
            call.timeout = realm.loop().schedule(() -> {
                if (!call.answered && pending.containsKey(call.invocation)) {
                    answer(call, WampUris.CANCELED, "the call was canceled (mode kill); the callee did not answer "
                            + "within " + KILL_GRACE_MILLIS + " ms");
                }
            }, KILL_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private static void interrupt(PendingCall call, String mode, String reason) {
        if (call.interrupted || !call.callee.supports("callee", "call_canceling")) return;
        call.interrupted = true;
        call.callee.send(new Interrupt(call.invocation, Map.of("mode", mode, "reason", reason)));
    }

    private void timeout(PendingCall call) {
        if (call.answered || !pending.containsKey(call.invocation)) return;
        interrupt(call, "killnowait", WampUris.TIMEOUT);
        answer(call, WampUris.TIMEOUT, "the call timed out");
    }

    /** Gives the caller its final ERROR now; a later answer of the callee will be dropped. */
    private void answer(PendingCall call, String error, String message) {
        call.answered = true;
        if (!call.invocationOpen) call.caller.callsAsCaller.remove(call.callRequest, call);
        if (call.timeout != null) call.timeout.cancel(false);
        call.caller.send(new WampError(MessageType.CALL, call.callRequest, Map.of(), error, List.of(message), Map.of()));
    }

    private void finish(PendingCall call) {
        call.finished = true;
        pending.remove(call.invocation);
        call.callee.invocationsAsCallee.remove(call.invocation);
        if (!call.invocationOpen) call.caller.callsAsCaller.remove(call.callRequest, call);
        if (call.timeout != null) call.timeout.cancel(false);
    }

    void sessionGone(RouterSession s) {
        for (Registration reg : new ArrayList<>(s.registrations)) {
            remove(s, reg);
        }
        s.registrations.clear();
        for (PendingCall call : new ArrayList<>(s.callsAsCaller.values())) {
            if (call.finished) continue;
            interrupt(call, "killnowait", WampUris.CANCELED);
            call.answered = true;
            call.invocationOpen = false;
            if (call.timeout != null) call.timeout.cancel(false);
        }
        s.callsAsCaller.clear();
        for (PendingCall call : new ArrayList<>(s.invocationsAsCallee.values())) {
            finish(call);
            if (!call.answered) {
                call.caller.send(new WampError(MessageType.CALL, call.callRequest, Map.of(), WampUris.CANCELED,
                        List.of("the callee left before answering"), Map.of()));
            }
        }
        s.invocationsAsCallee.clear();
    }

    private void remove(RouterSession s, Registration reg) {
        reg.callees.remove(s);
        if (reg.callees.isEmpty()) {
            byId.remove(reg.id);
            if (reg.match == MatchPolicy.EXACT) {
                exact.remove(reg.procedure);
            } else {
                patterns.remove(reg.match + " " + reg.procedure);
            }
        }
    }
}
