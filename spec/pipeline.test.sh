# Pipelines, PIPESTATUS and pipefail.

#### three local commands
printf 'c\nb\na\n' | sort | head -n 2
## STDOUT:
a
b
## END

#### status is that of the last command
false | true
echo $?
true | false
echo $?
## STDOUT:
0
1
## END

#### pipefail takes the last failure
set -o pipefail
false | true
echo $?
(exit 3) | (exit 4) | true
echo $?
## STDOUT:
1
4
## END

#### negated pipeline
! true | false
echo $?
## stdout: 0

#### builtin into a local command
echo hello | tr a-z A-Z
## stdout: HELLO

#### local command into a builtin
printf 'x y\n' | read a b
echo "[$a]"
## stdout: []

#### builtin to builtin
echo piped | { read v; echo "got $v"; }
## stdout: got piped

#### a reader that stops early ends the writer
yes | head -n 3
## STDOUT:
y
y
y
## END

#### a builtin loop writer stops when the reader exits
while true; do echo loop; done | head -n 2
## STDOUT:
loop
loop
## END

#### large data through a mixed pipeline
seq 1 100000 | while read n; do echo $n; done | tail -n 1
## stdout: 100000

#### many stages
echo a | cat | cat | cat | cat | cat | tr a b
## stdout: b

#### stderr of a pipeline stage is not piped
{ echo out; echo err >&2; } 2>/dev/null | cat
## stdout: out

#### PIPESTATUS of a single command
false
echo $PIPESTATUS
## stdout: 1

#### pipeline inside command substitution
x=$(echo abc | tr b X)
echo $x
## stdout: aXc

#### wc reads everything from a subshell
(for i in 1 2 3; do echo $i; done) | wc -l
## stdout: 3
