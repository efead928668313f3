package dev.pipes.completions;

import java.util.List;

/**
 * Where completion reads the services that are built and the workflows that exist. The services
 * module provides the real one; until it is there the shell uses {@link #empty()}.
 * Implementations must answer quickly (a cached view): completion runs on every Tab.
 */
public interface ServiceCatalog {
    /** Built services, by the command name that runs them. */
    List<NamedEntry> services();

    /** Workflows, by id and by name (both can be typed after {@code query}, {@code logs}, {@code rm}). */
    List<NamedEntry> workflows();

    static ServiceCatalog empty() {
        return InMemoryServiceCatalog.of(List.of(), List.of());
    }
}
