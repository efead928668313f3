/*
 * The tokens of the pipesh language. Modes follow the quoting contexts of sh: command text
 * (DEFAULT_MODE, also inside $( )), double quotes, ${ } in three steps (name, operator, argument
 * word), $(( )), and the body of a here-document whose delimiter was not quoted. The bodies
 * themselves are cut out of the text by PipesLexerBase when the line that opened them ends.
 * Reserved words, { } ! and IO numbers are recognised by PipesLexerBase from their context, which
 * also marks the end of each word with a WORD_END token (so that the parser needs no predicate to
 * tell `a"b"` from `a "b"`).
 */
lexer grammar PipesLexer;

options { superClass = PipesLexerBase; }

tokens {
    IF, THEN, ELSE, ELIF, FI, DO, DONE, CASE, ESAC, WHILE, UNTIL, FOR, IN,
    LBRACE, RBRACE, BANG, IO_NUMBER, TEXT, SUBST_CLOSE, PARAM_CLOSE, ARITH_CLOSE, WORD_END,
    FUNCTION, DLBRACKET, DRBRACKET, DPAREN_CLOSE, TIME
}

// ---- command text ----------------------------------------------------------------------------

// Blanks are spaces and tabs only, as in sh: a carriage return or a form feed is part of a word.
LINE_CONTINUATION : '\\' '\n' { lineContinuation(); } ;
NEWLINE           : '\n' ;
BLANK             : [ \t]+ -> channel(HIDDEN) ;
// A '#' that does not start a word is turned back into text by PipesLexerBase (a predicate
// here would keep ANTLR from caching the lexer's DFA, making it many times slower).
COMMENT           : '#' ~[\n]* -> channel(HIDDEN) ;

AND_IF     : '&&' ;
DSEMI_AND  : ';;&' ;
SEMI_AND   : ';&' ;
OR_IF      : '||' ;
DSEMI      : ';;' ;
SEMI       : ';' ;
AND_DGREAT : '&>>' ;
AND_GREAT  : '&>' ;
AMP        : '&' ;
PIPE       : '|' ;
// '((' where a command starts (or after 'for') opens an arithmetic command; elsewhere it is two '('.
DPAREN     : '((' { doubleParen(); } ;
LPAREN     : '(' { openParen(); } ;
RPAREN     : ')' { closeParen(); } ;
TLESS      : '<<<' ;
// bash's process substitution: like $( ), closed by the ')' that matches
LESS_PAREN  : '<(' { push(DEFAULT_MODE, "'<('"); } ;
GREAT_PAREN : '>(' { push(DEFAULT_MODE, "'>('"); } ;
DLESSDASH  : '<<-' { hereDocOperator(true); } ;
DLESS      : '<<' { hereDocOperator(false); } ;
DGREAT     : '>>' ;
CLOBBER    : '>|' ;
GREATAND   : '>&' ;
LESSAND    : '<&' ;
LESSGREAT  : '<>' ;
LESS       : '<' ;
GREAT      : '>' ;

