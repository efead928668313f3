package dev.pipes.engine.world;

/** Exit statuses in the shell's convention: 128 + N for a process killed by signal N. */
public final class Signals {
    private Signals() {}

    /** The name of the signal a status of 128+N stands for, when it is one a user should hear about; else null. */
    public static String nameOf(int status) {
        return switch (status) {
            case 128 + 9 -> "KILL";
            case 128 + 15 -> "TERM";
            case 128 + 11 -> "SEGV";
            case 128 + 6 -> "ABRT";
            case 128 + 1 -> "HUP";
            case 128 + 2 -> "INT";
            case 128 + 13 -> "PIPE";
            default -> null;
        };
    }

    /** Whether a stage that died of {@code signal} deserves a message (SIGPIPE and SIGINT are how pipelines end). */
    public static boolean worthReporting(String signal) {
        return signal != null && !"PIPE".equals(signal) && !"INT".equals(signal);
    }
}
