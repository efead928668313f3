package dev.pipes.grammar.antlr;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/**
 * What the lexer grammar cannot say by itself: which mode to return to (a stack of open quoting
 * frames, each remembering where it opened, for "unterminated ..." errors), when {@code )} closes
 * {@code $(} rather than a subshell or a case pattern, which words are reserved words, and the
 * here-document bodies, cut out of the text when the line that opened them ends.
 */
public abstract class PipesLexerBase extends Lexer {
    private static final Map<String, Integer> RESERVED_WORDS = Map.ofEntries(
            Map.entry("if", PipesLexer.IF), Map.entry("then", PipesLexer.THEN),
            Map.entry("else", PipesLexer.ELSE), Map.entry("elif", PipesLexer.ELIF),
            Map.entry("fi", PipesLexer.FI), Map.entry("do", PipesLexer.DO),
            Map.entry("done", PipesLexer.DONE), Map.entry("case", PipesLexer.CASE),
            Map.entry("esac", PipesLexer.ESAC), Map.entry("while", PipesLexer.WHILE),
            Map.entry("until", PipesLexer.UNTIL), Map.entry("for", PipesLexer.FOR),
            Map.entry("in", PipesLexer.IN), Map.entry("{", PipesLexer.LBRACE),
            Map.entry("}", PipesLexer.RBRACE), Map.entry("!", PipesLexer.BANG),
            Map.entry("function", PipesLexer.FUNCTION), Map.entry("time", PipesLexer.TIME));

    /** The reserved words, for tools that list them (completion, highlighting, {@code type}): the one list. */
    public static java.util.Set<String> reservedWords() {
        java.util.Set<String> words = new java.util.TreeSet<>(RESERVED_WORDS.keySet());
        words.add("[[");
        words.add("]]");
        return java.util.Collections.unmodifiableSet(words);
    }

    /** Tokens after which a command starts (so a {@code case} there opens a case command); {@code )} ends a case pattern. */
    private static final Set<Integer> BEFORE_COMMAND = Set.of(
            PipesLexer.NEWLINE, PipesLexer.SEMI, PipesLexer.AMP, PipesLexer.AND_IF, PipesLexer.OR_IF,
            PipesLexer.PIPE, PipesLexer.LPAREN, PipesLexer.DOLLAR_PAREN, PipesLexer.DSEMI, PipesLexer.IF,
            PipesLexer.LESS_PAREN, PipesLexer.GREAT_PAREN,
            PipesLexer.SEMI_AND, PipesLexer.DSEMI_AND, PipesLexer.TIME,
            PipesLexer.THEN, PipesLexer.ELSE, PipesLexer.ELIF, PipesLexer.DO, PipesLexer.WHILE,
            PipesLexer.UNTIL, PipesLexer.LBRACE, PipesLexer.BANG, PipesLexer.RPAREN);

    /** Tokens that can end a word in command text (then followed by WORD_END if the word ends there). */
    private static final Set<Integer> WORD_PARTS = Set.of(
            PipesLexer.NAME, PipesLexer.TEXT, PipesLexer.DIGITS, PipesLexer.ASSIGN_PREFIX,
            PipesLexer.SINGLE_QUOTED, PipesLexer.ESCAPED, PipesLexer.DOLLAR_NAME, PipesLexer.DOLLAR_SPECIAL,
            PipesLexer.STAR, PipesLexer.QUESTION, PipesLexer.LBRACKET, PipesLexer.BACKQUOTED,
            PipesLexer.DQ_CLOSE, PipesLexer.SUBST_CLOSE, PipesLexer.PARAM_CLOSE, PipesLexer.PARAM_LENGTH, PipesLexer.PARAM_PREFIX_NAMES,
            PipesLexer.ARITH_CLOSE, PipesLexer.DOLLAR_SINGLE_QUOTED, PipesLexer.EXTGLOB);

    /** {@link #WORD_PARTS} as a table indexed by token type: looked up for every token. */
    private static final boolean[] WORD_PART_TYPES =
            new boolean[WORD_PARTS.stream().mapToInt(Integer::intValue).max().orElse(0) + 1];

    static {
        for (int type : WORD_PARTS) WORD_PART_TYPES[type] = true;
    }

