package dev.pipes.grammar.ast;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Helpers over whole trees. */
public final class Trees {
    private Trees() {}

    /**
     * A copy of {@code node} with every span replaced by {@link Span#NONE}, so that two trees can be
     * compared for structure alone (the parser tests' "many spellings, one tree").
     */
    @SuppressWarnings("unchecked")
    public static <T extends Node> T withoutSpans(T node) {
        return (T) strip(node);
    }

    /** Whether {@code node} or any node below it is an instance of {@code type}. */
    public static boolean contains(Node node, Class<? extends Node> type) {
        return containsIn(node, type);
    }

    private static boolean containsIn(Object value, Class<? extends Node> type) {
        if (type.isInstance(value)) return true;
        if (value instanceof List<?> list) {
            for (Object element : list) if (containsIn(element, type)) return true;
            return false;
        }
        if (value instanceof Optional<?> optional) return optional.isPresent() && containsIn(optional.get(), type);
        if (value instanceof Record record && !(value instanceof Span)) {
            try {
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    if (containsIn(component.getAccessor().invoke(record), type)) return true;
                }
            } catch (InvocationTargetException | IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + record.getClass().getSimpleName(), e);
            }
        }
        return false;
    }

    private static Object strip(Object value) {
        if (value instanceof Span) return Span.NONE;
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) copy.add(strip(element));
            return List.copyOf(copy);
        }
        if (value instanceof Optional<?> optional) return optional.map(Trees::strip);
        if (value instanceof Record record) return rebuild(record);
        return value;
    }

    private static Record rebuild(Record record) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                values[i] = strip(components[i].getAccessor().invoke(record));
                types[i] = components[i].getType();
            }
            Constructor<? extends Record> constructor = record.getClass().getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (InvocationTargetException | InstantiationException | IllegalAccessException
                 | NoSuchMethodException e) {
            throw new IllegalStateException("cannot copy " + record.getClass().getSimpleName(), e);
        }
    }
}
