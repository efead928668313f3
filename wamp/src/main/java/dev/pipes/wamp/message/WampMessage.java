package dev.pipes.wamp.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One WAMP v2 message as an immutable value. Dictionaries are {@code Map<String, Object>}, lists are
 * {@code List<Object>}; values are String, Long (or BigInteger beyond 63 bits), Double, Boolean,
 * byte[] (binary), null, List and Map. Absent details/options are empty maps, absent payloads empty
 * lists and maps, never null. Collections are not copied (large payloads pass through the router
 * untouched): whoever builds a message hands its collections over and must not change them.
 */
public sealed interface WampMessage {

    MessageType type();

    /** The message as the list that goes on the wire, code first. */
    List<Object> toFields();

    private static List<Object> fields(MessageType type, Object... rest) {
        List<Object> l = new ArrayList<>(rest.length + 3);
        l.add((long) type.code());
        for (Object o : rest) {
            l.add(o);
        }
        return l;
    }

    /** Appends Arguments and ArgumentsKw, omitting them when empty as the specification allows. */
    private static List<Object> withPayload(List<Object> l, List<Object> args, Map<String, Object> kwargs) {
        if (!kwargs.isEmpty()) {
            l.add(args);
            l.add(kwargs);
        } else if (!args.isEmpty()) {
            l.add(args);
        }
        return l;
    }

    private static Map<String, Object> dict(Map<String, Object> m) {
        return m == null ? Map.of() : m;
    }

    private static List<Object> list(List<Object> l) {
        return l == null ? List.of() : l;
    }

    record Hello(String realm, Map<String, Object> details) implements WampMessage {
        public Hello { details = dict(details); }
        public MessageType type() { return MessageType.HELLO; }
        public List<Object> toFields() { return fields(type(), realm, details); }
    }

    record Welcome(long session, Map<String, Object> details) implements WampMessage {
        public Welcome { details = dict(details); }
        public MessageType type() { return MessageType.WELCOME; }
        public List<Object> toFields() { return fields(type(), session, details); }
    }

    record Abort(Map<String, Object> details, String reason) implements WampMessage {
        public Abort { details = dict(details); }
        public MessageType type() { return MessageType.ABORT; }
        public List<Object> toFields() { return fields(type(), details, reason); }
    }

    record Challenge(String authMethod, Map<String, Object> extra) implements WampMessage {
        public Challenge { extra = dict(extra); }
        public MessageType type() { return MessageType.CHALLENGE; }
        public List<Object> toFields() { return fields(type(), authMethod, extra); }
    }

    record Authenticate(String signature, Map<String, Object> extra) implements WampMessage {
        public Authenticate { extra = dict(extra); }
        public MessageType type() { return MessageType.AUTHENTICATE; }
        public List<Object> toFields() { return fields(type(), signature, extra); }
    }

    record Goodbye(Map<String, Object> details, String reason) implements WampMessage {
        public Goodbye { details = dict(details); }
        public MessageType type() { return MessageType.GOODBYE; }
        public List<Object> toFields() { return fields(type(), details, reason); }
    }

    record WampError(MessageType requestType, long request, Map<String, Object> details, String error,
                 List<Object> args, Map<String, Object> kwargs) implements WampMessage {
        public WampError { details = dict(details); args = list(args); kwargs = dict(kwargs); }
        public MessageType type() { return MessageType.ERROR; }
        public List<Object> toFields() {
            return withPayload(fields(type(), (long) requestType.code(), request, details, error), args, kwargs);
        }
    }

    record Publish(long request, Map<String, Object> options, String topic,
                   List<Object> args, Map<String, Object> kwargs) implements WampMessage {
        public Publish { options = dict(options); args = list(args); kwargs = dict(kwargs); }
        public MessageType type() { return MessageType.PUBLISH; }
        public List<Object> toFields() { return withPayload(fields(type(), request, options, topic), args, kwargs); }
    }

    record Published(long request, long publication) implements WampMessage {
        public MessageType type() { return MessageType.PUBLISHED; }
        public List<Object> toFields() { return fields(type(), request, publication); }
    }