    /** One open quoting context: a mode entered by {@code "}, {@code $(}, {@code ${} or {@code $((}. */
    private static final class Frame {
        final String what;
        final int line;
        final int charPositionInLine;
        int parenDepth;
        int caseDepth;
        int braceDepth;
        /** Open {@code [[ ]]} conditions: {@code ]]} closes one only while one is open. */
        int condDepth;

        Frame(String what, int line, int charPositionInLine) {
            this.what = what;
            this.line = line;
            this.charPositionInLine = charPositionInLine;
        }
    }

    private final String text;
    private Source source = Source.root("", "pipesh");
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final Frame topLevel = new Frame("top level", 1, 0);
    private final HereDocReader hereDocs = new HereDocReader();
    private int lastType = PipesLexer.NEWLINE;
    private Token pendingWordEnd;
    private int lastEmittedType = Token.INVALID_TYPE;
    private int lastEmittedStop = -1;
    private boolean endsWithContinuation;

    protected PipesLexerBase(CharStream input) {
        super(input);
        this.text = input.size() == 0 ? "" : input.getText(Interval.of(0, input.size() - 1));
    }

    /** Where this text sits in the user's text, for spans and errors. */
    public void setSource(Source source) {
        this.source = source;
    }

    public Source source() {
        return source;
    }

    /** The here-document bodies read so far, by the start offset (local) of their operator. */
    public Map<Integer, HereDocBody> hereDocBodies() {
        return hereDocs.bodies();
    }

    /** Whether the text ends in a line continuation (or a lone backslash): a REPL reads on. */
    public boolean endsWithContinuation() {
        return endsWithContinuation;
    }

    // ---- called from the grammar's actions ----

    protected void lineContinuation() {
        if (_input.index() >= text.length()) endsWithContinuation = true;
        skip();
    }

    protected void loneBackslash() {
        endsWithContinuation = true;
    }

    protected void push(int mode, String what) {
        frames.push(new Frame(what, _tokenStartLine, _tokenStartCharPositionInLine));
        pushMode(mode);
    }

    protected void pop() {
        frames.pop();
        popMode();
    }

    protected void openParen() {
        current().parenDepth++;
    }

    /** {@code )} closes {@code $(} when no subshell or case pattern inside it is open. */
    protected void closeParen() {
        Frame frame = current();
        if (frame.parenDepth > 0) {
            frame.parenDepth--;
        } else if (frame != topLevel && frame.caseDepth == 0) {
            setType(PipesLexer.SUBST_CLOSE);
            pop();
        }
    }

    /**
     * {@code ((} opens an arithmetic command where a command starts and after {@code for};
     * elsewhere it is two {@code (}: the token shrinks to the first and lexing resumes after it.
     */
    protected void doubleParen() {
        if (startsWord(_tokenStartCharIndex) && (BEFORE_COMMAND.contains(lastType) || lastType == PipesLexer.FOR)
                && current().condDepth == 0) {
            push(PipesLexer.ARITHMETIC, "'(('");
            return;
        }
        _input.seek(_tokenStartCharIndex + 1);
        getInterpreter().setCharPositionInLine(_tokenStartCharPositionInLine + 1);
        setType(PipesLexer.LPAREN);
        openParen();
    }

    /** {@code !(} where a command starts is {@code !} then a subshell: the token shrinks to the {@code !}. */
    protected void extglob() {
        if (getText().charAt(0) != '!' || !startsWord(_tokenStartCharIndex) || !BEFORE_COMMAND.contains(lastType)) return;
        _input.seek(_tokenStartCharIndex + 1);
        getInterpreter().setCharPositionInLine(_tokenStartCharPositionInLine + 1);
        setType(PipesLexer.TEXT);
    }

    /** {@code [[} followed by a blank where a command starts opens a conditional command. */
    protected void bracket() {
        if (_input.LA(1) != '[' || current().condDepth > 0) return;
        int after = _input.LA(2);
        if (!(after == ' ' || after == '\t' || after == '\n')) return;
        if (!startsWord(_tokenStartCharIndex) || !BEFORE_COMMAND.contains(lastType)) return;
        getInterpreter().consume(_input);
        setType(PipesLexer.DLBRACKET);
        current().condDepth++;
    }

