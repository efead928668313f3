package dev.pipes.engine.verbs;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The verbs a shell offers under {@code pipes}, by name; an immutable value built once at start-up.
 * Some verbs can be deferred: they come from a module that is loaded only when it is needed (the
 * cluster's, see {@link dev.pipes.engine.module.PipesModule}), the first time a verb is asked for
 * that the others do not have, or when all are listed.
 */
public final class PipesVerbs {
    private static final PipesVerbs NONE = new PipesVerbs(new TreeMap<>(), null);
    private final SortedMap<String, PipesVerb> byName;
    private final Deferred deferred;

    private PipesVerbs(SortedMap<String, PipesVerb> byName, Deferred deferred) {
        this.byName = Collections.unmodifiableSortedMap(byName);
        this.deferred = deferred;
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
        return new PipesVerbs(merged(byName, more), deferred == null ? null : new Deferred(deferred.later));
    }

    /**
     * These verbs, and those {@code later} gives, asked for at most once and only when a verb is
     * looked up that these do not have, or when all are listed ({@code later} should remember
     * what it loaded: a copy made by {@link #with} asks again). A name given twice is a programming
     * error, thrown when the deferred verbs are first resolved.
     */
    public PipesVerbs withDeferred(Supplier<? extends List<? extends PipesVerb>> later) {
        if (deferred != null) throw new IllegalStateException("pipes verbs are deferred once, by the shell");
        return new PipesVerbs(new TreeMap<>(byName), new Deferred(later));
    }

    public Optional<PipesVerb> find(String name) {
        PipesVerb verb = byName.get(name);
        if (verb != null || deferred == null) return Optional.ofNullable(verb);
        return Optional.ofNullable(deferred.resolve(byName).get(name));
    }

    public Collection<PipesVerb> all() {
        if (deferred == null) return byName.values();
        return deferred.resolve(byName).values();
    }

    private static SortedMap<String, PipesVerb> merged(SortedMap<String, PipesVerb> these, List<? extends PipesVerb> more) {
        SortedMap<String, PipesVerb> all = new TreeMap<>(these);
        for (PipesVerb verb : more) {
            if (all.putIfAbsent(verb.name(), verb) != null) {
                throw new IllegalArgumentException("two pipes verbs named " + verb.name());
            }
        }
        return Collections.unmodifiableSortedMap(all);
    }

    /** The verbs of modules loaded on first use; resolved once, by whichever thread asks first. */
    private static final class Deferred {
        private final Supplier<? extends List<? extends PipesVerb>> later;
        private SortedMap<String, PipesVerb> all; // guarded by this

        Deferred(Supplier<? extends List<? extends PipesVerb>> later) {
            this.later = later;
        }

        synchronized SortedMap<String, PipesVerb> resolve(SortedMap<String, PipesVerb> eager) {
            if (all == null) all = merged(eager, later.get());
            return all;
        }
    }
}
