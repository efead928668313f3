package dev.pipes.engine.service;

/** A shell without services was asked for one: the one message every caller reports. */
public final class ServicesUnavailableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public ServicesUnavailableException() {
        super("services are not available in this shell");
    }
}
