package dev.pipes.grammar.antlr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.atn.LexerATNSimulator;

/**
 * Here-documents for the lexer: {@code <<} registers one (its delimiter read ahead), and the end of
 * the line that opened them cuts their bodies out of the text, one after the other, each up to
 * its delimiter line (leading tabs stripped for {@code <<-}).
 */
final class HereDocReader {
    private record Pending(int operatorStart, int line, int charPositionInLine, Delimiter delimiter,
                           boolean stripTabs) {}

    private final List<Pending> pending = new ArrayList<>();
    private final Map<Integer, HereDocBody> bodies = new HashMap<>();

    /** The bodies read so far, by the (local) start offset of their {@code <<} operator. */
    Map<Integer, HereDocBody> bodies() {
        return bodies;
    }

    void register(int operatorStart, int line, int charPositionInLine, Delimiter delimiter, boolean stripTabs) {
        pending.add(new Pending(operatorStart, line, charPositionInLine, delimiter, stripTabs));
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }

    /** At the end of the text: a registered here-document whose body never started is an error. */
    void checkNonePending(Source source) {
        if (!pending.isEmpty()) throw missingDelimiterLine(pending.get(0), source);
    }

    /** Reads every pending body from {@code input}, positioned just after a newline. */
    void readBodies(CharStream input, LexerATNSimulator lexer, Source source) {
        for (Pending hereDoc : pending) {
            int bodyStart = input.index();
            int bodyLine = lexer.getLine();
            StringBuilder body = new StringBuilder();
            while (true) {
                if (input.LA(1) == CharStream.EOF) throw missingDelimiterLine(hereDoc, source);
                if (hereDoc.stripTabs()) {
                    while (input.LA(1) == '\t') lexer.consume(input);
                }
                StringBuilder line = new StringBuilder();
                while (input.LA(1) != CharStream.EOF && input.LA(1) != '\n') {
                    line.appendCodePoint(input.LA(1));
                    lexer.consume(input);
                }
                boolean newline = input.LA(1) == '\n';
                if (newline) lexer.consume(input);
                if (isDelimiterLine(line, hereDoc.delimiter().text())) break;
                body.append(line);
                if (!newline) throw missingDelimiterLine(hereDoc, source);
                body.append('\n');
            }
            bodies.put(hereDoc.operatorStart(),
                    new HereDocBody(hereDoc.delimiter(), hereDoc.stripTabs(), body.toString(), bodyStart, bodyLine));
        }
        pending.clear();
    }

    /** The line (without its newline) is the delimiter; a carriage return is an ordinary character of both, as in sh. */
    private static boolean isDelimiterLine(CharSequence line, String delimiter) {
        return line.length() == delimiter.length() && line.toString().equals(delimiter);
    }

    private static RuntimeException missingDelimiterLine(Pending hereDoc, Source source) {
        return source.error(hereDoc.line(), hereDoc.charPositionInLine(),
                "here-document is missing its delimiter line '" + hereDoc.delimiter().text() + "'", true);
    }
}
