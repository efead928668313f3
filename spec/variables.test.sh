# Variables: assignment, export, unset, readonly, local.

#### assignment and expansion
x=hello
echo $x
## stdout: hello

#### several assignments on one line
a=1 b=2
echo $a$b
## stdout: 12

#### assignment value is not split
x='a b'
y=$x
echo "$y"
## stdout: a b

#### braces delimit the name
x=ab
echo ${x}c $xc.
## stdout: abc .

#### unset variable is empty
echo "[$nosuch]"
## stdout: []

#### unset removes a variable
x=1
unset x
echo "[${x-unset}]"
## stdout: [unset]

#### export passes a variable to a process
export FOO=bar
sh -c 'echo $FOO'
## stdout: bar

#### unexported variable is not passed
FOO=bar
sh -c 'echo "[$FOO]"'
## stdout: []

#### assignment before a command is for that command only
FOO=1 sh -c 'echo $FOO'
echo "[$FOO]"
## STDOUT:
1
[]
## END

#### export of an existing variable
x=5
export x
sh -c 'echo $x'
## stdout: 5

#### export -n removes the export
export x=5
export -n x
sh -c 'echo "[$x]"'
echo $x
## STDOUT:
[]
5
## END

#### readonly variable cannot be assigned
readonly r=1
r=2; echo same line
echo next line $? $r
## stdout: next line 1 1

#### readonly variable cannot be unset
readonly r=1
unset r
echo $? $r
## stdout: 1 1

#### local variable in a function
x=global
f() { local x=local; echo $x; }
f
echo $x
## STDOUT:
local
global
## END

#### local is visible to called functions
g() { echo $x; }
f() { local x=inner; g; }
x=outer
f
## stdout: inner

#### local without a value
f() { local x; x=2; echo $x; }
x=1
f
echo $x
## STDOUT:
2
1
## END

#### local outside a function fails
local x=1
echo $?
## stdout: 1

#### assignment in a function is global
f() { y=set; }
f
echo $y
## stdout: set

#### invalid name for export
export 1x=2
echo $?
## stdout: 1

#### variable names with digits and underscores
_a1=x
echo $_a1
## stdout: x

#### $0 positional in -c
echo ok
## stdout: ok

#### unset of a local hides the global
x=global
f() { local x=local; unset x; echo "[${x-unset}]"; }
f
echo $x
## STDOUT:
[unset]
global
## END
