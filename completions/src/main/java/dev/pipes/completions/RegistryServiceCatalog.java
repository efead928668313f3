package dev.pipes.completions;

import dev.pipes.engine.service.ServiceRegistry;
import java.util.List;

/**
 * The services built with {@code build}, read from the registry at each request, so that a
 * service built a moment ago completes at the next Tab. The registry is a handful of small
 * entries in the configuration store, cheap enough to read per request. Workflows do not exist
 * yet (the {@code run -d} issue adds them): none are offered.
 */
public final class RegistryServiceCatalog implements ServiceCatalog {
    private final ServiceRegistry registry;

    public RegistryServiceCatalog(ServiceRegistry registry) {
        this.registry = registry;
    }

    @Override
    public List<NamedEntry> services() {
        return registry.all().stream().map(spec -> new NamedEntry(spec.name(), spec.description())).toList();
    }

    @Override
    public List<NamedEntry> workflows() {
        return List.of();
    }
}
