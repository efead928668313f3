package dev.pipes.wamp.message;

import dev.pipes.wamp.message.WampMessage.*;

import java.util.List;
import java.util.Map;

/**
 * Turns a decoded wire list into a {@link WampMessage}, checking the length and the type of every
 * element. Errors name the message type, the element's position (1 = the code) and what it holds.
 */
public final class MessageParser {
    private static final long MAX_ID = 1L << 53;

    private MessageParser() {
    }

    public static WampMessage parse(Object decoded) {
        if (!(decoded instanceof List<?> raw)) {
            throw new ProtocolViolation("a WAMP message must be a list, got " + describe(decoded));
        }
        if (raw.isEmpty()) {
            throw new ProtocolViolation("a WAMP message must not be an empty list");
        }
        if (!(raw.get(0) instanceof Long code)) {
            throw new ProtocolViolation("element 1 of a WAMP message (the message code) must be an integer, got "
                    + describe(raw.get(0)));
        }
        MessageType type = MessageType.ofCode(code);
        if (type == null) {
            throw new ProtocolViolation("unknown WAMP message code " + code);
        }
        return new Fields(type, raw).parse();
    }

    static String describe(Object v) {
        if (v == null) return "null";
        if (v instanceof String s) return "string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        if (v instanceof Long || v instanceof java.math.BigInteger) return "integer " + v;
        if (v instanceof Double) return "number " + v;
        if (v instanceof Boolean) return "boolean " + v;
        if (v instanceof byte[] b) return "binary of " + b.length + " bytes";
        if (v instanceof List<?> l) return "list of " + l.size() + " elements";
        if (v instanceof Map<?, ?>) return "dict";
        return v.getClass().getSimpleName();
    }

    /** The elements of one message with typed accessors that report precise errors. */
    private record Fields(MessageType type, List<?> raw) {

        WampMessage parse() {
            return switch (type) {
                case HELLO -> { size(3, 3); yield new Hello(uri(1, "Realm"), dict(2, "Details")); }
                case WELCOME -> { size(3, 3); yield new Welcome(id(1, "Session"), dict(2, "Details")); }
                case ABORT -> { size(3, 5); yield new Abort(dict(1, "Details"), uri(2, "Reason")); }
                case CHALLENGE -> { size(3, 3); yield new Challenge(string(1, "AuthMethod"), dict(2, "Extra")); }
                case AUTHENTICATE -> { size(3, 3); yield new Authenticate(string(1, "Signature"), dict(2, "Extra")); }
                case GOODBYE -> { size(3, 5); yield new Goodbye(dict(1, "Details"), uri(2, "Reason")); }
                case ERROR -> {
                    size(5, 7);
                    MessageType requestType = MessageType.ofCode(integer(1, "REQUEST.Type"));
                    if (requestType == null) {
                        throw violation(1, "REQUEST.Type", "a known message code", raw.get(1));
                    }
                    yield new WampError(requestType, id(2, "Request"), dict(3, "Details"), uri(4, "Error"),
                            args(5), kwargs(6));
                }
                case PUBLISH -> { size(4, 6);
                    yield new Publish(id(1, "Request"), dict(2, "Options"), uri(3, "Topic"), args(4), kwargs(5)); }
                case PUBLISHED -> { size(3, 3); yield new Published(id(1, "Request"), id(2, "Publication")); }
                case SUBSCRIBE -> { size(4, 4); yield new Subscribe(id(1, "Request"), dict(2, "Options"), uri(3, "Topic")); }
                case SUBSCRIBED -> { size(3, 3); yield new Subscribed(id(1, "Request"), id(2, "Subscription")); }
                case UNSUBSCRIBE -> { size(3, 4); optionalDict(3, "Options"); yield new Unsubscribe(id(1, "Request"), id(2, "Subscription")); }
                case UNSUBSCRIBED -> { size(2, 3); yield new Unsubscribed(id(1, "Request")); }
                case EVENT -> { size(4, 6);
                    yield new Event(id(1, "Subscription"), id(2, "Publication"), dict(3, "Details"), args(4), kwargs(5)); }
                case CALL -> { size(4, 6);
                    yield new Call(id(1, "Request"), dict(2, "Options"), uri(3, "Procedure"), args(4), kwargs(5)); }
                case CANCEL -> { size(3, 3); yield new Cancel(id(1, "Request"), dict(2, "Options")); }
                case RESULT -> { size(3, 5); yield new Result(id(1, "Request"), dict(2, "Details"), args(3), kwargs(4)); }
                case REGISTER -> { size(4, 4); yield new Register(id(1, "Request"), dict(2, "Options"), uri(3, "Procedure")); }
                case REGISTERED -> { size(3, 3); yield new Registered(id(1, "Request"), id(2, "Registration")); }
                case UNREGISTER -> { size(3, 4); optionalDict(3, "Options"); yield new Unregister(id(1, "Request"), id(2, "Registration")); }
                case UNREGISTERED -> { size(2, 3); yield new Unregistered(id(1, "Request")); }
                case INVOCATION -> { size(4, 6);
                    yield new Invocation(id(1, "Request"), id(2, "Registration"), dict(3, "Details"), args(4), kwargs(5)); }
                case INTERRUPT -> { size(3, 3); yield new Interrupt(id(1, "Request"), dict(2, "Options")); }
                case YIELD -> { size(3, 5); yield new Yield(id(1, "Request"), dict(2, "Options"), args(3), kwargs(4)); }
            };
        }

        private void size(int min, int max) {
            int n = raw.size();
            if (n < min || n > max) {
                String expected = min == max ? String.valueOf(min) : min + " to " + max;
                throw new ProtocolViolation(type + " must have " + expected + " elements, got " + n);
            }
        }

        private ProtocolViolation violation(int i, String name, String expected, Object got) {
            return new ProtocolViolation(type + ": element " + (i + 1) + " (" + name + ") must be "
                    + expected + ", got " + describe(got));
        }

        private long integer(int i, String name) {
            if (raw.get(i) instanceof Long l) return l;
            throw violation(i, name, "an integer", raw.get(i));
        }

        private long id(int i, String name) {
            Object v = raw.get(i);
            if (v instanceof Long l && l >= 0 && l <= MAX_ID) return l;
            throw violation(i, name, "an id (integer in [0, 2^53])", v);
        }

        private String string(int i, String name) {
            if (raw.get(i) instanceof String s) return s;
            throw violation(i, name, "a string", raw.get(i));
        }

        private String uri(int i, String name) {
            if (raw.get(i) instanceof String s && !s.isEmpty()) return s;
            throw violation(i, name, "a non-empty URI string", raw.get(i));
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> dict(int i, String name) {
            if (raw.get(i) instanceof Map<?, ?> m) return (Map<String, Object>) m;
            throw violation(i, name, "a dict", raw.get(i));
        }

        private void optionalDict(int i, String name) {
            if (i < raw.size()) dict(i, name);
        }

        @SuppressWarnings("unchecked")
        private List<Object> args(int i) {
            if (i >= raw.size()) return List.of();
            if (raw.get(i) instanceof List<?> l) return (List<Object>) l;
            throw violation(i, "Arguments", "a list", raw.get(i));
        }

        private Map<String, Object> kwargs(int i) {
            return i >= raw.size() ? Map.of() : dict(i, "ArgumentsKw");
        }
    }
}
