package dev.pipes.engine.interp;

import dev.pipes.grammar.ast.Span;
import dev.pipes.grammar.ast.Word;
import dev.pipes.grammar.ast.WordPart;
import java.util.ArrayList;
import java.util.List;

/**
 * bash's brace expansion, the first expansion of a command word: {@code a{b,c}d} gives {@code abd acd},
 * {@code {1..5}}, {@code {a..e}}, {@code {01..10..2}} give sequences. Only unquoted braces count; the
 * other parts of the word (quotes, {@code $x}, globs) are carried along untouched, to be expanded after.
 */
final class BraceExpansion {
    /** One unit of a word: an unquoted character, or a whole other part. */
    private record Atom(char c, WordPart part) {
        boolean is(char ch) {
            return part == null && c == ch;
        }
    }

    private static final int MAX_WORDS = 100_000;

    private BraceExpansion() {}

    static List<Word> expand(Word word) {
        if (!mayExpand(word)) return List.of(word);
        List<List<Atom>> results = new ArrayList<>();
        expand(atoms(word), results);
        List<Word> words = new ArrayList<>(results.size());
        for (List<Atom> atoms : results) words.add(toWord(atoms, word.span()));
        return words;
    }

    private static boolean mayExpand(Word word) {
        for (WordPart part : word.parts()) {
            if (part instanceof WordPart.Literal l && l.text().indexOf('{') >= 0) return true;
        }
        return false;
    }

    private static List<Atom> atoms(Word word) {
        List<Atom> atoms = new ArrayList<>();
        for (WordPart part : word.parts()) {
            if (part instanceof WordPart.Literal l) for (char c : l.text().toCharArray()) atoms.add(new Atom(c, null));
            else atoms.add(new Atom('\0', part));
        }
        return atoms;
    }

    private static Word toWord(List<Atom> atoms, Span span) {
        List<WordPart> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Atom atom : atoms) {
            if (atom.part() == null) {
                text.append(atom.c());
                continue;
            }
            if (!text.isEmpty()) {
                parts.add(new WordPart.Literal(text.toString(), span));
                text.setLength(0);
            }
            parts.add(atom.part());
        }
        if (!text.isEmpty()) parts.add(new WordPart.Literal(text.toString(), span));
        return new Word(parts, span);
    }

    /** Expands the first brace expression of {@code atoms} (then, recursively, the rest) into {@code out}. */
    private static void expand(List<Atom> atoms, List<List<Atom>> out) {
        for (int open = 0; open < atoms.size(); open++) {
            if (!atoms.get(open).is('{') || (open > 0 && atoms.get(open - 1).is('$'))) continue;
            int depth = 0;
            List<Integer> commas = new ArrayList<>();
            int close = -1;
            for (int i = open + 1; i < atoms.size() && close < 0; i++) {
                Atom a = atoms.get(i);
                if (a.is('{')) depth++;
                else if (a.is('}')) {
                    if (depth == 0) close = i;
                    else depth--;
                } else if (a.is(',') && depth == 0) commas.add(i);
            }
            if (close < 0) return;
            List<Atom> prefix = atoms.subList(0, open);
            List<Atom> suffix = atoms.subList(close + 1, atoms.size());
            List<List<Atom>> alternatives = new ArrayList<>();
            if (!commas.isEmpty()) {
                int from = open + 1;
                for (int comma : commas) {
                    alternatives.add(atoms.subList(from, comma));
                    from = comma + 1;
                }
                alternatives.add(atoms.subList(from, close));
            } else {
                List<String> sequence = sequence(atoms.subList(open + 1, close));
                if (sequence == null) continue; // {x} or {}: literal; look for a later brace
                for (String item : sequence) {
                    List<Atom> itemAtoms = new ArrayList<>();
                    for (char c : item.toCharArray()) itemAtoms.add(new Atom(c, null));
                    alternatives.add(itemAtoms);
                }
            }
            for (List<Atom> alternative : alternatives) {
                List<Atom> combined = new ArrayList<>(prefix.size() + alternative.size() + suffix.size());
                combined.addAll(prefix);
                combined.addAll(alternative);
                combined.addAll(suffix);
                if (out.size() > MAX_WORDS) throw new ShellError("brace expansion: too many words");
                expand(combined, out);
            }
            return;
        }
        out.add(atoms);
    }

    /** {@code 1..5}, {@code a..e}, {@code 1..10..2}: the items, or null when the text is no sequence. */
    private static List<String> sequence(List<Atom> atoms) {
        StringBuilder text = new StringBuilder();
        for (Atom a : atoms) {
            if (a.part() != null) return null;
            text.append(a.c());
        }
        String[] pieces = text.toString().split("\\.\\.", -1);
        if (pieces.length < 2 || pieces.length > 3) return null;
        long step = 1;
        if (pieces.length == 3) {
            if (!pieces[2].matches("-?[0-9]+")) return null;
            step = Math.abs(Long.parseLong(pieces[2]));
            if (step == 0) step = 1;
        }
        List<String> items = new ArrayList<>();
        if (pieces[0].matches("-?[0-9]+") && pieces[1].matches("-?[0-9]+")) {
            long from = Long.parseLong(pieces[0]);
            long to = Long.parseLong(pieces[1]);
            int width = padded(pieces[0]) || padded(pieces[1]) ? Math.max(pieces[0].length(), pieces[1].length()) : 0;
            for (long v = from; from <= to ? v <= to : v >= to; v += from <= to ? step : -step) {
                String s = Long.toString(Math.abs(v));
                int digits = width - (v < 0 ? 1 : 0);
                while (s.length() < digits) s = "0" + s;
                items.add(v < 0 ? "-" + s : s);
                if (items.size() > MAX_WORDS) throw new ShellError("brace expansion: too many words");
            }
            return items;
        }
        if (pieces[0].length() == 1 && pieces[1].length() == 1 && Character.isLetter(pieces[0].charAt(0))
                && Character.isLetter(pieces[1].charAt(0))) {
            char from = pieces[0].charAt(0);
            char to = pieces[1].charAt(0);
            for (int c = from; from <= to ? c <= to : c >= to; c += from <= to ? step : -step) items.add(String.valueOf((char) c));
            return items;
        }
        return null;
    }

    private static boolean padded(String number) {
        String digits = number.startsWith("-") ? number.substring(1) : number;
        return digits.length() > 1 && digits.charAt(0) == '0';
    }
}
