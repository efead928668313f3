package dev.pipes.engine.interp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shell's variables: a global scope and a stack of function scopes ({@code local}). A lookup
 * searches the innermost scope first (dynamic scoping, as in bash and every sh with {@code local}).
 */
public final class Variables {
    /**
     * One variable: its value ({@code null}: declared but unset) or array, and attributes
     * ({@code integer}: {@code declare -i}, assignments are evaluated as arithmetic).
     */
    public record Var(String scalar, ShellArray array, boolean exported, boolean readonly, boolean integer, boolean nameref) {
        public Var(String scalar, ShellArray array, boolean exported, boolean readonly, boolean integer) {
            this(scalar, array, exported, readonly, integer, false);
        }

        public Var(String value, boolean exported, boolean readonly) {
            this(value, null, exported, readonly, false);
        }

        /** The value as {@code $name} gives it: an array's element 0. */
        public String value() {
            return array == null ? scalar : array.first();
        }

        Var withValue(String newValue) {
            return new Var(newValue, null, exported, readonly, integer);
        }

        Var withArray(ShellArray newArray) {
            return new Var(null, newArray, exported, readonly, integer);
        }

        Var withAttributes(boolean newExported, boolean newReadonly, boolean newInteger) {
            return new Var(scalar, array, newExported, newReadonly, newInteger);
        }

        Var deepCopy() {
            return array == null ? this : new Var(scalar, array.copy(), exported, readonly, integer, nameref);
        }
    }

    private final Map<String, Var> globals;
    private final Deque<Map<String, Var>> scopes;

    private Variables(Map<String, Var> globals, Deque<Map<String, Var>> scopes) {
        this.globals = globals;
        this.scopes = scopes;
    }

    /** Variables initialised from an environment: every one exported. */
    public static Variables fromEnvironment(Map<String, String> environment) {
        Map<String, Var> globals = new HashMap<>();
        environment.forEach((name, value) -> globals.put(name, new Var(value, true, false)));
        return new Variables(globals, new ArrayDeque<>());
    }

    /** A deep copy, for a subshell. */
    public Variables copy() {
        Deque<Map<String, Var>> scopesCopy = new ArrayDeque<>();
        for (Map<String, Var> scope : scopes) scopesCopy.addLast(deepCopy(scope));
        return new Variables(deepCopy(globals), scopesCopy);
    }

    private static Map<String, Var> deepCopy(Map<String, Var> scope) {
        Map<String, Var> copy = new HashMap<>(scope);
        copy.replaceAll((name, var) -> var.deepCopy());
        return copy;
    }

    /** The variable a name stands for: itself, or what a nameref ({@code declare -n}) chain leads to. */
    String resolve(String name) {
        for (int depth = 0; depth < 10; depth++) {
            Var var = rawLookup(name);
            if (var == null || !var.nameref() || var.scalar() == null || var.scalar().isEmpty()) return name;
            name = var.scalar();
        }
        throw new ShellError(name + ": circular name reference");
    }

    /** Makes {@code name} (in the scope where it lives) a reference to the variable {@code target}. */
    public void makeNameref(String name, String target) {
        Map<String, Var> scope = scopeOf(name);
        Var old = scope.get(name);
        if (old != null && old.readonly()) throw new ShellError(name + ": readonly variable");
        scope.put(name, new Var(target, null, false, false, false, true));
    }

    /** The variable itself, a nameref not followed ({@code declare -p}, {@code unset -n}). */
    public Var rawLookup(String name) {
        for (Map<String, Var> scope : scopes) {
            Var var = scope.get(name);
            if (var != null) return var;
        }
        return globals.get(name);
    }

    public Var lookup(String name) {
        name = resolve(name);
        for (Map<String, Var> scope : scopes) {
            Var var = scope.get(name);
            if (var != null) return var;
        }
        return globals.get(name);
    }

    /** The value, or {@code null} when unset. */
    public String get(String name) {
        Var var = lookup(name);
        return var == null ? null : var.value();
    }

    public boolean isReadonly(String name) {
        Var var = lookup(name);
        return var != null && var.readonly();
    }

