package dev.pipes.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pipes.grammar.antlr.PipesLexer;
import java.util.HashSet;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

class OperatorsTest {
    @Test
    void theListsHoldWhatTheLexerDefines() {
        assertEquals(new HashSet<>(List.of("&&", "||", ";;", ";;&", ";&", ";", "&", "|", "(", ")")), new HashSet<>(Operators.control()));
        assertTrue(Operators.redirection().containsAll(List.of("<<<", "<<-", "&>>", "<<", ">>", ">|", "<>", "<&", ">&",
                "&>", "<", ">")), Operators.redirection().toString());
    }

    @Test
    void eachTextIsOneTokenOfTheRealLexerAndLongerOnesComeFirst() {
        for (List<String> list : List.of(Operators.control(), Operators.redirection())) {
            for (int i = 0; i < list.size(); i++) {
                String text = list.get(i);
                PipesLexer lexer = new PipesLexer(CharStreams.fromString(text));
                Token token = lexer.nextToken();
                assertEquals(text, token.getText(), "one token: " + text);
                assertEquals(Token.EOF, lexer.nextToken().getType(), "nothing after " + text);
                if (i > 0) assertTrue(list.get(i - 1).length() >= text.length(), list.toString());
            }
        }
    }
}
