# Arithmetic expansion: 64-bit integers, C operators and precedence.

#### addition and multiplication precedence
echo $((1 + 2 * 3))
## stdout: 7

#### parentheses
echo $(( (1 + 2) * 3 ))
## stdout: 9

#### division truncates toward zero
echo $((7 / 2)) $((-7 / 2)) $((7 % 3)) $((-7 % 3))
## stdout: 3 -3 1 -1

#### division by zero aborts the rest of the line
echo $((1 / 0)); echo same line
echo next line $?
## stdout: next line 1

#### variables without dollar
x=4
echo $((x * x))
## stdout: 16

#### variable holding an expression
x='1 + 2'
echo $((x * 2))
## stdout: 6

#### unset variable is zero
echo $((nosuch + 1))
## stdout: 1

#### assignment operators
x=5
echo $((x += 3)) $((x -= 1)) $((x *= 2)) $((x /= 7)) $((x %= 3))
echo $x
## STDOUT:
8 7 14 2 2
2
## END

#### increment and decrement
x=5
echo $((x++)) $x $((++x)) $((x--)) $((--x))
## stdout: 5 6 7 7 5

#### comparison operators
echo $((1 < 2)) $((2 <= 1)) $((3 > 2)) $((3 >= 4)) $((1 == 1)) $((1 != 1))
## stdout: 1 0 1 0 1 0

#### logical operators
echo $((1 && 0)) $((1 || 0)) $((!0)) $((!5))
## stdout: 0 1 1 0

#### short circuit skips side effects
x=0
echo $((0 && (x = 5))) $x
echo $((1 || (x = 6))) $x
## STDOUT:
0 0
1 0
## END

#### bitwise operators
echo $((6 & 3)) $((6 | 3)) $((6 ^ 3)) $((~0)) $((1 << 4)) $((256 >> 2))
## stdout: 2 7 5 -1 16 64

#### ternary operator
x=3
echo $((x > 2 ? 10 : 20)) $((x > 5 ? 10 : 20))
## stdout: 10 20

#### nested ternary is right associative
echo $((0 ? 1 : 0 ? 2 : 3))
## stdout: 3

#### exponent
echo $((2 ** 10)) $((2 ** 3 ** 2))
## stdout: 1024 512

#### hex octal and base numbers
echo $((0x1f)) $((017)) $((2#101)) $((36#z))
## stdout: 31 15 5 35

#### unary minus and plus
echo $((-3 + +2)) $((- -3))
## stdout: -1 3

#### comma operator
echo $((x = 1, y = 2, x + y))
## stdout: 3

#### 64-bit overflow wraps
echo $((9223372036854775807 + 1))
## stdout: -9223372036854775808

#### arithmetic with a dollar variable inside
n=7
echo $(( $n + 1 ))
## stdout: 8

#### arithmetic with command substitution inside
echo $(( $(echo 3) * 2 ))
## stdout: 6

#### quoted arithmetic is one word
x=$((1+1))
echo "$((x + 1))"
## stdout: 3

#### assignment in arithmetic is visible after
: $((z = 42))
echo $z
## stdout: 42

#### invalid number is an error
echo $((08)); echo same line
echo next line $?
## stdout: next line 1

#### let builtin
let x=2+3 y=x*2
echo $x $y
let 0
echo $?
## STDOUT:
5 10
1
## END

#### negative modulo and shift
echo $((-1 >> 1)) $((5 % -3))
## stdout: -1 2
