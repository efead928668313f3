# Subshells run on a copy of the shell's state.

#### variables do not leak out
x=1
(x=2; echo $x)
echo $x
## STDOUT:
2
1
## END

#### cd does not leak out
mkdir sub
(cd sub; echo ${PWD##*/})
[ "${PWD##*/}" != sub ] && echo not-sub
## STDOUT:
sub
not-sub
## END

#### exit leaves only the subshell
(exit 4)
echo $?
## stdout: 4

#### subshell output through a pipe
(echo a; echo b) | sort -r
## STDOUT:
b
a
## END

#### functions defined inside do not leak
(f() { :; })
type f >/dev/null 2>&1
echo $?
## stdout: 1

#### set options do not leak
(set -e)
false
echo survived
## stdout: survived

#### nested subshells
x=0
( x=1; ( x=2; echo $x ); echo $x )
echo $x
## STDOUT:
2
1
0
## END

#### subshell sees parent variables
x=seen
(echo $x)
## stdout: seen

#### pipeline stages do not change the shell
x=1
echo 5 | read x
echo $x
## stdout: 1

#### subshell with redirected output
(echo in-file) > sub.out
cat sub.out
## stdout: in-file
