package dev.pipes.engine.arith;

import java.util.Map;

/**
 * Evaluates shell arithmetic ({@code $(( ))}, {@code (( ))}, {@code let}) on already expanded text,
 * as sh does: expansion first, then the arithmetic is parsed. 64-bit two's complement integers,
 * C operators and precedence, assignment operators, pre/post increment, the ternary operator,
 * comma, numbers in decimal, octal ({@code 017}), hex ({@code 0x1f}) and {@code BASE#DIGITS}.
 *
 * <p>A recursive-descent evaluator: each precedence level is one method. Short-circuit operators
 * ({@code && || ?:}) parse their unevaluated side with {@code skip} set, so side effects such as
 * {@code x++} or a division by zero there do not happen, exactly as in C and sh.
 */
public final class Arithmetic {
    private static final int MAX_DEPTH = 64;
    private static final Map<String, Integer> ASSIGNMENT_OPERATORS = Map.ofEntries(
            Map.entry("=", 0), Map.entry("*=", 1), Map.entry("/=", 1), Map.entry("%=", 1),
            Map.entry("+=", 1), Map.entry("-=", 1), Map.entry("<<=", 1), Map.entry(">>=", 1),
            Map.entry("&=", 1), Map.entry("^=", 1), Map.entry("|=", 1));

    private final ArithmeticVariables variables;
    private final int depth;
    private final String text;
    private int pos;
    private boolean skip;
    private int operandAt = -1;

    private Arithmetic(String text, ArithmeticVariables variables, int depth) {
        this.text = text;
        this.variables = variables;
        this.depth = depth;
    }

    /** Evaluates {@code text}; an empty or blank text is 0, as in sh. */
    public static long evaluate(String text, ArithmeticVariables variables) {
        return evaluate(text, variables, 0);
    }

    private static long evaluate(String text, ArithmeticVariables variables, int depth) {
        if (depth > MAX_DEPTH) {
            throw new ArithmeticError("expression recursion level exceeded (error token is \"" + text.strip() + "\")");
        }
        Arithmetic parser = new Arithmetic(text, variables, depth);
        parser.skipSpaces();
        if (parser.atEnd()) return 0;
        long value = parser.comma();
        parser.skipSpaces();
        if (!parser.atEnd()) {
            throw parser.error("syntax error in expression");
        }
        return value;
    }

    private long comma() {
        long value = assignment();
        while (accept(",")) {
            value = assignment();
        }
        return value;
    }

    private long assignment() {
        int start = pos;
        skipSpaces();
        String name = peekName();
        if (name != null) {
            int afterName = pos + name.length();
            String op = assignmentOperatorAt(afterName);
            if (op != null) {
                pos = afterName;
                skipSpaces();
                pos += op.length();
                long right = assignment();
                if (skip) return 0;
                long value = op.equals("=") ? right : binary(op.substring(0, op.length() - 1), readVariable(name), right);
                writeVariable(name, value);
                return value;
            }
        }
        pos = start;
        return ternary();
    }

    private String assignmentOperatorAt(int at) {
        int i = at;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
        for (int len = 3; len >= 1; len--) {
            if (i + len <= text.length()) {
                String candidate = text.substring(i, i + len);
                if (ASSIGNMENT_OPERATORS.containsKey(candidate)) {
                    if (candidate.equals("=") && i + 1 < text.length() && text.charAt(i + 1) == '=') return null;
                    return candidate;
                }
            }
        }
        return null;
    }

    private long ternary() {
        long condition = logicalOr();
        if (!accept("?")) return condition;
        boolean saved = skip;
        skip = saved || condition == 0;
        long whenTrue = assignment();
        expect(":");
        skip = saved || condition != 0;
        long whenFalse = assignment();
        skip = saved;
        return condition != 0 ? whenTrue : whenFalse;
    }

    private long logicalOr() {
        long left = logicalAnd();
        while (acceptOperator("||")) {
            boolean saved = skip;
            skip = saved || left != 0;
            long right = logicalAnd();
            skip = saved;
            left = (left != 0 || right != 0) ? 1 : 0;
        }
        return left;
    }

    private long logicalAnd() {
        long left = bitOr();
        while (acceptOperator("&&")) {
            boolean saved = skip;
            skip = saved || left == 0;
            long right = bitOr();
            skip = saved;
            left = (left != 0 && right != 0) ? 1 : 0;
        }
        return left;
    }

