package dev.pipes.engine.daemon;

import java.util.Locale;

/** Where a job is in its life; the last three are final. */
public enum JobStatus {
    QUEUED, RUNNING, DONE, FAILED, CANCELED;

    public boolean ended() {
        return this == DONE || this == FAILED || this == CANCELED;
    }

    /** The word the API and the store use: {@code queued}, {@code running}, ... */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobStatus fromWord(String word) {
        for (JobStatus status : values()) if (status.word().equals(word)) return status;
        throw new IllegalArgumentException("unknown job status '" + word + "'");
    }
}
