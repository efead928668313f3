package dev.pipes.engine.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The services built so far, kept in a {@link ConfigStore} under {@code services/NAME}. */
public final class ServiceRegistry {
    private static final String PREFIX = "services/";

    private final ConfigStore store;

    public ServiceRegistry(ConfigStore store) {
        this.store = store;
    }

    /** Registers {@code spec}, replacing a service of the same name; true when it replaced one. */
    public boolean build(ServiceSpec spec) {
        boolean existed = store.get(PREFIX + spec.name()).isPresent();
        store.put(PREFIX + spec.name(), spec.encode());
        return existed;
    }

    public Optional<ServiceSpec> find(String name) {
        try {
            ServiceSpec.checkName(name);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return store.get(PREFIX + name).map(text -> ServiceSpec.decode(text, PREFIX + name));
    }

    public boolean remove(String name) {
        ServiceSpec.checkName(name);
        return store.delete(PREFIX + name);
    }

    /** Every service, by name. */
    public List<ServiceSpec> all() {
        List<ServiceSpec> out = new ArrayList<>();
        for (Map.Entry<String, String> e : store.list(PREFIX).entrySet()) out.add(ServiceSpec.decode(e.getValue(), e.getKey()));
        return out;
    }
}