SINGLE_QUOTED             : '\'' ~'\''* '\'' ;
UNTERMINATED_SINGLE_QUOTE : '\'' ~'\''* ;
DQ_OPEN                   : '"' { push(DOUBLE_QUOTED, "double quote"); } ;
BACKQUOTED                : '`' ( '\\' . | ~[`\\] )* '`' ;
UNTERMINATED_BACKQUOTE    : '`' ( '\\' . | ~[`\\] )* '\\'? ;
ESCAPED                   : '\\' ~[\n] ;
LONE_BACKSLASH            : '\\' { loneBackslash(); } -> type(ESCAPED) ;

DOLLAR_SINGLE_QUOTED : '$\'' ( '\\' . | ~['\\] )* '\'' ;
UNTERMINATED_DOLLAR_SINGLE_QUOTE : '$\'' ( '\\' . | ~['\\] )* '\\'? -> type(UNTERMINATED_SINGLE_QUOTE) ;
DOLLAR_DPAREN  : '$((' { push(ARITHMETIC, "'$(('"); } ;
DOLLAR_PAREN   : '$(' { push(DEFAULT_MODE, "'$('"); } ;
DOLLAR_BRACE   : '${' { push(PARAMETER, "'${'"); } ;
DOLLAR_NAME    : '$' NAME_FRAGMENT ;
DOLLAR_SPECIAL : '$' SPECIAL_PARAMETER ;
LONE_DOLLAR    : '$' -> type(ESCAPED) ;

// bash's extended patterns ?( ) *( ) +( ) @( ) !( ), nested parentheses included; '!(' where a
// command starts is '!' then a subshell (PipesLexerBase)
EXTGLOB       : [?*+@!] '(' EXTGLOB_BODY* ')' { extglob(); } ;
STAR          : '*' ;
QUESTION      : '?' ;
LBRACKET      : '[' { bracket(); } ;
// NAME= , NAME+= (bash: append), NAME[subscript]= (bash: an array element)
ASSIGN_PREFIX : NAME_FRAGMENT SUBSCRIPT? '+'? '=' ;
NAME          : NAME_FRAGMENT ;
DIGITS        : [0-9]+ ;
BRACE_OPEN    : '{' -> type(TEXT) ;
BRACE_CLOSE   : '}' -> type(TEXT) ;
EXCLAMATION   : '!' -> type(TEXT) ;
// '@' and '+' on their own, so that an extended pattern (@(..), +(..)) can start right after text
AT_SIGN       : '@' -> type(TEXT) ;
PLUS_SIGN     : '+' -> type(TEXT) ;
OTHER         : ~[ \t\n|&;<>()'"`\\$*?[a-zA-Z0-9_{}!@+]+ -> type(TEXT) ;

fragment NAME_FRAGMENT     : [a-zA-Z_] [a-zA-Z0-9_]* ;
fragment EXTGLOB_BODY      : '\\' . | '(' EXTGLOB_BODY* ')' | ~[()\\\n] ;
// an array subscript: any text without ']' except inside a nested ${...} or $(...) is not supported
fragment SUBSCRIPT         : '[' ~[\]\n]* ']' ;
fragment SPECIAL_PARAMETER : [0-9?$!#@*\-] ;

// ---- "..." -------------------------------------------------------------------------------------

mode DOUBLE_QUOTED;

DQ_CLOSE                  : '"' { pop(); } ;
DQ_LINE_CONTINUATION      : '\\' '\n' { lineContinuation(); } ;
DQ_ESCAPED                : '\\' [$`"\\] -> type(ESCAPED) ;
DQ_BACKSLASH              : '\\' -> type(TEXT) ;
DQ_TEXT                   : ~["\\$`]+ -> type(TEXT) ;
DQ_BACKQUOTED             : '`' ( '\\' . | ~[`\\] )* '`' -> type(BACKQUOTED) ;
DQ_UNTERMINATED_BACKQUOTE : '`' ( '\\' . | ~[`\\] )* '\\'? -> type(UNTERMINATED_BACKQUOTE) ;
DQ_DOLLAR_DPAREN          : '$((' { push(ARITHMETIC, "'$(('"); } -> type(DOLLAR_DPAREN) ;
DQ_DOLLAR_PAREN           : '$(' { push(DEFAULT_MODE, "'$('"); } -> type(DOLLAR_PAREN) ;
DQ_DOLLAR_BRACE           : '${' { push(PARAMETER, "'${'"); } -> type(DOLLAR_BRACE) ;
DQ_DOLLAR_NAME            : '$' NAME_FRAGMENT -> type(DOLLAR_NAME) ;
DQ_DOLLAR_SPECIAL         : '$' SPECIAL_PARAMETER -> type(DOLLAR_SPECIAL) ;
DQ_LONE_DOLLAR            : '$' -> type(ESCAPED) ;

// ---- ${ ... }: the name ------------------------------------------------------------------------

mode PARAMETER;

PARAM_LENGTH  : '#' ( NAME_FRAGMENT SUBSCRIPT? | [0-9]+ | SPECIAL_PARAMETER ) '}' { pop(); } ;
// ${!name} (indirection), ${!a[@]} (the keys of an array), bash
PARAM_NAME    : '!'? ( NAME_FRAGMENT SUBSCRIPT? | [0-9]+ | SPECIAL_PARAMETER ) -> mode(PARAMETER_OPERATOR) ;
// ${!prefix*} and ${!prefix@}: the names of the variables starting with prefix (bash)
PARAM_PREFIX_NAMES : '!' NAME_FRAGMENT [*@] '}' { pop(); } ;
PARAM_INVALID : . ;

// ---- ${ name ... }: the operator ---------------------------------------------------------------

mode PARAMETER_OPERATOR;

PARAM_OP            : ( ':-' | '-' | ':=' | '=' | ':?' | '?' | ':+' | '+' | '##' | '#' | '%%' | '%'
                      | '//' | '/#' | '/%' | '/' | ':' | '^^' | '^' | ',,' | ',' | '@' )
                      { enterParameterWord(); } ;
PARAM_OP_CLOSE      : '}' { pop(); } -> type(PARAM_CLOSE) ;
PARAM_OP_INVALID    : . -> type(PARAM_INVALID) ;

// ---- ${ name op ... }: the argument word -------------------------------------------------------

mode PARAMETER_WORD;

PW_CLOSE                  : '}' { closeParameterWord(); } ;
PW_OPEN_BRACE             : '{' { openParameterWordBrace(); } -> type(TEXT) ;
PW_LINE_CONTINUATION      : '\\' '\n' { lineContinuation(); } ;
PW_ESCAPED                : '\\' . -> type(ESCAPED) ;
PW_LONE_BACKSLASH         : '\\' -> type(TEXT) ;
PW_TEXT                   : ~[{}'"`\\$*?[]+ -> type(TEXT) ;
PW_SINGLE_QUOTED          : '\'' ~'\''* '\'' -> type(SINGLE_QUOTED) ;
PW_UNTERMINATED_QUOTE     : '\'' ~'\''* -> type(UNTERMINATED_SINGLE_QUOTE) ;
PW_DQ_OPEN                : '"' { push(DOUBLE_QUOTED, "double quote"); } -> type(DQ_OPEN) ;
PW_BACKQUOTED             : '`' ( '\\' . | ~[`\\] )* '`' -> type(BACKQUOTED) ;
PW_UNTERMINATED_BACKQUOTE : '`' ( '\\' . | ~[`\\] )* '\\'? -> type(UNTERMINATED_BACKQUOTE) ;
PW_DOLLAR_DPAREN          : '$((' { push(ARITHMETIC, "'$(('"); } -> type(DOLLAR_DPAREN) ;
PW_DOLLAR_PAREN           : '$(' { push(DEFAULT_MODE, "'$('"); } -> type(DOLLAR_PAREN) ;
PW_DOLLAR_BRACE           : '${' { push(PARAMETER, "'${'"); } -> type(DOLLAR_BRACE) ;
PW_DOLLAR_NAME            : '$' NAME_FRAGMENT -> type(DOLLAR_NAME) ;
PW_DOLLAR_SPECIAL         : '$' SPECIAL_PARAMETER -> type(DOLLAR_SPECIAL) ;
PW_LONE_DOLLAR            : '$' -> type(ESCAPED) ;
PW_EXTGLOB                : [?*+@!] '(' EXTGLOB_BODY* ')' -> type(EXTGLOB) ;
PW_STAR                   : '*' -> type(STAR) ;
PW_QUESTION               : '?' -> type(QUESTION) ;
PW_LBRACKET               : '[' -> type(LBRACKET) ;

// ---- "${ name op ... }": the argument word of - = ? + inside double quotes, where a single quote
// is an ordinary character and a backslash quotes only $ ` " \ } (as in bash) ---------------------

mode PARAMETER_WORD_DQ;

PWQ_CLOSE                  : '}' { closeParameterWord(); } ;
PWQ_OPEN_BRACE             : '{' { openParameterWordBrace(); } -> type(TEXT) ;
PWQ_LINE_CONTINUATION      : '\\' '\n' { lineContinuation(); } ;
PWQ_ESCAPED                : '\\' [$`"\\}] -> type(ESCAPED) ;
PWQ_LONE_BACKSLASH         : '\\' -> type(TEXT) ;
PWQ_TEXT                   : ~[{}"`\\$]+ -> type(TEXT) ;
PWQ_DQ_OPEN                : '"' { push(DOUBLE_QUOTED, "double quote"); } -> type(DQ_OPEN) ;
PWQ_BACKQUOTED             : '`' ( '\\' . | ~[`\\] )* '`' -> type(BACKQUOTED) ;
PWQ_UNTERMINATED_BACKQUOTE : '`' ( '\\' . | ~[`\\] )* '\\'? -> type(UNTERMINATED_BACKQUOTE) ;
PWQ_DOLLAR_DPAREN          : '$((' { push(ARITHMETIC, "'$(('"); } -> type(DOLLAR_DPAREN) ;
PWQ_DOLLAR_PAREN           : '$(' { push(DEFAULT_MODE, "'$('"); } -> type(DOLLAR_PAREN) ;
PWQ_DOLLAR_BRACE           : '${' { push(PARAMETER, "'${'"); } -> type(DOLLAR_BRACE) ;
PWQ_DOLLAR_NAME            : '$' NAME_FRAGMENT -> type(DOLLAR_NAME) ;
PWQ_DOLLAR_SPECIAL         : '$' SPECIAL_PARAMETER -> type(DOLLAR_SPECIAL) ;
PWQ_LONE_DOLLAR            : '$' -> type(ESCAPED) ;

// ---- $(( ... )) --------------------------------------------------------------------------------

mode ARITHMETIC;

ARITH_OPEN                   : '(' { openArithmeticParen(); } -> type(TEXT) ;
ARITH_RPAREN                 : ')' { closeArithmeticParen(); } ;
ARITH_LINE_CONTINUATION      : '\\' '\n' { lineContinuation(); } ;
ARITH_TEXT                   : ~[()$`\\]+ -> type(TEXT) ;
ARITH_BACKSLASH              : '\\' -> type(TEXT) ;
ARITH_BACKQUOTED             : '`' ( '\\' . | ~[`\\] )* '`' -> type(BACKQUOTED) ;
ARITH_UNTERMINATED_BACKQUOTE : '`' ( '\\' . | ~[`\\] )* '\\'? -> type(UNTERMINATED_BACKQUOTE) ;
ARITH_DOLLAR_DPAREN          : '$((' { push(ARITHMETIC, "'$(('"); } -> type(DOLLAR_DPAREN) ;
ARITH_DOLLAR_PAREN           : '$(' { push(DEFAULT_MODE, "'$('"); } -> type(DOLLAR_PAREN) ;
ARITH_DOLLAR_BRACE           : '${' { push(PARAMETER, "'${'"); } -> type(DOLLAR_BRACE) ;
ARITH_DOLLAR_NAME            : '$' NAME_FRAGMENT -> type(DOLLAR_NAME) ;
ARITH_DOLLAR_SPECIAL         : '$' SPECIAL_PARAMETER -> type(DOLLAR_SPECIAL) ;
ARITH_LONE_DOLLAR            : '$' -> type(TEXT) ;

// ---- the body of a here-document with an unquoted delimiter (lexed on its own) -----------------

mode HERE_DOC_TEXT;

HD_LINE_CONTINUATION      : '\\' '\n' { lineContinuation(); } ;
HD_ESCAPED                : '\\' [$`\\] -> type(ESCAPED) ;
HD_BACKSLASH              : '\\' -> type(TEXT) ;
HD_TEXT                   : ~[\\$`]+ -> type(TEXT) ;
HD_BACKQUOTED             : '`' ( '\\' . | ~[`\\] )* '`' -> type(BACKQUOTED) ;
HD_UNTERMINATED_BACKQUOTE : '`' ( '\\' . | ~[`\\] )* '\\'? -> type(UNTERMINATED_BACKQUOTE) ;
HD_DOLLAR_DPAREN          : '$((' { push(ARITHMETIC, "'$(('"); } -> type(DOLLAR_DPAREN) ;
HD_DOLLAR_PAREN           : '$(' { push(DEFAULT_MODE, "'$('"); } -> type(DOLLAR_PAREN) ;
HD_DOLLAR_BRACE           : '${' { push(PARAMETER, "'${'"); } -> type(DOLLAR_BRACE) ;
HD_DOLLAR_NAME            : '$' NAME_FRAGMENT -> type(DOLLAR_NAME) ;
HD_DOLLAR_SPECIAL         : '$' SPECIAL_PARAMETER -> type(DOLLAR_SPECIAL) ;
HD_LONE_DOLLAR            : '$' -> type(ESCAPED) ;
