package dev.pipes.grammar.antlr;

import dev.pipes.grammar.ast.AndOr;
import dev.pipes.grammar.ast.ArithmeticCommand;
import dev.pipes.grammar.ast.ArithmeticFor;
import dev.pipes.grammar.ast.ConditionalCommand;
import dev.pipes.grammar.ast.WordPart;
import dev.pipes.grammar.ast.Assignment;
import dev.pipes.grammar.ast.BraceGroup;
import dev.pipes.grammar.ast.CaseCommand;
import dev.pipes.grammar.ast.Command;
import dev.pipes.grammar.ast.CommandList;
import dev.pipes.grammar.ast.ForCommand;
import dev.pipes.grammar.ast.FunctionDefinition;
import dev.pipes.grammar.ast.IfCommand;
import dev.pipes.grammar.ast.ListItem;
import dev.pipes.grammar.ast.LoopCommand;
import dev.pipes.grammar.ast.Pipeline;
import dev.pipes.grammar.ast.Redirect;
import dev.pipes.grammar.ast.Script;
import dev.pipes.grammar.ast.SimpleCommand;
import dev.pipes.grammar.ast.Span;
import dev.pipes.grammar.ast.Subshell;
import dev.pipes.grammar.ast.Word;
import dev.pipes.grammar.SyntaxError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Builds the records of {@code dev.pipes.grammar.ast} from the parse tree, one visitor method per
 * labeled alternative of the command rules; words are built by {@link WordBuilder}, redirections
 * by {@link RedirectBuilder}.
 */
final class AstBuilder extends PipesParserBaseVisitor<Object> {
    private final Spans spans;
    private final WordBuilder words;
    private final RedirectBuilder redirects;

    AstBuilder(Spans spans, WordBuilder words, RedirectBuilder redirects) {
        this.spans = spans;
        this.words = words;
        this.redirects = redirects;
    }

    @Override
    public Script visitScript(PipesParser.ScriptContext ctx) {
        Span whole = spans.wholeText(ctx.getStop());
        CommandList commands = ctx.commandList() == null
                ? new CommandList(List.of(), whole)
                : visitCommandList(ctx.commandList());
        return new Script(commands, whole);
    }

    @Override
    public CommandList visitCommandList(PipesParser.CommandListContext ctx) {
        List<ListItem> items = new ArrayList<>();
        PipesParser.AndOrContext pending = null;
        for (ParseTree child : ctx.children) {
            if (child instanceof PipesParser.AndOrContext andOr) {
                if (pending != null) items.add(item(pending, false, pending));
                pending = andOr;
            } else if (child instanceof PipesParser.SeparatorContext separator) {
                if (pending == null) throw unexpectedSeparator(separator);
                boolean background = separator.AMP() != null;
                items.add(item(pending, background, background ? separator : pending));
                pending = null;
            }
        }
        if (pending != null) items.add(item(pending, false, pending));
        return new CommandList(items, spans.of(ctx));
    }

    /** {@code a ; ; b}, {@code a & ;}: a separator with no command before it. */
    private SyntaxError unexpectedSeparator(PipesParser.SeparatorContext separator) {
        Token token = separator.getStart();
        return spans.source().error(token.getLine(), token.getCharPositionInLine(),
                "unexpected " + ErrorMessages.describe(token), false);
    }

    private ListItem item(PipesParser.AndOrContext andOr, boolean background, ParserRuleContext end) {
        return new ListItem(visitAndOr(andOr), background, spans.between(andOr, end));
    }

    @Override
    public CommandList visitCompoundList(PipesParser.CompoundListContext ctx) {
        return visitCommandList(ctx.commandList());
    }

    @Override
    public AndOr visitAndOr(PipesParser.AndOrContext ctx) {
        List<PipesParser.PipelineContext> pipelines = ctx.pipeline();
        List<AndOr.Link> links = new ArrayList<>();
        for (int i = 1; i < pipelines.size(); i++) {
            PipesParser.AndOrOperatorContext operator = ctx.andOrOperator(i - 1);
            AndOr.Connector connector = operator.AND_IF() != null ? AndOr.Connector.AND : AndOr.Connector.OR;
            links.add(new AndOr.Link(connector, visitPipeline(pipelines.get(i)), spans.between(operator, pipelines.get(i))));
        }
        return new AndOr(visitPipeline(pipelines.get(0)), links, spans.of(ctx));
    }

    @Override
    public Pipeline visitPipeline(PipesParser.PipelineContext ctx) {
        List<Command> commands = new ArrayList<>();
        for (PipesParser.CommandContext command : ctx.command()) commands.add((Command) visit(command));
        return new Pipeline(ctx.TIME() != null, ctx.BANG() != null, commands, spans.of(ctx));
    }

