package dev.pipes.engine.interp;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** A started stage: waits for its status; {@code pid} is its process id, or -1 for an in-process stage. */
interface StageHandle {
    int await();

    long pid();

    static StageHandle finished(int status) {
        return of(CompletableFuture.completedFuture(status), -1);
    }

    static StageHandle of(CompletableFuture<Integer> status, long pid) {
        return new StageHandle() {
            @Override
            public int await() {
                while (true) {
                    try {
                        return status.get();
                    } catch (InterruptedException e) {
                        // the shell itself was interrupted (its job killed): keep the flag, report 143
                        Thread.currentThread().interrupt();
                        return 143;
                    } catch (ExecutionException e) {
                        return 1;
                    }
                }
            }

            @Override
            public long pid() {
                return pid;
            }
        };
    }
}
