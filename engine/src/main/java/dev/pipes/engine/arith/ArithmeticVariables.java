package dev.pipes.engine.arith;

/** The variables an arithmetic expression reads and assigns; the shell's variable store in practice. */
public interface ArithmeticVariables {
    /** The value of {@code name}, or {@code null} when it is unset. */
    String get(String name);

    /** Assigns {@code value} to {@code name}; may throw when the variable is read-only. */
    void set(String name, String value);
}