    // ---- command: one method per labeled alternative ----

    @Override
    public Command visitCompound(PipesParser.CompoundContext ctx) {
        return withRedirects((Command) visit(ctx.compoundCommand()), redirects.all(ctx.redirect()), spans.of(ctx));
    }

    @Override
    public FunctionDefinition visitFunctionDefinition(PipesParser.FunctionDefinitionContext ctx) {
        Command body = withRedirects((Command) visit(ctx.compoundCommand()), redirects.all(ctx.redirect()),
                spans.between(ctx.compoundCommand(), ctx));
        return new FunctionDefinition(ctx.NAME().getText(), body, spans.of(ctx));
    }

    @Override
    public FunctionDefinition visitFunctionKeyword(PipesParser.FunctionKeywordContext ctx) {
        Command body = withRedirects((Command) visit(ctx.compoundCommand()), redirects.all(ctx.redirect()),
                spans.between(ctx.compoundCommand(), ctx));
        return new FunctionDefinition(ctx.NAME().getText(), body, spans.of(ctx));
    }

    @Override
    public SimpleCommand visitSimple(PipesParser.SimpleContext ctx) {
        return visitSimpleCommand(ctx.simpleCommand());
    }

    @Override
    public SimpleCommand visitSimpleCommand(PipesParser.SimpleCommandContext ctx) {
        List<Assignment> assignments = new ArrayList<>();
        List<Word> arguments = new ArrayList<>();
        List<Redirect> redirections = new ArrayList<>();
        for (ParseTree child : ctx.children) {
            // prefix and suffix items hold exactly one child: look at it rather than search for it
            ParseTree item = child instanceof PipesParser.PrefixItemContext || child instanceof PipesParser.SuffixItemContext
                    ? child.getChild(0) : child;
            switch (item) {
                case PipesParser.AssignmentContext assignment -> assignments.add(words.assignment(assignment));
                case PipesParser.RedirectContext redirect -> redirections.add(redirects.build(redirect));
                case PipesParser.CommandWordContext word -> arguments.add(words.commandWord(word));
                case PipesParser.WordContext word -> arguments.add(words.word(word));
                default -> { }
            }
        }
        return new SimpleCommand(assignments, arguments, redirections, spans.of(ctx));
    }

    // ---- compound commands: one method per labeled alternative ----

    @Override
    public BraceGroup visitBraceGroup(PipesParser.BraceGroupContext ctx) {
        return new BraceGroup(visitCompoundList(ctx.compoundList()), List.of(), spans.of(ctx));
    }

    @Override
    public Subshell visitSubshell(PipesParser.SubshellContext ctx) {
        return new Subshell(visitCompoundList(ctx.compoundList()), List.of(), spans.of(ctx));
    }

    @Override
    public IfCommand visitIfClause(PipesParser.IfClauseContext ctx) {
        List<IfCommand.Branch> branches = new ArrayList<>();
        branches.add(new IfCommand.Branch(visitCompoundList(ctx.compoundList(0)), visitCompoundList(ctx.compoundList(1)),
                spans.between(ctx.compoundList(0), ctx.compoundList(1))));
        for (PipesParser.ElifPartContext elif : ctx.elifPart()) {
            branches.add(new IfCommand.Branch(visitCompoundList(elif.compoundList(0)),
                    visitCompoundList(elif.compoundList(1)), spans.of(elif)));
        }
        Optional<CommandList> elseBody = Optional.ofNullable(ctx.elsePart())
                .map(elsePart -> visitCompoundList(elsePart.compoundList()));
        return new IfCommand(branches, elseBody, List.of(), spans.of(ctx));
    }

    @Override
    public LoopCommand visitWhileClause(PipesParser.WhileClauseContext ctx) {
        return new LoopCommand(LoopCommand.Kind.WHILE, visitCompoundList(ctx.compoundList()),
                visitCompoundList(ctx.doGroup().compoundList()), List.of(), spans.of(ctx));
    }

    @Override
    public LoopCommand visitUntilClause(PipesParser.UntilClauseContext ctx) {
        return new LoopCommand(LoopCommand.Kind.UNTIL, visitCompoundList(ctx.compoundList()),
                visitCompoundList(ctx.doGroup().compoundList()), List.of(), spans.of(ctx));
    }

    @Override
    public ForCommand visitForClause(PipesParser.ForClauseContext ctx) {
        Optional<List<Word>> list = Optional.empty();
        if (ctx.forWords() != null && ctx.forWords().IN() != null) {
            List<Word> items = new ArrayList<>();
            for (PipesParser.WordContext word : ctx.forWords().word()) items.add(words.word(word));
            list = Optional.of(items);
        }
        return new ForCommand(ctx.NAME().getText(), list, visitCompoundList(ctx.doGroup().compoundList()),
                List.of(), spans.of(ctx));
    }

