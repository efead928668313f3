package dev.pipes.completions;

/** Something with a name a user types and a line saying what it is (a service, a workflow, a job). */
public record NamedEntry(String name, String description) {
    public NamedEntry {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("an entry needs a name");
        if (description == null) description = "";
    }
}
