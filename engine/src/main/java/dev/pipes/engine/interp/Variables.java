package dev.pipes.engine.interp;

import java.util.ArrayDeque;
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
    /** One variable: its value ({@code null}: declared but unset) and attributes. */
    public record Var(String value, boolean exported, boolean readonly) {
        Var withValue(String newValue) {
            return new Var(newValue, exported, readonly);
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
        for (Map<String, Var> scope : scopes) scopesCopy.addLast(new HashMap<>(scope));
        return new Variables(new HashMap<>(globals), scopesCopy);
    }

    public Var lookup(String name) {
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
        checkWritable(name);
        Map<String, Var> scope = scopeOf(name);
        Var old = scope.get(name);
        scope.put(name, old == null ? new Var(value, false, false) : old.withValue(value));
    }

    public void export(String name, String valueOrNull) {
        checkWritable(valueOrNull == null ? null : name);
        Map<String, Var> scope = scopeOf(name);
        Var old = scope.get(name);
        String value = valueOrNull != null ? valueOrNull : old == null ? null : old.value();
        scope.put(name, new Var(value, true, old != null && old.readonly()));
    }

    public void markReadonly(String name, String valueOrNull) {
        if (valueOrNull != null) checkWritable(name);
        Map<String, Var> scope = scopeOf(name);
        Var old = scope.get(name);
        String value = valueOrNull != null ? valueOrNull : old == null ? null : old.value();
        scope.put(name, new Var(value, old != null && old.exported(), true));
    }

    /** Unsets a variable; a local one stays local (and unset), hiding the outer one, as in bash. */
    public void unset(String name) {
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
            if (e.getValue().exported() && e.getValue().value() != null) env.put(e.getKey(), e.getValue().value());
        }
        Iterator<Map<String, Var>> outerFirst = scopes.descendingIterator();
        while (outerFirst.hasNext()) {
            for (Map.Entry<String, Var> e : outerFirst.next().entrySet()) {
                if (e.getValue().exported() && e.getValue().value() != null) env.put(e.getKey(), e.getValue().value());
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
