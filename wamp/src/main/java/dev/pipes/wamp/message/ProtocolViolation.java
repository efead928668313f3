package dev.pipes.wamp.message;

/**
 * Input that is not valid WAMP: a frame that does not decode, an unknown message code, a field of
 * the wrong type, a message that is not allowed in the session's state. The message says what was
 * wrong and where; the peer that sent it gets ABORT with {@link WampUris#PROTOCOL_VIOLATION}.
 */
public class ProtocolViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProtocolViolation(String message) {
        super(message);
    }

    public ProtocolViolation(String message, Throwable cause) {
        super(message, cause);
    }
}
