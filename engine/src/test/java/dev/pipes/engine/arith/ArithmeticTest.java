package dev.pipes.engine.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ArithmeticTest {
    private final Map<String, String> vars = new HashMap<>();
    private final ArithmeticVariables variables = new ArithmeticVariables() {
        public String get(String name) {
            return vars.get(name);
        }

        public void set(String name, String value) {
            vars.put(name, value);
        }
    };

    private long eval(String text) {
        return Arithmetic.evaluate(text, variables);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "1 + 2 * 3;7", "(1 + 2) * 3;9", "7 / 2;3", "-7 / 2;-3", "-7 % 3;-1", "2 ** 3 ** 2;512",
        "1 << 4;16", "~0;-1", "!0;1", "!7;0", "6 & 3;2", "6 | 3;7", "6 ^ 3;5", "1 < 2 == 1;1",
        "0 ? 1 : 0 ? 2 : 3;3", "1, 2, 3;3", "0x1F;31", "010;8", "2#1010;10", "64#_;63", "- -3;3", "--3;3",
        "9223372036854775807 + 1;-9223372036854775808", " ;0", "1 && 0 || 1;1", "3 >= 3 && 2 <= 1;0",
    })
    void evaluatesLikeC(String text, long expected) {
        assertEquals(expected, eval(text == null ? "" : text));
    }

    @Test
    void variablesAreReadAsExpressionsAndAssigned() {
        vars.put("x", "1 + 2");
        assertEquals(6, eval("x * 2"));
        assertEquals(4, eval("y = 4"));
        assertEquals("4", vars.get("y"));
        assertEquals(4, eval("y++"));
        assertEquals(6, eval("++y"));
        assertEquals(12, eval("y *= 2"));
        assertEquals(0, eval("unset_var"));
    }

    @Test
    void shortCircuitSkipsSideEffectsAndErrors() {
        assertEquals(0, eval("0 && (z = 1 / 0)"));
        assertEquals(1, eval("1 || z++"));
        assertEquals(2, eval("1 ? 2 : 1 / 0"));
        assertEquals(null, vars.get("z"));
    }

    @Test
    void errorsSayWhatAndWhere() {
        assertEquals("1/0: division by 0 (error token is \"0\")",
                assertThrows(ArithmeticError.class, () -> eval("1/0")).getMessage());
        assertEquals("08: value too great for base (error token is \"08\")",
                assertThrows(ArithmeticError.class, () -> eval("08")).getMessage());
        assertEquals("1 +: syntax error: operand expected (error token is \"\")",
                assertThrows(ArithmeticError.class, () -> eval("1 +")).getMessage());
        assertEquals("(1: syntax error: ')' expected (error token is \"\")",
                assertThrows(ArithmeticError.class, () -> eval("(1")).getMessage());
        assertEquals("2 ** -1: exponent less than 0 (error token is \"\")",
                assertThrows(ArithmeticError.class, () -> eval("2 ** -1")).getMessage());
    }

    @Test
    void recursiveVariablesAreStopped() {
        vars.put("a", "b");
        vars.put("b", "a");
        assertThrows(ArithmeticError.class, () -> eval("a"));
    }
}
