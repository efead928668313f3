package dev.pipes.wamp.serialization;

import java.math.BigInteger;

/** Helpers shared by the serializers for the Java values a WAMP payload may hold. */
final class Values {
    private Values() {
    }

    static String key(Object key) {
        if (key instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("WAMP dict keys must be strings, got "
                + (key == null ? "null" : key.getClass().getSimpleName()));
    }

    static long integral(Number n) {
        if (n instanceof BigInteger b) {
            return b.longValueExact();
        }
        return n.longValue();
    }

    static IllegalArgumentException unsupported(Object v) {
        return new IllegalArgumentException("cannot serialize a value of type " + v.getClass().getName()
                + " in WAMP (use String, Long, Double, Boolean, byte[], List, Map or null)");
    }
}
