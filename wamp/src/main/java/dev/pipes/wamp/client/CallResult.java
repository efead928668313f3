package dev.pipes.wamp.client;

import java.util.List;
import java.util.Map;

/** The payload of a RESULT (also of a progressive one), or what a handler answers with. */
public record CallResult(List<Object> args, Map<String, Object> kwargs, Map<String, Object> details) {
    public CallResult {
        args = args == null ? List.of() : args;
        kwargs = kwargs == null ? Map.of() : kwargs;
        details = details == null ? Map.of() : details;
    }

    public static final CallResult EMPTY = new CallResult(List.of(), Map.of(), Map.of());

    public static CallResult of(Object... args) {
        return new CallResult(List.of(args), Map.of(), Map.of());
    }

    public static CallResult of(List<Object> args, Map<String, Object> kwargs) {
        return new CallResult(args, kwargs, Map.of());
    }

    /** The positional argument at {@code index}, or null when there are fewer. */
    public Object arg(int index) {
        return index < args.size() ? args.get(index) : null;
    }
}
