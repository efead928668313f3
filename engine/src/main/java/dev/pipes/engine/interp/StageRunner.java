package dev.pipes.engine.interp;

import dev.pipes.engine.plan.Stage;

/** Runs a stage that lives inside the shell (builtin, function, compound command) on a given state. */
interface StageRunner {
    /** Runs {@code stage} with {@code state} (whose descriptors are already the stage's own) and returns its status. */
    int run(Stage stage, ShellState state);
}
