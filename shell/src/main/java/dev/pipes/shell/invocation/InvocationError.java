package dev.pipes.shell.invocation;

/** A command line pipesh cannot run: reported as {@code pipesh: MESSAGE}, exit status 2 (as sh's usage errors). */
public final class InvocationError extends Exception {
    public InvocationError(String message) {
        super(message);
    }
}
