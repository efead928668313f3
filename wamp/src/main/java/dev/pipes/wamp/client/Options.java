package dev.pipes.wamp.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** The options of calls, registrations, subscriptions and publications, as values. */
public final class Options {
    private Options() {
    }

    /**
     * @param timeout    zero for none; else the router cancels the call after this long
     * @param onProgress receives progressive results; null when the caller does not want them
     * @param discloseMe ask the router to tell the callee who calls
     */
    public record Call(Duration timeout, Consumer<CallResult> onProgress, boolean discloseMe) {
        public static final Call DEFAULT = new Call(Duration.ZERO, null, false);

        public Call withTimeout(Duration d) { return new Call(d, onProgress, discloseMe); }
        public Call withProgress(Consumer<CallResult> c) { return new Call(timeout, c, discloseMe); }
        public Call withDiscloseMe() { return new Call(timeout, onProgress, true); }

        Map<String, Object> toWire() {
            Map<String, Object> o = new LinkedHashMap<>();
            if (!timeout.isZero()) o.put("timeout", timeout.toMillis());
            if (onProgress != null) o.put("receive_progress", true);
            if (discloseMe) o.put("disclose_me", true);
            return o;
        }
    }

    /** @param match exact, prefix or wildcard; @param invoke single, roundrobin, random, first or last */
    public record Register(String match, String invoke, boolean discloseCaller) {
        public static final Register DEFAULT = new Register("exact", "single", false);

        public static Register shared(String invoke) { return new Register("exact", invoke, false); }
        public Register withMatch(String m) { return new Register(m, invoke, discloseCaller); }
        public Register withDiscloseCaller() { return new Register(match, invoke, true); }

        Map<String, Object> toWire() {
            Map<String, Object> o = new LinkedHashMap<>();
            if (!"exact".equals(match)) o.put("match", match);
            if (!"single".equals(invoke)) o.put("invoke", invoke);
            if (discloseCaller) o.put("disclose_caller", true);
            return o;
        }
    }

    public record Subscribe(String match) {
        public static final Subscribe DEFAULT = new Subscribe("exact");

        Map<String, Object> toWire() {
            return "exact".equals(match) ? Map.of() : Map.of("match", match);
        }
    }

    /** @param acknowledge wait for PUBLISHED; @param excludeMe false to receive one's own event */
    public record Publish(boolean acknowledge, boolean excludeMe, boolean discloseMe) {
        public static final Publish DEFAULT = new Publish(false, true, false);
        public static final Publish ACKNOWLEDGED = new Publish(true, true, false);

        public Publish withExcludeMe(boolean b) { return new Publish(acknowledge, b, discloseMe); }
        public Publish withDiscloseMe() { return new Publish(acknowledge, excludeMe, true); }

        Map<String, Object> toWire() {
            Map<String, Object> o = new LinkedHashMap<>();
            if (acknowledge) o.put("acknowledge", true);
            if (!excludeMe) o.put("exclude_me", false);
            if (discloseMe) o.put("disclose_me", true);
            return o;
        }
    }
}
