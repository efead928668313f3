package dev.pipes.engine.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * What a pipeline will do, decided before anything runs: its stages in order, the joints between
 * them, and whether it is negated or runs in the background. {@code explain} prints it; the
 * executor runs exactly this value.
 */
public record Plan(String text, List<Stage> stages, List<Joint> joints, boolean negated, boolean background) {
    public Plan {
        stages = List.copyOf(stages);
        joints = List.copyOf(joints);
        if (stages.isEmpty()) throw new IllegalArgumentException("a plan has at least one stage");
        if (joints.size() != stages.size() - 1) throw new IllegalArgumentException("one joint between each two stages");
    }

    /** A plan whose joints follow from its stages. */
    public static Plan of(String text, List<Stage> stages, boolean negated, boolean background) {
        List<Joint> joints = new ArrayList<>();
        for (int i = 0; i + 1 < stages.size(); i++) joints.add(Joint.between(stages.get(i), stages.get(i + 1)));
        return new Plan(text, stages, joints, negated, background);
    }

    /** The plan as {@code explain} prints it, one line per stage and joint. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("pipeline: ").append(text.strip());
        if (negated) out.append("  (status negated)");
        if (background) out.append("  (in the background)");
        out.append('\n');
        for (int i = 0; i < stages.size(); i++) {
            if (i > 0) out.append("  | ").append(joints.get(i - 1).description()).append('\n');
            out.append("  ").append(i + 1).append(". ").append(describe(stages.get(i))).append('\n');
        }
        return out.toString();
    }

    private static String describe(Stage stage) {
        StringBuilder line = new StringBuilder(stage.kind());
        switch (stage) {
            case Stage.LocalCommand c -> line.append(' ').append(c.executable()).append(" argv=").append(quote(c.argv()));
            case Stage.Builtin b -> line.append(' ').append(b.argv().get(0)).append(" argv=").append(quote(b.argv()));
            case Stage.Function f -> line.append(' ').append(f.argv().get(0)).append(" argv=").append(quote(f.argv()));
            case Stage.Service s -> line.append(' ').append(s.service()).append(" argv=").append(quote(s.argv()))
                    .append(" runs as ").append(s.placement());
            case Stage.Compound c -> line.append(": ").append(firstLine(c.text()));
            case Stage.Assignments a -> line.append(' ').append(new java.util.TreeMap<>(a.assignments()));
            case Stage.NotFound n -> line.append(' ').append(n.name());
        }
        if (stage instanceof Stage.LocalCommand c && !c.assignments().isEmpty()) {
            line.append(" env+=").append(new java.util.TreeMap<>(c.assignments()));
        }
        if (!stage.redirects().isEmpty()) line.append(" redirects=").append(stage.redirects());
        return line.toString();
    }

    private static String firstLine(String text) {
        String stripped = text.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline) + " ...";
    }

    private static String quote(List<String> argv) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < argv.size(); i++) {
            if (i > 0) out.append(", ");
            out.append(argv.get(i));
        }
        return out.append(']').toString();
    }
}
