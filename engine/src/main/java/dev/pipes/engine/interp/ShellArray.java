package dev.pipes.engine.interp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The value of an array variable (bash): indexed (sparse, by non-negative index) or associative
 * (by string, in insertion order). Mutable; {@link Variables#copy()} copies it for a subshell.
 */
public final class ShellArray {
    private final boolean associative;
    private final TreeMap<Long, String> indexed;
    private final LinkedHashMap<String, String> byKey;

    private ShellArray(boolean associative, TreeMap<Long, String> indexed, LinkedHashMap<String, String> byKey) {
        this.associative = associative;
        this.indexed = indexed;
        this.byKey = byKey;
    }

    public static ShellArray indexed(List<String> values) {
        ShellArray array = new ShellArray(false, new TreeMap<>(), null);
        for (int i = 0; i < values.size(); i++) array.indexed.put((long) i, values.get(i));
        return array;
    }

    public static ShellArray associative() {
        return new ShellArray(true, null, new LinkedHashMap<>());
    }

    public boolean isAssociative() {
        return associative;
    }

    ShellArray copy() {
        return new ShellArray(associative, indexed == null ? null : new TreeMap<>(indexed),
                byKey == null ? null : new LinkedHashMap<>(byKey));
    }

    /** The element at {@code key} (for an indexed array a number; negative counts from the end), or null. */
    public String get(String key) {
        if (associative) return byKey.get(key);
        Long index = index(key);
        return index == null ? null : indexed.get(index);
    }

    public void put(String key, String value) {
        if (associative) {
            byKey.put(key, value);
            return;
        }
        Long index = index(key);
        if (index == null || index < 0) throw new ShellError("[" + key + "]: bad array subscript");
        indexed.put(index, value);
    }

    public void remove(String key) {
        if (associative) byKey.remove(key);
        else {
            Long index = index(key);
            if (index != null) indexed.remove(index);
        }
    }

    /** Appends after the highest index (indexed) or, for {@code a+=(k v)}, is not used for associative arrays. */
    public void append(List<String> values) {
        long next = indexed.isEmpty() ? 0 : indexed.lastKey() + 1;
        for (String value : values) indexed.put(next++, value);
    }

    public List<String> values() {
        return new ArrayList<>(associative ? byKey.values() : indexed.values());
    }

    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        if (associative) keys.addAll(byKey.keySet());
        else for (long k : indexed.keySet()) keys.add(Long.toString(k));
        return keys;
    }

    public int size() {
        return associative ? byKey.size() : indexed.size();
    }

    /** What {@code $a} gives: element 0 (key "0" of an associative array). */
    public String first() {
        return associative ? byKey.get("0") : indexed.get(0L);
    }

    /** The entries in order, for {@code declare -p}. */
    public Map<String, String> entries() {
        Map<String, String> entries = new LinkedHashMap<>();
        if (associative) entries.putAll(byKey);
        else indexed.forEach((k, v) -> entries.put(Long.toString(k), v));
        return entries;
    }

    private Long index(String key) {
        long index;
        try {
            index = Long.parseLong(key.strip());
        } catch (NumberFormatException e) {
            return null;
        }
        if (index < 0) {
            if (indexed.isEmpty()) return null;
            index = indexed.lastKey() + 1 + index;
            if (index < 0) return null;
        }
        return index;
    }
}
