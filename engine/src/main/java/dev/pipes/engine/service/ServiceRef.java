package dev.pipes.engine.service;

import java.util.OptionalInt;

/**
 * How a pipeline names a service: {@code NAME}, or {@code NAME@N} to run it with N replicas
 * for this pipeline instead of the number it was built with.
 */
public record ServiceRef(String name, OptionalInt replicas) {
    /** Reads {@code text}; empty when it is not a service reference at all. */
    public static java.util.Optional<ServiceRef> parse(String text) {
        int at = text.lastIndexOf('@');
        if (at < 0) return valid(text) ? java.util.Optional.of(new ServiceRef(text, OptionalInt.empty())) : java.util.Optional.empty();
        String name = text.substring(0, at);
        String count = text.substring(at + 1);
        if (!valid(name) || count.isEmpty() || count.length() > 3 || !count.chars().allMatch(Character::isDigit)) {
            return java.util.Optional.empty();
        }
        int n = Integer.parseInt(count);
        if (n < 1 || n > ServiceSpec.MAX_REPLICAS) return java.util.Optional.empty();
        return java.util.Optional.of(new ServiceRef(name, OptionalInt.of(n)));
    }

    private static boolean valid(String name) {
        try {
            ServiceSpec.checkName(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public int replicasOr(int built) {
        return replicas.orElse(built);
    }

    @Override
    public String toString() {
        return replicas.isPresent() ? name + "@" + replicas.getAsInt() : name;
    }
}
