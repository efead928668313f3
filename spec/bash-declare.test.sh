# declare/typeset, local, readonly and export -p.

#### declare -i evaluates assignments as arithmetic
declare -i n=2+3
echo $n
n+=4; echo $n
n='n * 2'; echo $n
## STDOUT:
5
9
18
## END

#### declare -r and readonly make a variable unchangeable
declare -r c=1
c=2
echo "still $c"
readonly d=x
unset d; echo $? $d
## STDOUT:
still 1
1 x
## END

#### declare -x exports, +x takes the export back
declare -x E=1
sh -c 'echo "[$E]"'
declare +x E
sh -c 'echo "[$E]"'
## STDOUT:
[1]
[]
## END

#### declare -p prints declarations; export -p and readonly -p list theirs
x='a "b"'
declare -p x
declare -i i=3; declare -p i
export X2=v; export -p | grep X2=
readonly R=1; readonly -p | grep ' R='
## STDOUT:
declare -- x="a \"b\""
declare -i i="3"
declare -x X2="v"
declare -r R="1"
## END

#### declare in a function is local; -g makes it global
f() { declare a=inner; declare -g b=global; typeset c=typed; echo "$a $c"; }
a=outer
f
echo "$a $b [$c]"
## STDOUT:
inner typed
outer global []
## END

#### local hides and restores, also for arrays and integers
x=outer
f() { local x=inner; local -i n=1+1; local -a arr=(1 2); echo "$x $n ${#arr[@]}"; }
f; echo "$x [$n] [${arr[@]}]"
## STDOUT:
inner 2 2
outer [] []
## END

#### declare -F lists functions, declare -f prints one
f() { echo hi; }
declare -F
declare -f f | grep -c 'echo hi'
## STDOUT:
declare -f f
1
## END

#### local outside a function is an error
local x=1
echo $?
## STDOUT:
1
## END

#### declare -n and local -n make name references
declare -n ref=target
target=42; echo "$ref"
ref=7; echo "$target"
f() { local -n out=$1; out=(a b); }
f arr; echo "${arr[@]}" ${#arr[@]}
declare -p ref
g() { local -n r=$1; r[k]=v; }
declare -A m; g m; echo "${m[k]}"
## STDOUT:
42
7
a b 2
declare -n ref="target"
v
## END
