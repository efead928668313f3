# Functions.

#### define and call
f() { echo called; }
f
## stdout: called

#### arguments
f() { echo "$1-$2"; }
f a b
## stdout: a-b

#### return status
f() { return 3; }
f
echo $?
## stdout: 3

#### return without a value returns the last status
f() { false; return; }
f
echo $?
## stdout: 1

#### status of the last command
f() { true; false; }
f
echo $?
## stdout: 1

#### recursion
fact() {
  if [ $1 -le 1 ]; then echo 1; return; fi
  echo $(( $1 * $(fact $(( $1 - 1 ))) ))
}
fact 5
## stdout: 120

#### function with redirection on its body
f() { echo inside; } > f.out
f
cat f.out
## stdout: inside

#### function in a pipeline
f() { echo a; echo b; }
f | wc -l
## stdout: 2

#### function reading a pipe
f() { while read x; do echo "[$x]"; done; }
printf '1\n2\n' | f
## STDOUT:
[1]
[2]
## END

#### function overrides a command
ls() { echo not ls; }
ls
## stdout: not ls

#### unset -f removes a function
f() { echo f; }
unset -f f
f 2>/dev/null
echo $?
## stdout: 127

#### dollar-at in a function
f() { for a in "$@"; do echo "[$a]"; done; }
f 'x y' z
## STDOUT:
[x y]
[z]
## END

#### return inside a loop inside a function
f() { for i in 1 2 3; do [ $i = 2 ] && return 7; done; }
f
echo $?
## stdout: 7

#### function defined with a subshell body
f() ( x=inner; echo $x )
x=outer
f
echo $x
## STDOUT:
inner
outer
## END

#### temporary assignment for a function
f() { echo "[$V]"; }
V=tmp f
echo "[$V]"
## STDOUT:
[tmp]
[]
## END

#### deep recursion
f() { if [ $1 -lt 2000 ]; then f $(($1 + 1)); else echo deep $1; fi; }
f 0
## stdout: deep 2000

#### local variables in recursion are separate
f() {
  local n=$1
  if [ $n -gt 0 ]; then f $((n - 1)); fi
  printf '%s ' $n
}
f 3; echo
## stdout: 0 1 2 3 
