package dev.pipes.grammar.antlr;

import dev.pipes.grammar.ast.Script;
import dev.pipes.grammar.ast.WordPart;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.atn.PredictionMode;

/**
 * Runs the ANTLR lexer and parser over a text and builds the tree. Internal to the grammar
 * module: use {@code dev.pipes.grammar.Parser}.
 *
 * <p>The fast SLL prediction mode is tried first; only when it fails is the text parsed again in
 * full LL mode, which finds the true error (the usual two-stage ANTLR set-up).
 */
public final class ScriptParser {
    private ScriptParser() {}

    /** A parsed script, and whether its text ended in a line continuation. */
    public record Result(Script script, boolean endsWithContinuation) {}

    public static Result parse(String text, String sourceName) {
        return parse(text, Source.root(text, sourceName));
    }

    static Result parse(String text, Source source) {
        try {
            try {
                return run(text, source, true);
            } catch (FailFastErrorStrategy.RetryWithFullContext retry) {
                return run(text, source, false);
            }
        } catch (StackOverflowError tooDeep) {
            throw source.error(1, 0, "the text is nested too deeply to parse", false);
        }
    }

    /** The parts of an unquoted here-document body, lexed in its own mode. */
    static List<WordPart> parseHereDocText(String body, Source source) {
        Machinery machinery = new Machinery(body, source, false);
        machinery.lexer.mode(PipesLexer.HERE_DOC_TEXT);
        PipesParser.HereDocTextContext tree = machinery.parser.hereDocText();
        return machinery.words.parts(tree.wordPart());
    }

    private static Result run(String text, Source source, boolean sll) {
        Machinery machinery = new Machinery(text, source, sll);
        PipesParser.ScriptContext tree = machinery.parser.script();
        Script script = machinery.commands.visitScript(tree);
        return new Result(script, machinery.lexer.endsWithContinuation());
    }

    /** One lexer, parser and set of builders wired together for one text. */
    private static final class Machinery {
        final PipesLexer lexer;
        final PipesParser parser;
        final WordBuilder words;
        final AstBuilder commands;

        Machinery(String text, Source source, boolean sll) {
            lexer = new PipesLexer(CharStreams.fromString(text));
            lexer.setSource(source);
            lexer.removeErrorListeners();
            lexer.addErrorListener(new BaseErrorListener() {
                @Override
                public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
                                        int charPositionInLine, String msg, RecognitionException e) {
                    throw source.error(line, charPositionInLine, "unexpected character", false);
                }
            });
            parser = new PipesParser(new CommonTokenStream(lexer));
            parser.removeErrorListeners();
            parser.setSource(source);
            parser.setErrorHandler(new FailFastErrorStrategy(new ErrorMessages(source), sll));
            parser.getInterpreter().setPredictionMode(sll ? PredictionMode.SLL : PredictionMode.LL);
            Spans spans = new Spans(source);
            words = new WordBuilder(spans);
            RedirectBuilder redirects = new RedirectBuilder(spans, words, lexer.hereDocBodies());
            commands = new AstBuilder(spans, words, redirects);
            words.setCommands(commands);
        }
    }
}
