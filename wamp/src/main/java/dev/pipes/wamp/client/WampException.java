package dev.pipes.wamp.client;

import java.util.List;
import java.util.Map;

/**
 * A WAMP error: the error URI with its payload. Callers get it when a call fails; a handler throws
 * it to answer an invocation with that error.
 */
public class WampException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String error;
    private final transient List<Object> args;
    private final transient Map<String, Object> kwargs;

    public WampException(String error, List<Object> args, Map<String, Object> kwargs) {
        super(error + (args == null || args.isEmpty() ? "" : ": " + args.get(0)));
        this.error = error;
        this.args = args == null ? List.of() : args;
        this.kwargs = kwargs == null ? Map.of() : kwargs;
    }

    public WampException(String error, String message) {
        this(error, List.of(message), Map.of());
    }

    public String error() { return error; }
    public List<Object> args() { return args; }
    public Map<String, Object> kwargs() { return kwargs; }
}
