package dev.pipes.grammar.antlr;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;

/**
 * Stops at the first syntax error with a {@code SyntaxError} worded by {@link ErrorMessages};
 * never recovers (a shell must not run a guessed repair) and never prints to the console.
 */
final class FailFastErrorStrategy extends DefaultErrorStrategy {
    /** Thrown in the fast first pass: the caller parses again in full LL mode for the true error. */
    static final class RetryWithFullContext extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RetryWithFullContext() {
            super(null, null, false, false);
        }
    }

    private final ErrorMessages messages;
    private final boolean firstPass;

    FailFastErrorStrategy(ErrorMessages messages, boolean firstPass) {
        this.messages = messages;
        this.firstPass = firstPass;
    }

    @Override
    public void reportError(Parser recognizer, RecognitionException e) {
        throw fail(recognizer, e.getOffendingToken());
    }

    @Override
    public void recover(Parser recognizer, RecognitionException e) {
        throw fail(recognizer, e.getOffendingToken());
    }

    @Override
    public Token recoverInline(Parser recognizer) {
        throw fail(recognizer, new InputMismatchException(recognizer).getOffendingToken());
    }

    private RuntimeException fail(Parser recognizer, Token offending) {
        if (firstPass) return new RetryWithFullContext();
        return messages.at(recognizer, offending);
    }

    @Override
    public void sync(Parser recognizer) {
        // errors surface where a token does not match; no resynchronisation
    }
}
