package dev.pipes.engine.verbs;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** The verbs a shell offers under {@code pipes}, by name; an immutable value built once at start-up. */
public final class PipesVerbs {
    private static final PipesVerbs NONE = new PipesVerbs(new TreeMap<>());
    private final SortedMap<String, PipesVerb> byName;

    private PipesVerbs(SortedMap<String, PipesVerb> byName) {
        this.byName = Collections.unmodifiableSortedMap(byName);
    }

    /** No verbs beyond those the interpreter itself has ({@code build}, {@code services}, {@code explain}). */
    public static PipesVerbs none() {
        return NONE;
    }

    /** These verbs; two with one name are a programming error. */
    public static PipesVerbs of(List<? extends PipesVerb> verbs) {
        return NONE.with(verbs);
    }

    /** These verbs and {@code more}. */
    public PipesVerbs with(List<? extends PipesVerb> more) {
        SortedMap<String, PipesVerb> all = new TreeMap<>(byName);
        for (PipesVerb verb : more) {
            if (all.putIfAbsent(verb.name(), verb) != null) {
                throw new IllegalArgumentException("two pipes verbs named " + verb.name());
            }
        }
        return new PipesVerbs(all);
    }

    public Optional<PipesVerb> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<PipesVerb> all() {
        return byName.values();
    }
}
