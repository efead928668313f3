package dev.pipes.engine.service;

import java.io.InputStream;
import java.io.OutputStream;

/** Where a service stage's standard input comes from and its outputs go, as the executor wired them. */
public record StageIo(Source stdin, Target stdout, Target stderr) {
    /** The input of a stage. */
    public sealed interface Source {}

    /** Straight from the previous service stage, agent to agent over WAMP. */
    public record FromPreviousService() implements Source {}

    /** From a stream of the shell (a file, a pipe from a local command, the terminal); the shell streams it over WAMP. */
    public record FromStream(InputStream in) implements Source {}

    /** An output of a stage. */
    public sealed interface Target {}

    /** Straight into the next service stage, agent to agent over WAMP. */
    public record ToNextService() implements Target {}

    /**
     * Into a stream of the shell; {@code prefixLines} puts the stage's name before each line, as the
     * shell does for standard error shown to the user.
     */
    public record ToStream(OutputStream out, boolean prefixLines) implements Target {}

    /** Nowhere (a closed descriptor). */
    public record Discard() implements Target {}
}
