package dev.pipes.engine.interp;

/** break, continue, return and exit unwind the interpreter's Java stack as exceptions without traces. */
public abstract sealed class ControlFlow extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ControlFlow() {
        super(null, null, false, false);
    }

    /** {@code break N}: leaves N loops. */
    public static final class Break extends ControlFlow {
        private static final long serialVersionUID = 1L;
        final int levels;

        Break(int levels) {
            this.levels = levels;
        }
    }

    /** {@code continue N}: goes to the next iteration of the N-th enclosing loop. */
    public static final class Continue extends ControlFlow {
        private static final long serialVersionUID = 1L;
        final int levels;

        Continue(int levels) {
            this.levels = levels;
        }
    }

    /** {@code return N}: leaves a function or a sourced file. */
    public static final class Return extends ControlFlow {
        private static final long serialVersionUID = 1L;
        final int status;

        Return(int status) {
            this.status = status;
        }
    }

    /** {@code exit N} (or the end of a subshell through exit): leaves the shell or subshell. */
    public static final class Exit extends ControlFlow {
        private static final long serialVersionUID = 1L;
        public final int status;

        public Exit(int status) {
            this.status = status;
        }
    }
}
