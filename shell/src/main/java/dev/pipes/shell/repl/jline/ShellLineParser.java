package dev.pipes.shell.repl.jline;

import dev.pipes.completions.line.CursorContext;
import dev.pipes.completions.line.LenientLexer;
import dev.pipes.completions.line.Token;
import dev.pipes.shell.repl.Continuation;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * JLine's view of the input. On Enter, an entry the grammar calls incomplete raises
 * {@link EOFError}, which makes JLine open a continuation line with the secondary prompt. For
 * Tab, the word being completed is the one {@link CursorContext} finds, so that JLine replaces
 * exactly the text our completer completes.
 */
public final class ShellLineParser implements Parser {
    private final Continuation continuation;

    public ShellLineParser(Continuation continuation) {
        this.continuation = continuation;
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && continuation.needsMore(line)) {
            throw new EOFError(-1, -1, "the entry is not finished", "");
        }
        List<String> words = new ArrayList<>();
        int wordIndex = 0;
        for (Token token : LenientLexer.lex(line)) {
            if (token.kind() != Token.Kind.WORD) continue;
            if (token.start() < cursor) wordIndex = words.size();
            words.add(token.text());
        }
        return new ShellParsedLine(line, cursor, CursorContext.at(line, cursor), words, wordIndex);
    }

    @Override
    public boolean isEscapeChar(char ch) {
        return ch == '\\';
    }
}
