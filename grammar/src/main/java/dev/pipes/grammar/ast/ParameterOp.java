package dev.pipes.grammar.ast;

/** What a parameter expansion does with the parameter (and its argument word). */
public enum ParameterOp {
    /** {@code $x}, {@code ${x}}: the value. */
    PLAIN(""),
    /** {@code ${#x}}: the length of the value in characters. */
    LENGTH("#"),
    /** {@code ${x:-w}}: w if x is unset or empty. */
    DEFAULT_IF_UNSET_OR_EMPTY(":-"),
    /** {@code ${x-w}}: w if x is unset. */
    DEFAULT_IF_UNSET("-"),
    /** {@code ${x:=w}}: assign w to x if x is unset or empty, then the value. */
    ASSIGN_IF_UNSET_OR_EMPTY(":="),
    /** {@code ${x=w}}: assign w to x if x is unset, then the value. */
    ASSIGN_IF_UNSET("="),
    /** {@code ${x:?w}}: error with message w if x is unset or empty. */
    ERROR_IF_UNSET_OR_EMPTY(":?"),
    /** {@code ${x?w}}: error with message w if x is unset. */
    ERROR_IF_UNSET("?"),
    /** {@code ${x:+w}}: w if x is set and not empty, else nothing. */
    ALTERNATIVE_IF_SET_AND_NOT_EMPTY(":+"),
    /** {@code ${x+w}}: w if x is set, else nothing. */
    ALTERNATIVE_IF_SET("+"),
    /** {@code ${x#p}}: the value without the shortest prefix matching pattern p. */
    REMOVE_SHORTEST_PREFIX("#"),
    /** {@code ${x##p}}: the value without the longest prefix matching pattern p. */
    REMOVE_LONGEST_PREFIX("##"),
    /** {@code ${x%p}}: the value without the shortest suffix matching pattern p. */
    REMOVE_SHORTEST_SUFFIX("%"),
    /** {@code ${x%%p}}: the value without the longest suffix matching pattern p. */
    REMOVE_LONGEST_SUFFIX("%%"),
    /** {@code ${x/p/r}} (bash): the first match of pattern p replaced by r; the argument holds "p/r". */
    REPLACE_FIRST("/"),
    /** {@code ${x//p/r}} (bash): every match replaced. */
    REPLACE_ALL("//"),
    /** {@code ${x/#p/r}} (bash): a match at the start replaced. */
    REPLACE_PREFIX("/#"),
    /** {@code ${x/%p/r}} (bash): a match at the end replaced. */
    REPLACE_SUFFIX("/%"),
    /** {@code ${x:offset}}, {@code ${x:offset:length}} (bash): a substring (of an array: a slice). */
    SUBSTRING(":"),
    /** {@code ${x^^}}, {@code ${x^}} (bash): upper case (all / the first character). */
    UPPER_ALL("^^"),
    UPPER_FIRST("^"),
    /** {@code ${x,,}}, {@code ${x,}} (bash): lower case (all / the first character). */
    LOWER_ALL(",,"),
    LOWER_FIRST(","),
    /** {@code ${x@Q}} and the other transformations (bash): the argument is the letter (Q E U u L a A K). */
    TRANSFORM("@"),
    /** {@code ${!prefix*}}, {@code ${!prefix@}} (bash): the names of the set variables that start with prefix; name holds "prefix*". */
    NAMES_WITH_PREFIX("!");

    private final String text;

    ParameterOp(String text) {
        this.text = text;
    }

    /** The operator as written after the name ({@code LENGTH}'s {@code #} goes before it). */
    public String text() {
        return text;
    }

    /** Whether the operator takes an argument word. */
    public boolean hasArgument() {
        return this != PLAIN && this != LENGTH && this != NAMES_WITH_PREFIX;
    }

    /** The operator spelled {@code text} after a name, or null. */
    public static ParameterOp fromText(String text) {
        for (ParameterOp op : values()) {
            if (op.hasArgument() && op.text.equals(text)) return op;
        }
        return null;
    }
}
