package dev.pipes.completions;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** A catalog held in memory; whoever learns of a change replaces its contents. */
public final class InMemoryServiceCatalog implements ServiceCatalog {
    private record Contents(List<NamedEntry> services, List<NamedEntry> workflows) {}

    private final AtomicReference<Contents> contents;

    private InMemoryServiceCatalog(List<NamedEntry> services, List<NamedEntry> workflows) {
        contents = new AtomicReference<>(new Contents(List.copyOf(services), List.copyOf(workflows)));
    }

    public static InMemoryServiceCatalog of(List<NamedEntry> services, List<NamedEntry> workflows) {
        return new InMemoryServiceCatalog(services, workflows);
    }

    public void replace(List<NamedEntry> services, List<NamedEntry> workflows) {
        contents.set(new Contents(List.copyOf(services), List.copyOf(workflows)));
    }

    @Override
    public List<NamedEntry> services() {
        return contents.get().services();
    }

    @Override
    public List<NamedEntry> workflows() {
        return contents.get().workflows();
    }
}
