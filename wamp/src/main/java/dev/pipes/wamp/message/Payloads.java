package dev.pipes.wamp.message;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings application values to the forms that arrive from the wire: Integer, Short and Byte become
 * Long, Float becomes Double, any Collection a List; unsupported values are refused before they are
 * sent, with the path to them. Values already in wire form are returned as they are (no copy), so
 * the check is cheap for the common case and large binaries are never copied.
 */
public final class Payloads {
    private Payloads() {
    }

    public static List<Object> args(List<Object> args) {
        return args == null ? List.of() : asList(normalize(args, "args"));
    }

    public static Map<String, Object> kwargs(Map<String, Object> kwargs) {
        return kwargs == null ? Map.of() : asMap(normalize(kwargs, "kwargs"));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object o) {
        return (List<Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    static Object normalize(Object v, String path) {
        if (v == null || v instanceof String || v instanceof Long || v instanceof Boolean || v instanceof Double
                || v instanceof byte[]) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
        if (v instanceof Float f) return f.doubleValue();
        if (v instanceof BigInteger b) return b.bitLength() < 64 ? (Object) b.longValue() : b;
        if (v instanceof List<?> list) {
            List<Object> copy = null;
            for (int i = 0; i < list.size(); i++) {
                Object e = list.get(i);
                Object n = normalize(e, path + "[" + i + "]");
                if (n != e && copy == null) {
                    copy = new ArrayList<>(list.subList(0, i));
                }
                if (copy != null) copy.add(n);
            }
            return copy == null ? list : copy;
        }
        if (v instanceof Collection<?> c) return normalize(new ArrayList<>(c), path);
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> copy = null;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("cannot send " + path + ": WAMP dict keys must be strings, got "
                            + (e.getKey() == null ? "null" : e.getKey().getClass().getSimpleName()));
                }
                Object n = normalize(e.getValue(), path + "." + key);
                if (n != e.getValue() && copy == null) copy = new LinkedHashMap<>();
                if (copy != null) copy.put(key, n);
            }
            if (copy == null) return map;
            // keep the order: rebuild with every entry when one changed
            Map<String, Object> all = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = (String) e.getKey();
                all.put(key, copy.containsKey(key) ? copy.get(key) : e.getValue());
            }
            return all;
        }
        throw new IllegalArgumentException("cannot send " + path + ": a value of type " + v.getClass().getName()
                + " is not a WAMP value (use String, Long, Double, Boolean, byte[], List, Map or null)");
    }
}
