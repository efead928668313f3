package dev.pipes.shell.spec;

import java.util.Map;

/**
 * One case of a spec file in the Oils format: its code and what it must print and return. Each
 * expectation may be overridden for one shell ({@code ## OK bash stdout: ...}); {@code N-I} marks a
 * case the shell does not implement, {@code BUG} a known divergence: both documented in the file.
 */
record SpecCase(String file, int line, String name, String code, Expectation expected,
                Map<String, Expectation> perShell) {

    /** What a run must produce; a {@code null} field is not checked. */
    record Expectation(String stdout, String stderr, Integer status) {
        Expectation merge(Expectation override) {
            if (override == null) return this;
            return new Expectation(override.stdout != null ? override.stdout : stdout,
                    override.stderr != null ? override.stderr : stderr,
                    override.status != null ? override.status : status);
        }
    }

    /** The expectation for {@code shell}: the default one, with that shell's overrides. */
    Expectation expectedFor(String shell) {
        return expected.merge(perShell.get(shell));
    }

    String displayName() {
        return file + ":" + line + " " + name;
    }
}