    private long bitOr() {
        long left = bitXor();
        while (acceptSingle('|', "|=")) left |= bitXor();
        return left;
    }

    private long bitXor() {
        long left = bitAnd();
        while (acceptSingle('^', "^=")) left ^= bitAnd();
        return left;
    }

    private long bitAnd() {
        long left = equality();
        while (acceptSingle('&', "&=")) left &= equality();
        return left;
    }

    private long equality() {
        long left = relational();
        while (true) {
            if (acceptOperator("==")) left = left == relational() ? 1 : 0;
            else if (acceptOperator("!=")) left = left != relational() ? 1 : 0;
            else return left;
        }
    }

    private long relational() {
        long left = shift();
        while (true) {
            if (acceptOperator("<=")) left = left <= shift() ? 1 : 0;
            else if (acceptOperator(">=")) left = left >= shift() ? 1 : 0;
            else if (acceptSingle('<', "<<")) left = left < shift() ? 1 : 0;
            else if (acceptSingle('>', ">>")) left = left > shift() ? 1 : 0;
            else return left;
        }
    }

    private long shift() {
        long left = additive();
        while (true) {
            if (acceptNotFollowedBy("<<", '=')) left = binary("<<", left, additive());
            else if (acceptNotFollowedBy(">>", '=')) left = binary(">>", left, additive());
            else return left;
        }
    }

    private long additive() {
        long left = multiplicative();
        while (true) {
            skipSpaces();
            if (lookingAt("++") || lookingAt("--")) return left;
            if (acceptSingle('+', "+=")) left = left + multiplicative();
            else if (acceptSingle('-', "-=")) left = left - multiplicative();
            else return left;
        }
    }

    private long multiplicative() {
        long left = power();
        while (true) {
            if (acceptSingle('*', "**")) left = binary("*", left, power());
            else if (acceptSingle('/', "/=")) left = binary("/", left, rightOperand());
            else if (acceptSingle('%', "%=")) left = binary("%", left, rightOperand());
            else return left;
        }
    }

    /** Parses a divisor, remembering where it starts so that "division by 0" can point at it. */
    private long rightOperand() {
        skipSpaces();
        int at = pos;
        long value = power();
        operandAt = at;
        return value;
    }

    private long power() {
        long base = unary();
        if (acceptNotFollowedBy("**", '=')) {
            long exponent = power();
            return binary("**", base, exponent);
        }
        return base;
    }

    private long unary() {
        skipSpaces();
        if (lookingAt("++") || lookingAt("--")) {
            String op = text.substring(pos, pos + 2);
            int opStart = pos;
            pos += 2;
            skipSpaces();
            String name = peekName();
            if (name == null) {
                // "--5" or "++x" without a name: sh reads it as two unary signs
                pos = opStart + 1;
                long operand = unary();
                return op.charAt(0) == '-' ? -operand : operand;
            }
            pos += name.length();
            if (skip) return 0;
            long value = readVariable(name) + (op.equals("++") ? 1 : -1);
            writeVariable(name, value);
            return value;
        }
        if (accept("!")) return unary() == 0 ? 1 : 0;
        if (accept("~")) return ~unary();
        if (accept("-")) return -unary();
        if (accept("+")) return unary();
        return postfix();
    }

    private long postfix() {
        skipSpaces();
        String name = peekName();
        if (name != null) {
            pos += name.length();
            skipSpaces();
            if (lookingAt("++") || lookingAt("--")) {
                boolean increment = lookingAt("++");
                pos += 2;
                if (skip) return 0;
                long value = readVariable(name);
                writeVariable(name, value + (increment ? 1 : -1));
                return value;
            }
            return skip ? 0 : readVariable(name);
        }
        return primary();
    }

    private long primary() {
        skipSpaces();
        if (accept("(")) {
            long value = comma();
            expect(")");
            return value;
        }
        if (atEnd()) throw error("syntax error: operand expected");
        char c = text.charAt(pos);
        if (Character.isDigit(c)) return number();
        throw error("syntax error: operand expected");
    }