    protected void enterParameterWord() {
        current().braceDepth = 0;
        mode(insideDoubleQuotes() && isValueOperator(getText()) ? PipesLexer.PARAMETER_WORD_DQ : PipesLexer.PARAMETER_WORD);
    }

    /** Whether the {@code ${} being lexed sits directly inside double quotes. */
    private boolean insideDoubleQuotes() {
        var outer = frames.stream().skip(1).findFirst();
        return outer.isPresent() && outer.get().what.equals("double quote");
    }

    /** The operators whose argument is a value ({@code - = ? +}), not a pattern: quotes in "..." stay literal there. */
    private static boolean isValueOperator(String op) {
        char c = op.charAt(op.length() - 1);
        return c == '-' || c == '=' || c == '?' || c == '+';
    }

    protected void openParameterWordBrace() {
        current().braceDepth++;
    }

    /** An unquoted {@code }} ends the argument word unless it closes a {@code {} written inside it. */
    protected void closeParameterWord() {
        Frame frame = current();
        if (frame.braceDepth > 0) {
            frame.braceDepth--;
            setType(PipesLexer.TEXT);
        } else {
            setType(PipesLexer.PARAM_CLOSE);
            pop();
        }
    }

    protected void openArithmeticParen() {
        current().parenDepth++;
    }

    /** Inside {@code $(( ))}, {@code ))} at depth 0 closes it; other parentheses are arithmetic text. */
    protected void closeArithmeticParen() {
        Frame frame = current();
        if (frame.parenDepth > 0) {
            frame.parenDepth--;
            setType(PipesLexer.TEXT);
        } else if (_input.LA(1) == ')') {
            getInterpreter().consume(_input);
            // the '))' of an arithmetic command ends no word, unlike that of $(( ))
            setType(frame.what.equals("'(('") ? PipesLexer.DPAREN_CLOSE : PipesLexer.ARITH_CLOSE);
            pop();
        } else {
            throw source.error(_tokenStartLine, _tokenStartCharPositionInLine,
                    "expected '))' to close the " + frame.what + " at " + position(frame), false);
        }
    }

    /** Registers a here-document; its delimiter is read ahead here, its body after the next newline. */
    protected void hereDocOperator(boolean stripTabs) {
        Delimiter delimiter = Delimiter.read(text, _input.index());
        if (delimiter == null) return; // no word: the parser reports "expected a word after '<<'"
        hereDocs.register(_tokenStartCharIndex, _tokenStartLine, _tokenStartCharPositionInLine, delimiter, stripTabs);
    }

    // ---- token production ----

    @Override
    public Token emit() {
        if (_mode == DEFAULT_MODE) {
            if (getType() == PipesLexer.COMMENT) hashInsideWord();
            classifyWord();
        }
        Token token = super.emit();
        lastEmittedType = token.getType();
        lastEmittedStop = token.getStopIndex();
        return token;
    }

    /**
     * {@code #} starts a comment only at the start of a word; inside one ({@code a#b}) it is text:
     * the token shrinks to the {@code #} and lexing resumes right after it.
     */
    private void hashInsideWord() {
        if (startsWord(_tokenStartCharIndex)) return;
        _input.seek(_tokenStartCharIndex + 1);
        _hitEOF = false; // the comment may have reached the end of the text; the rest has not been lexed
        getInterpreter().setCharPositionInLine(_tokenStartCharPositionInLine + 1);
        setType(PipesLexer.TEXT);
        setChannel(DEFAULT_TOKEN_CHANNEL);
    }

    private void classifyWord() {
        int type = getType();
        if (type == PipesLexer.TEXT && current().condDepth > 0 && getText().equals("]]") && isWholeWord()) {
            setType(PipesLexer.DRBRACKET);
            current().condDepth--;
        } else if ((type == PipesLexer.NAME || type == PipesLexer.TEXT) && _input.index() - _tokenStartCharIndex <= 8) {
            Integer reserved = RESERVED_WORDS.get(getText());
            if (reserved != null && isWholeWord()) {
                setType(reserved);
                if (reserved == PipesLexer.CASE && BEFORE_COMMAND.contains(lastType)) current().caseDepth++;
                boolean endsCase = BEFORE_COMMAND.contains(lastType) || lastType == PipesLexer.IN; // not "echo esac"
                if (reserved == PipesLexer.ESAC && endsCase && current().caseDepth > 0) current().caseDepth--;
            }
        } else if (type == PipesLexer.DIGITS) {
            int next = _input.LA(1);
            if ((next == '<' || next == '>') && startsWord(_tokenStartCharIndex)) {
                setType(PipesLexer.IO_NUMBER);
            }
        }
    }