    /** Assigns in the scope where the name lives (the global one when it lives nowhere yet). */
    public void set(String name, String value) {
        name = resolve(name);
        checkWritable(name);
        Map<String, Var> scope = scopeOf(name);
        Var old = scope.get(name);
        if (old == null) {
            scope.put(name, new Var(value, false, false));
        } else if (old.array() != null) {
            old.array().put("0", integerValue(old, value)); // a=x on an array sets element 0, as in bash
        } else {
            scope.put(name, old.withValue(integerValue(old, value)));
        }
    }

    /** The value an assignment stores: evaluated as arithmetic for a variable declared with -i. */
    private String integerValue(Var var, String value) {
        if (!var.integer() || value == null) return value;
        return Long.toString(arithmetic(value));
    }

    long arithmetic(String text) {
        try {
            return dev.pipes.engine.arith.Arithmetic.evaluate(text, new dev.pipes.engine.arith.ArithmeticVariables() {
                public String get(String n) {
                    return Variables.this.get(n);
                }

                public void set(String n, String v) {
                    Variables.this.set(n, v);
                }
            });
        } catch (dev.pipes.engine.arith.ArithmeticError e) {
            throw new ShellError(e.getMessage());
        }
    }

    /** The array named {@code name}, or null when it is no array. */
    public ShellArray array(String name) {
        Var var = lookup(name);
        return var == null ? null : var.array();
    }

    /** Replaces {@code name} with an indexed array of {@code values} (its attributes kept). */
    public void setArray(String name, List<String> values) {
        name = resolve(name);
        checkWritable(name);
        Map<String, Var> scope = scopeOf(name);
        Var old = scope.get(name);
        ShellArray array;
        if (old != null && old.array() != null && old.array().isAssociative()) {
            array = ShellArray.associative();
            for (int i = 0; i + 1 < values.size(); i += 2) array.put(values.get(i), values.get(i + 1));
        } else {
            List<String> stored = new ArrayList<>();
            for (String v : values) stored.add(old == null ? v : integerValue(old, v));
            array = ShellArray.indexed(stored);
        }
        scope.put(name, old == null ? new Var(null, array, false, false, false) : old.withArray(array));
    }

    /** Makes {@code name} an associative array (declare -A), keeping one that already is. */
    public void declareAssociative(String name) {
        checkWritable(name);
        Map<String, Var> scope = scopeOf(name);
        Var old = scope.get(name);
        if (old != null && old.array() != null && old.array().isAssociative()) return;
        scope.put(name, old == null ? new Var(null, ShellArray.associative(), false, false, false)
                : old.withArray(ShellArray.associative()));
    }

    /** Makes {@code name} an indexed array (declare -a), keeping an array it already is, a scalar as element 0. */
    public void declareIndexed(String name) {
        Map<String, Var> scope = scopeOf(name);
        Var old = scope.get(name);
        if (old != null && old.array() != null) return;
        checkWritable(name);
        List<String> values = old == null || old.value() == null ? List.of() : List.of(old.value());
        scope.put(name, old == null ? new Var(null, ShellArray.indexed(values), false, false, false)
                : old.withArray(ShellArray.indexed(values)));
    }

    /** {@code name[key]=value}: a scalar becomes an indexed array first. */
    public void setElement(String name, String key, String value) {
        name = resolve(name);
        checkWritable(name);
        Map<String, Var> scope = scopeOf(name);
        Var old = scope.get(name);
        if (old == null || old.array() == null) {
            declareIndexed(name);
            old = scope.get(name);
        }
        old.array().put(key, integerValue(old, value));
    }

    public void unsetElement(String name, String key) {
        checkWritable(name);
        ShellArray array = array(name);
        if (array != null) array.remove(key);
        else if (key.equals("0")) unset(name);
    }

    /** Sets the attributes of {@code name} (declare -x -r -i), creating it unset when it does not exist. */
    public void setAttributes(String name, Boolean exported, Boolean readonly, Boolean integer) {
        Map<String, Var> scope = scopeOf(name);
        Var old = scope.get(name);
        if (old == null) old = new Var(null, false, false);
        scope.put(name, old.withAttributes(exported == null ? old.exported() : exported,
                readonly == null ? old.readonly() : readonly, integer == null ? old.integer() : integer));
    }

