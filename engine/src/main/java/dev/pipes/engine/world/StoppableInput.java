package dev.pipes.engine.world;

/**
 * An input whose reading can be stopped from outside, so that a reader that has no one left to
 * read for (its pipeline ended, its stage closed its input) takes nothing more.
 */
public interface StoppableInput {
    /** Stops reading; what was not read yet stays where it was (on the terminal, say). */
    void stopReading();
}
