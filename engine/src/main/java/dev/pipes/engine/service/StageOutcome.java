package dev.pipes.engine.service;

import dev.pipes.engine.stream.StreamProtocol;
import dev.pipes.wamp.client.CallResult;
import dev.pipes.wamp.client.WampException;
import dev.pipes.wamp.message.WampUris;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/** Turns the answer of a {@code run} call into an exit status, reporting what the user should hear about. */
final class StageOutcome {
    /** The status of a stage whose run the shell canceled. */
    static final int CANCELED = 143;

    private StageOutcome() {}

    static int status(String stage, CallResult result, Throwable failure, boolean canceled, Consumer<String> errors) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (canceled) return CANCELED;
            if (cause instanceof WampException w) {
                if (w.error().equals(WampUris.CANCELED)) {
                    errors.accept(stage + ": the stage's agent went away");
                    return CANCELED;
                }
                String message = w.args().isEmpty() ? w.error() : String.valueOf(w.args().get(0));
                errors.accept(stage + ": " + message);
                return w.error().equals(StreamProtocol.ERROR_EXEC) ? 126 : 1;
            }
            errors.accept(stage + ": " + cause.getMessage());
            return 1;
        }
        Object value = result.kwargs().getOrDefault("status", result.arg(0));
        int status = value instanceof Number n ? n.intValue() : 1;
        Object signal = result.kwargs().get("signal");
        if (signal != null && !canceled && !"PIPE".equals(signal) && !"INT".equals(signal)) {
            errors.accept(stage + ": killed by SIG" + signal);
        }
        return status;
    }
}
