package dev.pipes.engine.interp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The shell's traps ({@code trap}): an action per condition, EXIT and ERR (the shell's own) and
 * signals. A signal with a trap is caught by the JVM and only noted; the interpreter runs the action
 * between commands, as sh does. A subshell starts with no traps but keeps ignored signals.
 */
final class Traps {
    /** Signal names by number, as {@code kill -l} lists them (those a trap is useful for). */
    static final Map<Integer, String> SIGNALS = Map.ofEntries(
            Map.entry(0, "EXIT"), Map.entry(1, "HUP"), Map.entry(2, "INT"), Map.entry(3, "QUIT"), Map.entry(6, "ABRT"),
            Map.entry(10, "USR1"), Map.entry(12, "USR2"), Map.entry(13, "PIPE"), Map.entry(14, "ALRM"),
            Map.entry(15, "TERM"), Map.entry(17, "CHLD"), Map.entry(28, "WINCH"));

    private final Map<String, String> actions = new LinkedHashMap<>();
    private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
    /** The JVM's handlers before a trap replaced them, given back when the trap is reset. */
    private final Map<String, sun.misc.SignalHandler> original = new java.util.HashMap<>();
    private boolean exitRan;

    /** A subshell's traps: the ignored ones only. */
    Traps copy() {
        Traps copy = new Traps();
        actions.forEach((name, action) -> {
            if (action.isEmpty()) copy.actions.put(name, action);
        });
        return copy;
    }

    /** The canonical name of a condition written as a name ({@code INT}, {@code SIGINT}, {@code int}) or a number; null if unknown. */
    static String canonical(String spec) {
        String upper = spec.toUpperCase(Locale.ROOT);
        if (upper.startsWith("SIG")) upper = upper.substring(3);
        if (upper.equals("ERR") || upper.equals("EXIT") || upper.equals("RETURN") || upper.equals("DEBUG")) return upper;
        try {
            return SIGNALS.get(Integer.parseInt(spec));
        } catch (NumberFormatException e) {
            return SIGNALS.containsValue(upper) ? upper : null;
        }
    }

    String action(String name) {
        return actions.get(name);
    }

    /** The traps in bash's order: EXIT, the signals by number, then DEBUG, ERR and RETURN. */
    Map<String, String> all() {
        Map<String, String> ordered = new LinkedHashMap<>();
        List<String> order = new java.util.ArrayList<>();
        new java.util.TreeMap<>(SIGNALS).values().forEach(order::add);
        order.addAll(List.of("DEBUG", "ERR", "RETURN"));
        for (String name : order) if (actions.containsKey(name)) ordered.put(name, actions.get(name));
        return ordered;
    }

    /** Sets ({@code action} non-null) or resets ({@code null}) a trap; signals are caught or given back to the JVM. */
    void set(String name, String action) {
        if (action == null) actions.remove(name);
        else actions.put(name, action);
        if (isSignal(name)) handle(name, action);
    }

    private static boolean isSignal(String name) {
        return !List.of("EXIT", "ERR", "RETURN", "DEBUG").contains(name);
    }

    private void handle(String name, String action) {
        try {
            sun.misc.Signal signal = new sun.misc.Signal(name);
            if (action == null) {
                sun.misc.SignalHandler before = original.remove(name);
                if (before != null) sun.misc.Signal.handle(signal, before);
                return;
            }
            sun.misc.SignalHandler previous = sun.misc.Signal.handle(signal,
                    action.isEmpty() ? sun.misc.SignalHandler.SIG_IGN : s -> pending.add(name));
            original.putIfAbsent(name, previous);
        } catch (IllegalArgumentException e) {
            // a signal the JVM keeps for itself (QUIT, USR1...): the trap is listed but cannot fire
        }
    }

    /** After the shell signalled itself: waits (a second at most) for a trapped signal's handler to note it. */
    void awaitPending(String name) {
        String action = actions.get(name);
        if (action == null || action.isEmpty()) return;
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (!pending.contains(name) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The signals caught since the last call, in order. */
    String nextPending() {
        return pending.poll();
    }

    /** Whether the EXIT trap still has to run (it runs once). */
    boolean takeExit() {
        if (exitRan) return false;
        exitRan = true;
        return actions.containsKey("EXIT") && !actions.get("EXIT").isEmpty();
    }

    /** Gives every caught signal back to the handler the JVM had (the shell ends; an embedding JVM lives on). */
    void releaseSignals() {
        for (String name : List.copyOf(original.keySet())) handle(name, null);
    }
}
