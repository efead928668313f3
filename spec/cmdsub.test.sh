# Command substitution.

#### dollar paren
echo $(echo hi)
## stdout: hi

#### backquotes
echo `echo hi`
## stdout: hi

#### trailing newlines are removed
x=$(printf 'a\n\n\n')
echo "[$x]"
## stdout: [a]

#### inner newlines are kept in quotes
x=$(printf 'a\nb')
echo "$x"
## STDOUT:
a
b
## END

#### unquoted result is split
set -- $(echo a b c)
echo $#
## stdout: 3

#### quoted result is one word
set -- "$(echo a b c)"
echo $#
## stdout: 1

#### nested command substitution
echo $(echo $(echo deep))
## stdout: deep

#### exit status of an assignment is that of the substitution
x=$(exit 3)
echo $?
## stdout: 3

#### substitution runs in a subshell
x=1
y=$(x=2; echo $x)
echo $x $y
## stdout: 1 2

#### substitution with a pipeline
echo $(printf 'b\na\n' | sort | tr '\n' ' ')
## stdout: a b

#### substitution of a builtin and a function
f() { echo from-f; }
echo $(f) $(pwd >/dev/null; echo ok)
## stdout: from-f ok

#### stderr of the substitution is not captured
x=$(echo err >&2; echo out)
echo $x
## stdout: out

#### cd inside a substitution does not leak
d=$(cd /; pwd)
[ "$(pwd)" != / ] && echo $d
## stdout: /

#### exit inside a substitution only leaves it
x=$(echo a; exit 1; echo b)
echo $x $?
## stdout: a 1
