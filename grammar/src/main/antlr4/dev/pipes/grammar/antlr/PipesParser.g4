/*
 * The structure of the pipesh language, close to the POSIX shell grammar. A word is a run of
 * adjacent parts closed by WORD_END, which the lexer emits where a word ends. Reserved words arrive
 * as their own tokens only when they stand alone (PipesLexerBase); in argument position the rule
 * `word` takes them back as plain words. Every decision needs one token of lookahead (a few need a
 * run of newlines more), so ANTLR stops exactly where the text goes wrong.
 */
parser grammar PipesParser;

options { tokenVocab = PipesLexer; superClass = PipesParserBase; }

script          : linebreak commandList? EOF ;
hereDocText     : wordPart* EOF ;

// Written so that each decision needs one token of lookahead (ANTLR then stops at the true error
// instead of backing out of a half-matched command); AstBuilder rejects two separators in a row.
commandList     : andOr (separator andOr?)* ;
compoundList    : linebreak commandList ;
separator       : (SEMI | AMP) linebreak | newlineList ;
newlineList     : NEWLINE+ ;
linebreak       : NEWLINE* ;

andOr           : pipeline (andOrOperator linebreak pipeline)* ;
andOrOperator   : AND_IF | OR_IF ;
pipeline        : TIME? BANG? command (PIPE linebreak command)* ;

command
    : compoundCommand redirect*                                       # compound
    | NAME WORD_END LPAREN RPAREN linebreak compoundCommand redirect* # functionDefinition
    | FUNCTION NAME WORD_END (LPAREN RPAREN)? linebreak compoundCommand redirect* # functionKeyword
    | simpleCommand                                                   # simple
    ;

compoundCommand
    : LBRACE compoundList RBRACE                                      # braceGroup
    | LPAREN compoundList RPAREN                                      # subshell
    | IF compoundList THEN compoundList elifPart* elsePart? FI         # ifClause
    | WHILE compoundList doGroup                                      # whileClause
    | UNTIL compoundList doGroup                                      # untilClause
    | FOR NAME WORD_END forWords? doGroup                             # forClause
    | CASE word linebreak IN linebreak caseItems? ESAC                # caseClause
    | FOR DPAREN wordPart* DPAREN_CLOSE sequentialSeparator? doGroup  # arithmeticFor
    | DPAREN wordPart* DPAREN_CLOSE                                   # arithmeticCommand
    | DLBRACKET condItem* DRBRACKET                                   # conditional
    ;

// The inside of [[ ]]: AstBuilder gives it its structure (operators, grouping, the regex after =~).
condItem        : word | AND_IF | OR_IF | LPAREN | RPAREN | LESS | GREAT | PIPE | NEWLINE | IO_NUMBER ;

elifPart        : ELIF compoundList THEN compoundList ;
elsePart        : ELSE compoundList ;
doGroup         : DO compoundList DONE ;
forWords        : sequentialSeparator | linebreak IN word* sequentialSeparator ;
sequentialSeparator : SEMI linebreak | newlineList ;
// Only the last item may omit ';;' (so that no command list is ever followed by a pattern).
caseItems       : caseItem (caseEnd linebreak caseItem)* (caseEnd linebreak)? ;
caseEnd         : DSEMI | SEMI_AND | DSEMI_AND ;
caseItem        : LPAREN? pattern (PIPE pattern)* RPAREN linebreak commandList? ;
pattern         : commandWord ;

simpleCommand
    : prefixItem+ (commandWord suffixItem*)?
    | commandWord suffixItem*
    ;
prefixItem      : assignment | redirect ;
suffixItem      : redirect | word ;
assignment      : ASSIGN_PREFIX (wordPart* WORD_END | WORD_END arrayLiteral) ;
arrayLiteral    : LPAREN (word | NEWLINE)* RPAREN ;

redirect
    : IO_NUMBER? redirectOperator word                                # fileRedirect
    | IO_NUMBER? (DLESS | DLESSDASH) word                             # hereDoc
    ;
redirectOperator
    : LESS | GREAT | DGREAT | CLOBBER | LESSGREAT | LESSAND | GREATAND | AND_GREAT | AND_DGREAT | TLESS ;

/** A word in command-name position: never a reserved word, never an assignment. */
commandWord     : firstWordPart wordPart* WORD_END ;
/** A word in argument position: reserved words are plain words here. */
word            : reservedWord | commandWord | ASSIGN_PREFIX (wordPart* WORD_END | WORD_END arrayLiteral) ;
reservedWord    : IF | THEN | ELSE | ELIF | FI | DO | DONE | CASE | ESAC | WHILE | UNTIL | FOR | IN
                | LBRACE | RBRACE | BANG | FUNCTION | TIME ;

firstWordPart
    : (NAME | DIGITS | TEXT)                                          # firstLiteral
    | quotedOrExpansion                                               # firstOther
    ;
wordPart
    : (NAME | DIGITS | TEXT | ASSIGN_PREFIX)                          # literal
    | quotedOrExpansion                                               # other
    ;
quotedOrExpansion
    : SINGLE_QUOTED                                                   # singleQuoted
    | DOLLAR_SINGLE_QUOTED                                            # ansiQuoted
    | DQ_OPEN doubleQuotedPart* DQ_CLOSE                              # doubleQuoted
    | ESCAPED                                                         # escaped
    | (STAR | QUESTION | LBRACKET)                                    # glob
    | EXTGLOB                                                         # extendedGlob
    | DOLLAR_NAME                                                     # namedParameter
    | DOLLAR_SPECIAL                                                  # specialParameter
    | DOLLAR_BRACE PARAM_LENGTH                                       # parameterLength
    | DOLLAR_BRACE PARAM_PREFIX_NAMES                                 # parameterPrefixNames
    | DOLLAR_BRACE PARAM_NAME (PARAM_OP wordPart*)? PARAM_CLOSE       # bracedParameter
    | DOLLAR_DPAREN wordPart* ARITH_CLOSE                             # arithmetic
    | DOLLAR_PAREN linebreak commandList? SUBST_CLOSE                 # commandSubstitution
    | BACKQUOTED                                                      # backquoted
    | (LESS_PAREN | GREAT_PAREN) linebreak commandList? SUBST_CLOSE   # processSubstitution
    ;
doubleQuotedPart : TEXT | quotedOrExpansion ;