    private long number() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '#'
                || text.charAt(pos) == '_' || text.charAt(pos) == '@')) {
            pos++;
        }
        String literal = text.substring(start, pos);
        return parseNumber(literal, start);
    }

    private long parseNumber(String literal, int at) {
        int hash = literal.indexOf('#');
        if (hash >= 0) {
            int base;
            try {
                base = Integer.parseInt(literal.substring(0, hash));
            } catch (NumberFormatException e) {
                throw errorAt(at, "invalid number");
            }
            if (base < 2 || base > 64) throw errorAt(at, "invalid arithmetic base");
            return digits(literal.substring(hash + 1), base, at);
        }
        if (literal.startsWith("0x") || literal.startsWith("0X")) {
            if (literal.length() == 2) throw errorAt(at, "invalid number");
            return digits(literal.substring(2), 16, at);
        }
        if (literal.length() > 1 && literal.startsWith("0")) return digits(literal.substring(1), 8, at);
        return digits(literal, 10, at);
    }

    private long digits(String digits, int base, int at) {
        if (digits.isEmpty()) throw errorAt(at, "invalid number");
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digitValue(digits.charAt(i), base);
            if (digit < 0) throw errorAt(at, "invalid number");
            if (digit >= base) throw errorAt(at, "value too great for base");
            value = value * base + digit;
        }
        return value;
    }

    private static int digitValue(char c, int base) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'z') return c - 'a' + 10;
        if (c >= 'A' && c <= 'Z') return base <= 36 ? c - 'A' + 10 : c - 'A' + 36;
        if (c == '@') return 62;
        if (c == '_') return 63;
        return -1;
    }

    private long binary(String op, long left, long right) {
        if (skip) return 0;
        return switch (op) {
            case "*" -> left * right;
            case "/" -> {
                if (right == 0) throw divisionByZero();
                yield left == Long.MIN_VALUE && right == -1 ? Long.MIN_VALUE : left / right;
            }
            case "%" -> {
                if (right == 0) throw divisionByZero();
                yield right == -1 ? 0 : left % right;
            }
            case "+" -> left + right;
            case "-" -> left - right;
            case "<<" -> left << (right & 63);
            case ">>" -> left >> (right & 63);
            case "&" -> left & right;
            case "^" -> left ^ right;
            case "|" -> left | right;
            case "**" -> {
                if (right < 0) throw error("exponent less than 0");
                long result = 1;
                for (long i = 0; i < right; i++) result *= left;
                yield result;
            }
            default -> throw new IllegalStateException("operator " + op);
        };
    }

    private long readVariable(String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) return 0;
        String trimmed = value.strip();
        if (trimmed.chars().allMatch(Character::isDigit) && !trimmed.startsWith("0")) {
            try {
                return Long.parseLong(trimmed);
            } catch (NumberFormatException e) {
                // too large for a long: fall through to the evaluator, which wraps as C does
            }
        }
        // sh evaluates a variable's value as an expression of its own: x=1+2; $((x*2)) is 6
        return evaluate(trimmed, variables, depth + 1);
    }

    private void writeVariable(String name, long value) {
        variables.set(name, Long.toString(value));
    }

    private String peekName() {
        int i = pos;
        if (i >= text.length()) return null;
        char c = text.charAt(i);
        if (!(Character.isLetter(c) || c == '_')) return null;
        i++;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) i++;
        return text.substring(pos, i);
    }

    private boolean accept(String token) {
        skipSpaces();
        if (lookingAt(token)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    /** Accepts a two-character operator such as {@code &&}. */
    private boolean acceptOperator(String token) {
        return accept(token);
    }

    /** Accepts {@code c} unless the text there is the longer operator {@code unless} or {@code cc}. */
    private boolean acceptSingle(char c, String unless) {
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == c && !lookingAt(unless)
                && !(pos + 1 < text.length() && text.charAt(pos + 1) == c)
                && !(pos + 1 < text.length() && text.charAt(pos + 1) == '=')) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean acceptNotFollowedBy(String token, char next) {
        skipSpaces();
        if (lookingAt(token) && !(pos + token.length() < text.length() && text.charAt(pos + token.length()) == next)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw error(atEnd() ? "syntax error: '" + token + "' expected" : "syntax error: '" + token + "' expected");
        }
    }

    private boolean lookingAt(String token) {
        return text.startsWith(token, pos);
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private ArithmeticError divisionByZero() {
        return errorAt(operandAt >= 0 ? operandAt : pos, "division by 0");
    }

    private ArithmeticError error(String message) {
        return errorAt(pos, message);
    }

    private ArithmeticError errorAt(int at, String message) {
        String rest = at < text.length() ? text.substring(at).strip() : "";
        return new ArithmeticError(text.strip() + ": " + message + " (error token is \"" + rest + "\")");
    }
}