    private boolean isWholeWord() {
        return startsWord(_tokenStartCharIndex) && endsWord(_input.index());
    }

    /**
     * Whether a word starts at {@code index}: after a delimiter, unless that delimiter is the
     * {@code )} closing a {@code $(} or {@code $((} that the word continues.
     */
    private boolean startsWord(int index) {
        if (index == 0) return true;
        if (!isDelimiter(text.charAt(index - 1))) return false;
        return !(lastEmittedStop == index - 1 && isWordPart(lastEmittedType));
    }

    private static boolean isWordPart(int type) {
        return type > 0 && type < WORD_PART_TYPES.length && WORD_PART_TYPES[type];
    }

    /** Whether a word whose last character is just before {@code index} ends there. */
    private boolean endsWord(int index) {
        int after = index;
        while (after + 1 < text.length() && text.charAt(after) == '\\' && text.charAt(after + 1) == '\n') after += 2;
        return after >= text.length() || isDelimiter(text.charAt(after));
    }

    private static boolean isDelimiter(char c) {
        return switch (c) {
            case ' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>' -> true;
            default -> false;
        };
    }

    @Override
    public Token nextToken() {
        if (pendingWordEnd != null) {
            Token wordEnd = pendingWordEnd;
            pendingWordEnd = null;
            return wordEnd;
        }
        Token token = super.nextToken();
        if (_mode == DEFAULT_MODE && isWordPart(token.getType()) && endsWord(token.getStopIndex() + 1)) {
            pendingWordEnd = wordEnd(token);
        }
        switch (token.getType()) {
            case PipesLexer.UNTERMINATED_SINGLE_QUOTE -> throw unterminated(token, "single quote");
            case PipesLexer.UNTERMINATED_BACKQUOTE -> throw unterminated(token, "backquote");
            case PipesLexer.PARAM_INVALID -> throw badParameter(token);
            case PipesLexer.NEWLINE -> {
                if (hereDocs.hasPending()) hereDocs.readBodies(_input, getInterpreter(), source);
            }
            case Token.EOF -> checkNothingOpen(token);
            default -> { }
        }
        if (token.getChannel() == Token.DEFAULT_CHANNEL) lastType = token.getType();
        return token;
    }

    /** A zero-length WORD_END token right after {@code last}. */
    private Token wordEnd(Token last) {
        int length = last.getStopIndex() - last.getStartIndex() + 1;
        boolean multiLine = last.getText() != null && last.getText().indexOf('\n') >= 0;
        int line = multiLine ? getLine() : last.getLine();
        int column = multiLine ? getCharPositionInLine() : last.getCharPositionInLine() + length;
        return _factory.create(_tokenFactorySourcePair, PipesLexer.WORD_END, "", Token.DEFAULT_CHANNEL,
                last.getStopIndex() + 1, last.getStopIndex(), line, column);
    }

    private RuntimeException unterminated(Token token, String what) {
        return source.error(token.getLine(), token.getCharPositionInLine(), "unterminated " + what, true);
    }

    private RuntimeException badParameter(Token token) {
        Frame frame = frames.peek();
        return source.error(token.getLine(), token.getCharPositionInLine(),
                "bad substitution: unexpected " + describe(token.getText()) + " in the '${' at "
                        + (frame == null ? "?" : position(frame)), false);
    }

    private static String describe(String text) {
        return text.equals("\n") ? "newline" : "'" + text + "'";
    }

    private void checkNothingOpen(Token eof) {
        if (!frames.isEmpty()) {
            Frame frame = frames.peek();
            throw source.error(frame.line, frame.charPositionInLine, "unterminated " + frame.what, true);
        }
        hereDocs.checkNonePending(source);
    }

    private String position(Frame frame) {
        return source.line(frame.line) + ":" + source.column(frame.line, frame.charPositionInLine);
    }

    private Frame current() {
        Frame frame = frames.peek();
        return frame == null ? topLevel : frame;
    }
}
