package dev.pipes.engine.world;

import java.util.Optional;

/**
 * Where command resolution looks for services, between builtins and PATH. The services issue
 * provides a real directory; until then there are no services.
 */
public interface ServiceDirectory {
    /** The service a command name stands for, if any. */
    Optional<String> lookup(String name);

    /** Where a service's stages run, as {@code explain} shows it. */
    default String placement(String service) {
        return "no runtime";
    }

    static ServiceDirectory none() {
        return name -> Optional.empty();
    }
}
