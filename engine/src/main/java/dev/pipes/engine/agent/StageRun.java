package dev.pipes.engine.agent;

/** One execution of a stage's executable for one {@code run} call. */
interface StageRun {
    /** Runs to the end and returns the exit status (of the last failing invocation for args mode). */
    int execute();

    /** Stops the run from another thread: the process and its descendants are terminated. */
    void stop();
}