    record Subscribe(long request, Map<String, Object> options, String topic) implements WampMessage {
        public Subscribe { options = dict(options); }
        public MessageType type() { return MessageType.SUBSCRIBE; }
        public List<Object> toFields() { return fields(type(), request, options, topic); }
    }

    record Subscribed(long request, long subscription) implements WampMessage {
        public MessageType type() { return MessageType.SUBSCRIBED; }
        public List<Object> toFields() { return fields(type(), request, subscription); }
    }

    record Unsubscribe(long request, long subscription) implements WampMessage {
        public MessageType type() { return MessageType.UNSUBSCRIBE; }
        public List<Object> toFields() { return fields(type(), request, subscription); }
    }

    record Unsubscribed(long request) implements WampMessage {
        public MessageType type() { return MessageType.UNSUBSCRIBED; }
        public List<Object> toFields() { return fields(type(), request); }
    }

    record Event(long subscription, long publication, Map<String, Object> details,
                 List<Object> args, Map<String, Object> kwargs) implements WampMessage {
        public Event { details = dict(details); args = list(args); kwargs = dict(kwargs); }
        public MessageType type() { return MessageType.EVENT; }
        public List<Object> toFields() {
            return withPayload(fields(type(), subscription, publication, details), args, kwargs);
        }
    }

    record Call(long request, Map<String, Object> options, String procedure,
                List<Object> args, Map<String, Object> kwargs) implements WampMessage {
        public Call { options = dict(options); args = list(args); kwargs = dict(kwargs); }
        public MessageType type() { return MessageType.CALL; }
        public List<Object> toFields() { return withPayload(fields(type(), request, options, procedure), args, kwargs); }
    }

    record Cancel(long request, Map<String, Object> options) implements WampMessage {
        public Cancel { options = dict(options); }
        public MessageType type() { return MessageType.CANCEL; }
        public List<Object> toFields() { return fields(type(), request, options); }
    }

    record Result(long request, Map<String, Object> details, List<Object> args, Map<String, Object> kwargs)
            implements WampMessage {
        public Result { details = dict(details); args = list(args); kwargs = dict(kwargs); }
        public MessageType type() { return MessageType.RESULT; }
        public List<Object> toFields() { return withPayload(fields(type(), request, details), args, kwargs); }
    }

    record Register(long request, Map<String, Object> options, String procedure) implements WampMessage {
        public Register { options = dict(options); }
        public MessageType type() { return MessageType.REGISTER; }
        public List<Object> toFields() { return fields(type(), request, options, procedure); }
    }

    record Registered(long request, long registration) implements WampMessage {
        public MessageType type() { return MessageType.REGISTERED; }
        public List<Object> toFields() { return fields(type(), request, registration); }
    }

    record Unregister(long request, long registration) implements WampMessage {
        public MessageType type() { return MessageType.UNREGISTER; }
        public List<Object> toFields() { return fields(type(), request, registration); }
    }

    record Unregistered(long request) implements WampMessage {
        public MessageType type() { return MessageType.UNREGISTERED; }
        public List<Object> toFields() { return fields(type(), request); }
    }

    record Invocation(long request, long registration, Map<String, Object> details,
                      List<Object> args, Map<String, Object> kwargs) implements WampMessage {
        public Invocation { details = dict(details); args = list(args); kwargs = dict(kwargs); }
        public MessageType type() { return MessageType.INVOCATION; }
        public List<Object> toFields() {
            return withPayload(fields(type(), request, registration, details), args, kwargs);
        }
    }

    record Interrupt(long request, Map<String, Object> options) implements WampMessage {
        public Interrupt { options = dict(options); }
        public MessageType type() { return MessageType.INTERRUPT; }
        public List<Object> toFields() { return fields(type(), request, options); }
    }

    record Yield(long request, Map<String, Object> options, List<Object> args, Map<String, Object> kwargs)
            implements WampMessage {
        public Yield { options = dict(options); args = list(args); kwargs = dict(kwargs); }
        public MessageType type() { return MessageType.YIELD; }
        public List<Object> toFields() { return withPayload(fields(type(), request, options), args, kwargs); }
    }
}
