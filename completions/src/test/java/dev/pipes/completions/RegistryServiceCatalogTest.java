package dev.pipes.completions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pipes.engine.agent.RunRequest.InputMode;
import dev.pipes.engine.service.FileConfigStore;
import dev.pipes.engine.service.ServiceRegistry;
import dev.pipes.engine.service.ServiceSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryServiceCatalogTest {
    @TempDir
    Path home;

    @Test
    void offersTheBuiltServicesWithTheirDescriptionsAsSoonAsTheyAreBuilt() {
        ServiceRegistry registry = new ServiceRegistry(new FileConfigStore(home));
        RegistryServiceCatalog catalog = new RegistryServiceCatalog(registry);
        assertEquals(List.of(), catalog.services());

        registry.build(new ServiceSpec("upper", Path.of("/usr/bin/tr"), InputMode.STDIN, 1, "upper-cases"));
        assertEquals(List.of(new NamedEntry("upper", "upper-cases")), catalog.services());
        assertEquals(List.of(), catalog.workflows());
    }
}