    @Override
    public CaseCommand visitCaseClause(PipesParser.CaseClauseContext ctx) {
        List<CaseCommand.Item> items = new ArrayList<>();
        List<PipesParser.CaseItemContext> caseItems = ctx.caseItems() == null ? List.of() : ctx.caseItems().caseItem();
        for (PipesParser.CaseItemContext item : caseItems) {
            List<Word> patterns = new ArrayList<>();
            for (PipesParser.PatternContext pattern : item.pattern()) patterns.add(words.commandWord(pattern.commandWord()));
            CommandList body = item.commandList() == null
                    ? new CommandList(List.of(), spans.of(item.RPAREN().getSymbol()))
                    : visitCommandList(item.commandList());
            items.add(new CaseCommand.Item(patterns, body, caseEnd(ctx.caseItems(), item), spans.of(item)));
        }
        return new CaseCommand(words.word(ctx.word()), items, List.of(), spans.of(ctx));
    }

    /** The terminator written after a case item ({@code ;;} when there is none). */
    private static CaseCommand.End caseEnd(PipesParser.CaseItemsContext items, PipesParser.CaseItemContext item) {
        int index = items.children.indexOf(item);
        if (index + 1 < items.children.size() && items.children.get(index + 1) instanceof PipesParser.CaseEndContext end) {
            if (end.SEMI_AND() != null) return CaseCommand.End.FALL_THROUGH;
            if (end.DSEMI_AND() != null) return CaseCommand.End.TEST_NEXT;
        }
        return CaseCommand.End.BREAK;
    }

    @Override
    public ArithmeticCommand visitArithmeticCommand(PipesParser.ArithmeticCommandContext ctx) {
        Span span = spans.of(ctx);
        return new ArithmeticCommand(new Word(words.parts(ctx.wordPart()), span), List.of(), span);
    }

    @Override
    public ArithmeticFor visitArithmeticFor(PipesParser.ArithmeticForContext ctx) {
        Span span = spans.of(ctx);
        List<List<WordPart>> sections = new ArrayList<>(List.of(new ArrayList<>()));
        for (WordPart part : words.parts(ctx.wordPart())) {
            if (!(part instanceof WordPart.Literal literal)) {
                sections.get(sections.size() - 1).add(part);
                continue;
            }
            String[] pieces = literal.text().split(";", -1);
            for (int i = 0; i < pieces.length; i++) {
                if (i > 0) sections.add(new ArrayList<>());
                if (!pieces[i].isEmpty()) sections.get(sections.size() - 1).add(new WordPart.Literal(pieces[i], literal.span()));
            }
        }
        if (sections.size() != 3) {
            Token start = ctx.DPAREN().getSymbol();
            throw spans.source().error(start.getLine(), start.getCharPositionInLine(),
                    "expected three expressions separated by ';' in 'for (('", false);
        }
        return new ArithmeticFor(new Word(sections.get(0), span), new Word(sections.get(1), span),
                new Word(sections.get(2), span), visitCompoundList(ctx.doGroup().compoundList()), List.of(), span);
    }

    @Override
    public ConditionalCommand visitConditional(PipesParser.ConditionalContext ctx) {
        return new ConditionalCommand(ConditionalBuilder.build(ctx, spans, words), List.of(), spans.of(ctx));
    }

    /** The same compound command with the redirections written after it. */
    private static Command withRedirects(Command command, List<Redirect> redirects, Span span) {
        if (redirects.isEmpty()) return command;
        return switch (command) {
            case BraceGroup c -> new BraceGroup(c.body(), redirects, span);
            case Subshell c -> new Subshell(c.body(), redirects, span);
            case IfCommand c -> new IfCommand(c.branches(), c.elseBody(), redirects, span);
            case LoopCommand c -> new LoopCommand(c.kind(), c.condition(), c.body(), redirects, span);
            case ForCommand c -> new ForCommand(c.variable(), c.words(), c.body(), redirects, span);
            case CaseCommand c -> new CaseCommand(c.subject(), c.items(), redirects, span);
            case ArithmeticCommand c -> new ArithmeticCommand(c.expression(), redirects, span);
            case ArithmeticFor c -> new ArithmeticFor(c.init(), c.condition(), c.step(), c.body(), redirects, span);
            case ConditionalCommand c -> new ConditionalCommand(c.expression(), redirects, span);
            case SimpleCommand c -> c;
            case FunctionDefinition c -> c;
        };
    }
}
