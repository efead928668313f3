package dev.pipes.grammar.antlr;

import dev.pipes.grammar.SyntaxError;
import java.util.Set;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * Words a parse failure for a person: what was expected after what ("expected a command after
 * '|'"), which construct is still open and what it needs ("missing 'fi' to close the 'if' at
 * 1:1"). Failures at the end of the input inside an open construct or after {@code |},
 * {@code &&}, {@code ||} are marked "at end of input", so a REPL asks for more.
 */
final class ErrorMessages {
    private static final Set<Integer> NEEDS_COMMAND = Set.of(
            PipesParser.PIPE, PipesParser.AND_IF, PipesParser.OR_IF);
    private static final Set<Integer> OPENS_BODY = Set.of(
            PipesParser.IF, PipesParser.THEN, PipesParser.ELIF, PipesParser.ELSE, PipesParser.WHILE,
            PipesParser.UNTIL, PipesParser.DO, PipesParser.LBRACE, PipesParser.LPAREN, PipesParser.BANG);
    private static final Set<Integer> CONDITION_STARTS = Set.of(
            PipesParser.IF, PipesParser.ELIF, PipesParser.WHILE, PipesParser.UNTIL);
    private static final Set<Integer> REDIRECT_OPERATORS = Set.of(
            PipesParser.LESS, PipesParser.GREAT, PipesParser.DGREAT, PipesParser.CLOBBER,
            PipesParser.LESSGREAT, PipesParser.LESSAND, PipesParser.GREATAND, PipesParser.AND_GREAT,
            PipesParser.AND_DGREAT, PipesParser.TLESS, PipesParser.DLESS, PipesParser.DLESSDASH);
    private static final Set<Integer> COMMAND_STARTS = Set.of(
            PipesParser.NAME, PipesParser.DIGITS, PipesParser.TEXT, PipesParser.ASSIGN_PREFIX,
            PipesParser.IO_NUMBER, PipesParser.SINGLE_QUOTED, PipesParser.DQ_OPEN, PipesParser.ESCAPED,
            PipesParser.STAR, PipesParser.QUESTION, PipesParser.LBRACKET, PipesParser.DOLLAR_NAME,
            PipesParser.DOLLAR_SPECIAL, PipesParser.DOLLAR_BRACE, PipesParser.DOLLAR_DPAREN,
            PipesParser.DOLLAR_PAREN, PipesParser.BACKQUOTED, PipesParser.LBRACE, PipesParser.LPAREN,
            PipesParser.IF, PipesParser.WHILE, PipesParser.UNTIL, PipesParser.FOR, PipesParser.CASE,
            PipesParser.BANG, PipesParser.LESS, PipesParser.GREAT, PipesParser.DGREAT,
            PipesParser.CLOBBER, PipesParser.LESSGREAT, PipesParser.LESSAND, PipesParser.GREATAND,
            PipesParser.AND_GREAT, PipesParser.AND_DGREAT, PipesParser.TLESS, PipesParser.DLESS,
            PipesParser.DLESSDASH);

    private final Source source;

    ErrorMessages(Source source) {
        this.source = source;
    }

    SyntaxError at(Parser parser, Token offending) {
        Token previous = previousToken(parser.getInputStream(), offending);
        int previousType = previous == null ? Token.INVALID_TYPE : previous.getType();
        String after = previous == null ? "" : " after '" + previous.getText() + "'";
        OpenConstruct open = OpenConstruct.innermost(parser.getContext());
        boolean endOfInput = offending.getType() == Token.EOF;

        if (NEEDS_COMMAND.contains(previousType) && !COMMAND_STARTS.contains(offending.getType())) {
            return error(offending, "expected a command" + after, endOfInput);
        }
        if (previousType == PipesParser.BANG && !COMMAND_STARTS.contains(offending.getType())) {
            return error(offending, "expected a command" + after, false);
        }
        if (previousType == PipesParser.RPAREN && inFunctionDefinition(parser.getContext())) {
            return error(offending, endOfInput ? "missing the body of the function"
                    : "expected a compound command such as '{ ...; }' as the body of the function, found "
                      + describe(offending), endOfInput);
        }
        if (REDIRECT_OPERATORS.contains(previousType)) {
            return error(offending, "expected a word" + after, false);
        }
        if (previousType == PipesParser.FOR) {
            return error(offending, "expected a variable name" + after, endOfInput);
        }
        if (previousType == PipesParser.CASE) {
            return error(offending, "expected a word" + after, endOfInput);
        }
        if (endOfInput && CONDITION_STARTS.contains(previousType)) {
            return error(offending, "expected a command" + after, true);
        }
        if (endOfInput) {
            if (open != null) return error(offending, "missing " + open.needs(source).text(), true);
            return error(offending, "unexpected end of input", false);
        }
        if (OPENS_BODY.contains(previousType) && !COMMAND_STARTS.contains(offending.getType())) {
            return error(offending, "expected a command" + after + ", found " + describe(offending), false);
        }
        if (open != null && expects(parser, open.needs(source).keyword())) {
            return error(offending, "unexpected " + describe(offending) + ", expected " + open.needs(source).text(), false);
        }
        return error(offending, "unexpected " + describe(offending), false);
    }

    private static boolean expects(Parser parser, int tokenType) {
        try {
            return parser.getExpectedTokens().contains(tokenType);
        } catch (RuntimeException e) {
            return false; // no usable parser state: say less rather than something wrong
        }
    }

    private static boolean inFunctionDefinition(RuleContext context) {
        for (RuleContext current = context; current != null; current = current.parent) {
            if (current instanceof PipesParser.FunctionDefinitionContext) return true;
        }
        return false;
    }

    private SyntaxError error(Token at, String detail, boolean endOfInput) {
        return source.error(at.getLine(), at.getCharPositionInLine(), detail, endOfInput);
    }

    static String describe(Token token) {
        return switch (token.getType()) {
            case Token.EOF -> "end of input";
            case PipesParser.NEWLINE -> "newline";
            case PipesParser.WORD_END -> "the end of the word";
            default -> "'" + token.getText() + "'";
        };
    }

    /** The last token on the default channel before {@code offending}, newlines skipped. */
    private static Token previousToken(TokenStream tokens, Token offending) {
        for (int i = offending.getTokenIndex() - 1; i >= 0; i--) {
            Token token = tokens.get(i);
            if (token.getChannel() == Token.DEFAULT_CHANNEL && token.getType() != PipesParser.NEWLINE
                    && token.getType() != PipesParser.WORD_END) {
                return token;
            }
        }
        return null;
    }

    /** The innermost compound command still open where the parser stopped, and what it needs. */
    private record OpenConstruct(ParserRuleContext construct, RuleContext child) {

        static OpenConstruct innermost(ParserRuleContext context) {
            RuleContext child = null;
            for (RuleContext current = context; current != null; child = current, current = current.parent) {
                if (current instanceof PipesParser.IfClauseContext || current instanceof PipesParser.WhileClauseContext
                        || current instanceof PipesParser.UntilClauseContext || current instanceof PipesParser.ForClauseContext
                        || current instanceof PipesParser.CaseClauseContext || current instanceof PipesParser.BraceGroupContext
                        || current instanceof PipesParser.SubshellContext || current instanceof PipesParser.ConditionalContext
                        || current instanceof PipesParser.ArrayLiteralContext || current instanceof PipesParser.ArithmeticForContext) {
                    return new OpenConstruct((ParserRuleContext) current, child);
                }
            }
            return null;
        }

        /** The keyword the construct needs next, e.g. "'fi' to close the 'if' at 1:1". */
        record Need(int keyword, String text) {}

        Need needs(Source source) {
            Token start = construct.getStart();
            String at = " at " + source.line(start.getLine()) + ":"
                    + source.column(start.getLine(), start.getCharPositionInLine());
            String opener = "'" + start.getText() + "'";
            return switch (construct) {
                case PipesParser.IfClauseContext ifClause -> needsThen(ifClause)
                        ? new Need(PipesParser.THEN, "'then' in the " + opener + at)
                        : new Need(PipesParser.FI, "'fi' to close the " + opener + at);
                case PipesParser.CaseClauseContext caseClause -> caseClause.IN() == null
                        ? new Need(PipesParser.IN, "'in' in the " + opener + at)
                        : new Need(PipesParser.ESAC, "'esac' to close the " + opener + at);
                case PipesParser.BraceGroupContext ignored -> new Need(PipesParser.RBRACE, "'}' to close the " + opener + at);
                case PipesParser.SubshellContext ignored -> new Need(PipesParser.RPAREN, "')' to close the " + opener + at);
                case PipesParser.ConditionalContext ignored -> new Need(PipesParser.DRBRACKET, "']]' to close the " + opener + at);
                case PipesParser.ArrayLiteralContext ignored -> new Need(PipesParser.RPAREN, "')' to close the " + opener + at);
                default -> child instanceof PipesParser.DoGroupContext doGroup && doGroup.DO() != null
                        ? new Need(PipesParser.DONE, "'done' to close the " + opener + at)
                        : new Need(PipesParser.DO, "'do' in the " + opener + at);
            };
        }

        private boolean needsThen(PipesParser.IfClauseContext ifClause) {
            if (child instanceof PipesParser.ElifPartContext elif) return elif.THEN() == null;
            if (child instanceof PipesParser.ElsePartContext) return false;
            return ifClause.THEN() == null;
        }
    }
}
