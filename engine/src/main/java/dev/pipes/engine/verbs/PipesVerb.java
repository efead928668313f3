package dev.pipes.engine.verbs;

/**
 * One verb of the {@code pipes} builtin ({@code pipes init}, {@code pipes ps}, ...). The cluster and
 * the daemon bring their verbs through this seam, so the engine never imports what they use
 * (docker-java, jetcd, an HTTP server); the shell hands the verbs to the interpreter.
 *
 * <p>Verbs live under {@code pipes} because several of them ({@code rm}, {@code ps}, {@code init})
 * are everyday commands on PATH: no verb of ours may change what a script's ordinary command means.
 */
public interface PipesVerb {
    /** The word after {@code pipes}. */
    String name();

    /** One usage line, e.g. {@code pipes ps [-a] [--format json]}. */
    String usage();

    /** What the verb does, in a few words, for {@code pipes help}. */
    String summary();

    /** Runs the verb; {@code call.args()} starts with the verb's own name. Returns the exit status. */
    int run(VerbCall call);
}