    public void export(String name, String valueOrNull) {
        checkWritable(valueOrNull == null ? null : name);
        Map<String, Var> scope = scopeOf(name);
        Var old = scope.get(name);
        if (old != null && valueOrNull == null) {
            scope.put(name, old.withAttributes(true, old.readonly(), old.integer()));
            return;
        }
        String value = valueOrNull != null ? (old == null ? valueOrNull : integerValue(old, valueOrNull)) : null;
        scope.put(name, new Var(value, null, true, old != null && old.readonly(), old != null && old.integer()));
    }

    public void markReadonly(String name, String valueOrNull) {
        if (valueOrNull != null) checkWritable(name);
        Map<String, Var> scope = scopeOf(name);
        Var old = scope.get(name);
        if (old != null && valueOrNull == null) {
            scope.put(name, old.withAttributes(old.exported(), true, old.integer()));
            return;
        }
        scope.put(name, new Var(valueOrNull, null, old != null && old.exported(), true, old != null && old.integer()));
    }

    /** Unsets a variable; a local one stays local (and unset), hiding the outer one, as in bash. */
    public void unset(String name) {
        name = resolve(name);
        checkWritable(name);
        Map<String, Var> scope = scopeOf(name);
        if (scope == globals) scope.remove(name);
        else scope.put(name, new Var(null, false, false));
    }

    /** Declares {@code name} in the innermost function scope ({@code local}). */
    public void declareLocal(String name, String valueOrNull) {
        if (scopes.isEmpty()) throw new ShellError("local: can only be used in a function");
        Var outer = lookup(name);
        if (outer != null && outer.readonly()) throw new ShellError(name + ": readonly variable");
        Map<String, Var> scope = scopes.peekFirst();
        Var old = scope.get(name);
        String value = valueOrNull != null ? valueOrNull : old != null ? old.value() : null;
        scope.put(name, new Var(value, old != null && old.exported(), false));
    }

    /** Sets {@code name} in the innermost scope, readonly or not (the scope of a command's assignments being expanded). */
    void setTemporary(String name, String value) {
        scopes.peekFirst().put(name, new Var(value, false, false));
    }

    /** Whether {@code name} is declared in the innermost function scope. */
    public boolean isLocal(String name) {
        return !scopes.isEmpty() && scopes.peekFirst().containsKey(name);
    }

    public void pushScope() {
        scopes.addFirst(new HashMap<>());
    }

    /** A scope of temporary exported assignments ({@code X=1 cmd} for a builtin or function). */
    public void pushScope(Map<String, String> exportedAssignments) {
        Map<String, Var> scope = new HashMap<>();
        exportedAssignments.forEach((name, value) -> {
            checkWritable(name);
            scope.put(name, new Var(value, true, false));
        });
        scopes.addFirst(scope);
    }

    public void popScope() {
        scopes.removeFirst();
    }

    public boolean inFunction() {
        return !scopes.isEmpty();
    }

    /** The environment passed to a process: every exported variable that has a value. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (Map.Entry<String, Var> e : globals.entrySet()) {
            if (e.getValue().exported() && e.getValue().array() == null && e.getValue().value() != null) {
                env.put(e.getKey(), e.getValue().value());
            }
        }
        Iterator<Map<String, Var>> outerFirst = scopes.descendingIterator();
        while (outerFirst.hasNext()) {
            for (Map.Entry<String, Var> e : outerFirst.next().entrySet()) {
                Var var = e.getValue();
                if (var.exported() && var.array() == null && var.value() != null) env.put(e.getKey(), var.value());
                else env.remove(e.getKey());
            }
        }
        return env;
    }

    /** Every visible variable, sorted by name (for {@code set}, {@code export -p}, {@code readonly -p}). */
    public Map<String, Var> visible() {
        Map<String, Var> all = new TreeMap<>(globals);
        Iterator<Map<String, Var>> outerFirst = scopes.descendingIterator();
        while (outerFirst.hasNext()) all.putAll(outerFirst.next());
        return all;
    }

    private Map<String, Var> scopeOf(String name) {
        for (Map<String, Var> scope : scopes) {
            if (scope.containsKey(name)) return scope;
        }
        return globals;
    }

    private void checkWritable(String name) {
        if (name != null && isReadonly(name)) throw new ShellError(name + ": readonly variable");
    }
}
