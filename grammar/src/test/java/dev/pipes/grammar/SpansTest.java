package dev.pipes.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pipes.grammar.ast.AndOr;
import dev.pipes.grammar.ast.Command;
import dev.pipes.grammar.ast.Redirect;
import dev.pipes.grammar.ast.Script;
import dev.pipes.grammar.ast.SimpleCommand;
import dev.pipes.grammar.ast.Span;
import dev.pipes.grammar.ast.WordPart;
import org.junit.jupiter.api.Test;

/** Every node knows where it came from: line, column and offsets into the text. */
class SpansTest {

    private static Command command(Script script, int item) {
        AndOr andOr = script.commands().items().get(item).command();
        return andOr.first().commands().get(0);
    }

    private static String text(String source, Span span) {
        return source.substring(span.start(), span.end());
    }

    @Test
    void wordsCommandsAndRedirectionsCoverTheirText() {
        String source = "x=1\n  echo  \"a $b\"  >out.txt # done\n";
        Script script = Parser.parse(source);
        SimpleCommand echo = (SimpleCommand) command(script, 1);
        assertEquals(new Span(2, 3, 6, 28), echo.span());
        assertEquals("echo  \"a $b\"  >out.txt", text(source, echo.span()));
        assertEquals("\"a $b\"", text(source, echo.words().get(1).span()));
        assertEquals(new Span(2, 9, 12, 18), echo.words().get(1).span());
        WordPart.DoubleQuoted quoted = (WordPart.DoubleQuoted) echo.words().get(1).parts().get(0);
        assertEquals("$b", text(source, quoted.parts().get(1).span()));
        assertEquals(">out.txt", text(source, echo.redirects().get(0).span()));
        assertEquals(new Span(1, 1, 0, source.length()), script.span());
    }

    @Test
    void assignmentValuesAndParameterArgumentsHaveTheirOwnSpans() {
        String source = "a=${x:-def} cmd";
        SimpleCommand command = (SimpleCommand) command(Parser.parse(source), 0);
        assertEquals("a=${x:-def}", text(source, command.assignments().get(0).span()));
        assertEquals("${x:-def}", text(source, command.assignments().get(0).value().span()));
        WordPart.Parameter parameter = (WordPart.Parameter) command.assignments().get(0).value().parts().get(0);
        assertEquals("def", text(source, parameter.argument().span()));
    }

    @Test
    void hereDocumentBodiesPointIntoTheText() {
        String source = "cat <<EOF\nhello $name\nEOF\n";
        SimpleCommand cat = (SimpleCommand) command(Parser.parse(source), 0);
        Redirect.HereDoc hereDoc = (Redirect.HereDoc) cat.redirects().get(0);
        assertEquals("hello $name\n", text(source, hereDoc.body().span()));
        WordPart parameter = hereDoc.body().parts().get(1);
        assertEquals("$name", text(source, parameter.span()));
        assertEquals(2, parameter.span().line());
        assertEquals(7, parameter.span().column());
    }

    @Test
    void partsOfABackquotedCommandPointIntoTheOuterText() {
        String source = "echo `ls $dir`";
        SimpleCommand echo = (SimpleCommand) command(Parser.parse(source), 0);
        WordPart.CommandSubstitution substitution = (WordPart.CommandSubstitution) echo.words().get(1).parts().get(0);
        SimpleCommand ls = (SimpleCommand) substitution.script().commands().items().get(0).command().first().commands().get(0);
        assertEquals("$dir", text(source, ls.words().get(1).span()));
        assertEquals(10, ls.words().get(1).span().column());
    }
}
