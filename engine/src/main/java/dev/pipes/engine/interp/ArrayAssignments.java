package dev.pipes.engine.interp;

import java.util.ArrayList;
import java.util.List;

/**
 * bash's assignment forms on top of the plan's name-to-string assignments: {@code a+=v} (name
 * {@code a+}), {@code a[k]=v} (name {@code a[k]}, the key already expanded) and {@code a=(x y)}
 * (the elements in one string after {@link #ARRAY}, separated by NUL, which no shell string holds;
 * a {@code [k]=v} element is {@link #KEYED} key {@link #KEY_END} value).
 */
final class ArrayAssignments {
    static final char ARRAY = '\u0000';
    static final char KEYED = '\u0001';
    static final char KEY_END = '\u0002';

    private ArrayAssignments() {}

    static String encode(List<String> elements) {
        StringBuilder out = new StringBuilder().append(ARRAY);
        for (String element : elements) out.append(element).append(ARRAY);
        return out.toString();
    }

    static String keyed(String key, String value) {
        return KEYED + key + KEY_END + value;
    }

    static boolean isArray(String value) {
        return !value.isEmpty() && value.charAt(0) == ARRAY;
    }

    /** Performs one assignment of a command without a command name (or of declare/local). */
    static void apply(Variables variables, String name, String value, boolean export) {
        boolean append = name.endsWith("+");
        if (append) name = name.substring(0, name.length() - 1);
        Subscripts.Name split = Subscripts.split(name);
        if (isArray(value)) {
            List<String> elements = decode(value);
            ShellArray existing = variables.array(split.base());
            if (!append || existing == null) {
                String oldScalar = append && existing == null ? variables.get(split.base()) : null;
                // an associative array stays one (setArray keeps its kind); anything else becomes indexed
                variables.setArray(split.base(), oldScalar == null ? List.of() : List.of(oldScalar));
                existing = variables.array(split.base());
            }
            long next = nextIndex(existing);
            String pendingKey = null; // an associative array's (key value ...) list, as bash 5.1 takes it
            for (String element : elements) {
                if (!element.isEmpty() && element.charAt(0) == KEYED) {
                    int end = element.indexOf(KEY_END);
                    String key = element.substring(1, end);
                    variables.setElement(split.base(), key, element.substring(end + 1));
                    if (!existing.isAssociative()) next = Long.parseLong(key) + 1;
                } else if (existing.isAssociative()) {
                    if (pendingKey == null) {
                        pendingKey = element;
                    } else {
                        variables.setElement(split.base(), pendingKey, element);
                        pendingKey = null;
                    }
                } else {
                    variables.setElement(split.base(), Long.toString(next++), element);
                }
            }
            if (pendingKey != null) variables.setElement(split.base(), pendingKey, "");
            if (export) variables.export(split.base(), null);
            return;
        }
        if (split.subscript() != null) {
            ShellArray array = variables.array(split.base());
            String old = array != null ? array.get(split.subscript())
                    : split.subscript().equals("0") ? variables.get(split.base()) : null;
            variables.setElement(split.base(), split.subscript(), append && old != null ? concat(variables, split.base(), old, value) : value);
            return;
        }
        if (append) {
            String old = variables.get(name);
            if (old != null) value = concat(variables, name, old, value);
        }
        if (export) variables.export(name, value);
        else variables.set(name, value);
    }

    private static String concat(Variables variables, String name, String old, String value) {
        Variables.Var var = variables.lookup(name);
        if (var != null && var.integer()) return Long.toString(variables.arithmetic(old) + variables.arithmetic(value));
        return old + value;
    }

    private static long nextIndex(ShellArray array) {
        if (array.isAssociative() || array.size() == 0) return 0;
        List<String> keys = array.keys();
        return Long.parseLong(keys.get(keys.size() - 1)) + 1;
    }

    static List<String> decode(String value) {
        List<String> elements = new ArrayList<>();
        int start = 1;
        for (int i = 1; i < value.length(); i++) {
            if (value.charAt(i) == ARRAY) {
                elements.add(value.substring(start, i));
                start = i + 1;
            }
        }
        return elements;
    }
}
