package dev.pipes.engine.arith;

/** An arithmetic expression that cannot be evaluated; the message names what and where. */
public final class ArithmeticError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ArithmeticError(String message) {
        super(message);
    }
}
