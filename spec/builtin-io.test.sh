# echo, printf and read.

#### echo with several arguments
echo a   b    c
## stdout: a b c

#### echo -n
echo -n no-newline; echo
## stdout: no-newline

#### echo -e interprets escapes
echo -e 'a\tb\nc'
## STDOUT:
a	b
c
## END

#### echo without -e keeps backslashes
echo 'a\nb'
## stdout: a\nb

#### echo -- is printed
echo -- x
## stdout: -- x

#### printf string and number
printf '%s is %d\n' answer 42
## stdout: answer is 42

#### printf reuses the format
printf '<%s>' a b c; echo
## stdout: <a><b><c>

#### printf width and precision
printf '[%5s][%-5s][%.2s][%05d][%.3f]\n' ab ab abcdef 42 3.14159
## stdout: [   ab][ab   ][ab][00042][3.142]

#### printf hex octal and char
printf '%x %X %o %c\n' 255 255 8 hello
## stdout: ff FF 10 h

#### printf escapes in the format
printf 'a\tb\\n\n'
## stdout: a	b\n

#### printf %b interprets escapes in the argument
printf '%b\n' 'x\ty'
## stdout: x	y

#### printf with missing arguments
printf '%s-%s|' a; echo
## stdout: a-|

#### printf invalid number
printf '%d\n' abc
echo $?
## STDOUT:
0
1
## END

#### printf percent sign
printf '100%%\n'
## stdout: 100%

#### printf character code
printf '%d\n' "'A"
## stdout: 65

#### read splits into variables
echo 'a b c d' | { read x y z; echo "$x|$y|$z"; }
## stdout: a|b|c d

#### read with no names sets REPLY
echo '  keep  ' | { read; echo "[$REPLY]"; }
## stdout: [  keep  ]

#### read strips leading and trailing whitespace
echo '   padded   ' | { read v; echo "[$v]"; }
## stdout: [padded]

#### read handles backslash escapes
printf 'a\\ b c\n' | { read x y; echo "$x|$y"; }
## stdout: a b|c

#### read -r keeps backslashes
printf 'a\\nb\n' | { read -r x; echo "$x"; }
## stdout: a\nb

#### read returns 1 at end of input
printf 'last' | { read x; echo "$? $x"; }
## stdout: 1 last

#### read with a custom IFS
echo 'a:b:c' | { IFS=: read x y z; echo "$x $y $z"; }
## stdout: a b c

#### read -d with a delimiter
printf 'one;two' | { read -d ';' x; echo $x; }
## stdout: one

#### read -n reads some characters
echo abcdef | { read -n 3 x; echo $x; }
## stdout: abc

#### read line by line from a file
printf 'l1\nl2\nl3\n' > f
while read line; do echo "<$line>"; done < f
## STDOUT:
<l1>
<l2>
<l3>
## END

#### read leaves the rest for the next command
printf 'first\nsecond\nthird\n' | { read a; cat; }
## STDOUT:
second
third
## END

#### read then cat share a file
seq 1 5 > f
{ read a; read b; cat; } < f
echo "$a $b"
## STDOUT:
3
4
5
1 2
## END

#### read a continued line from a file
printf 'a\\\nb\nc\n' > f
{ read x; read y; echo "$x|$y"; } < f
## stdout: ab|c
