package dev.pipes.engine.interp;

import dev.pipes.grammar.Parser;
import dev.pipes.grammar.SyntaxError;
import dev.pipes.grammar.ast.SimpleCommand;
import dev.pipes.grammar.ast.Word;

/**
 * Array subscripts ({@code a[i]}, {@code m["some key"]}): the text between the brackets is expanded
 * as if double-quoted (quotes in it are removed), then, for an indexed array, evaluated as arithmetic.
 */
final class Subscripts {
    /** A name split into its base and subscript ({@code null} when it has none). */
    record Name(String base, String subscript) {
        boolean isList() {
            return "@".equals(subscript) || "*".equals(subscript);
        }
    }

    private Subscripts() {}

    static Name split(String name) {
        int open = name.indexOf('[');
        if (open <= 0 || !name.endsWith("]")) return new Name(name, null);
        return new Name(name.substring(0, open), name.substring(open + 1, name.length() - 1));
    }

    /** The key a subscript names in array {@code base}: expanded text, or for an indexed array its arithmetic value. */
    static String key(ShellState state, Expander expander, String base, String subscript) {
        String text = expand(expander, subscript);
        ShellArray array = state.variables.array(base);
        if (array != null && array.isAssociative()) return text;
        return Long.toString(expander.evaluateArithmetic(text, null));
    }

    /** The subscript text expanded as a double-quoted word. */
    static String expand(Expander expander, String subscript) {
        if (subscript.indexOf('$') < 0 && subscript.indexOf('\'') < 0 && subscript.indexOf('"') < 0
                && subscript.indexOf('`') < 0 && subscript.indexOf('\\') < 0) {
            return subscript;
        }
        String source = subscript.indexOf('\'') < 0 && subscript.indexOf('"') < 0 ? "\"" + subscript + "\"" : subscript;
        try {
            var script = Parser.parse(": " + source, "subscript");
            var command = (SimpleCommand) script.commands().items().get(0).command().first().commands().get(0);
            StringBuilder out = new StringBuilder();
            for (Word word : command.words().subList(1, command.words().size())) {
                if (!out.isEmpty()) out.append(' ');
                out.append(expander.string(word));
            }
            return out.toString();
        } catch (SyntaxError | ClassCastException | IndexOutOfBoundsException e) {
            throw new ShellError("[" + subscript + "]: bad array subscript");
        }
    }

    /** {@code [[ -v name ]]}: whether the variable (or the array element) is set. */
    static boolean isSet(ShellState state, Expander expander, String name) {
        Name split = split(name);
        if (split.subscript() == null) {
            Variables.Var var = state.variables.lookup(name);
            return var != null && (var.array() != null ? var.array().size() > 0 : var.value() != null);
        }
        ShellArray array = state.variables.array(split.base());
        if (split.isList()) return array != null ? array.size() > 0 : state.variables.get(split.base()) != null;
        String key = key(state, expander, split.base(), split.subscript());
        if (array == null) return key.equals("0") && state.variables.get(split.base()) != null;
        return array.get(key) != null;
    }
}
