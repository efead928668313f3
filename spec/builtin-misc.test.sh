# test, cd, pwd, type, command, eval, source, exit, return, true, false.

#### test string comparisons
[ abc = abc ] && echo eq
[ abc != abd ] && echo ne
[ -z "" ] && echo empty
[ -n x ] && echo nonempty
## STDOUT:
eq
ne
empty
nonempty
## END

#### test integer comparisons
[ 2 -lt 10 ] && echo lt
[ 10 -gt 2 ] && echo gt
[ 3 -eq 3 ] && echo eq
[ 3 -ne 4 ] && echo ne
[ 3 -le 3 ] && [ 4 -ge 4 ] && echo le-ge
## STDOUT:
lt
gt
eq
ne
le-ge
## END

#### test file operators
touch file
mkdir dir
[ -e file ] && echo e
[ -f file ] && echo f
[ -d dir ] && echo d
[ -f dir ] || echo not-f
[ -s file ] || echo empty
[ -e nosuch ] || echo missing
## STDOUT:
e
f
d
not-f
empty
missing
## END

#### test negation and combination
[ ! -e nosuch ] && echo neg
[ 1 = 1 -a 2 = 2 ] && echo and
[ 1 = 2 -o 2 = 2 ] && echo or
[ \( 1 = 1 \) ] && echo paren
## STDOUT:
neg
and
or
paren
## END

#### test with one argument
[ x ] && echo set
[ '' ] || echo unset
## STDOUT:
set
unset
## END

#### test with no arguments is false
[ ]
echo $?
## stdout: 1

#### test integer error
[ a -eq 1 ]
echo $?
## stdout: 2

#### test builtin spelled test
test 1 -eq 1 && echo yes
## stdout: yes

#### missing closing bracket
[ 1 = 1
echo $?
## stdout: 2

#### test an operator as an operand
[ -n = -n ] && echo ok
## stdout: ok

#### cd and pwd
mkdir -p a/b
cd a/b
echo ${PWD##*/}
cd ..
echo ${PWD##*/}
## STDOUT:
b
a
## END

#### cd to a missing directory fails
cd /nonexistent-dir 2>/dev/null
echo $?
## stdout: 1

#### cd dash goes back
mkdir x
cd x
cd - > /dev/null
[ -d x ] && echo back
## stdout: back

#### cd with no argument goes home
cd /
cd
[ "$PWD" = "$HOME" ] && echo home
## stdout: home

#### cd changes where commands run
mkdir inner
touch inner/marker
cd inner
ls
## stdout: marker

#### relative paths of redirections follow cd
mkdir w
cd w
echo x > here
cd ..
cat w/here
## stdout: x

#### type of a builtin and a keyword
type echo
type if
## STDOUT:
echo is a shell builtin
if is a shell keyword
## END

#### type -t
f() { :; }
type -t f cd while sh
## STDOUT:
function
builtin
keyword
file
## END

#### type of a missing command
type nosuchcmd 2>/dev/null
echo $?
## stdout: 1

#### command -v
f() { :; }
command -v f echo
command -v nosuchcmd
echo $?
## STDOUT:
f
echo
1
## END

#### command skips functions
echo() { printf 'function\n'; }
command echo builtin
## stdout: builtin

#### eval
x='echo evaluated'
eval $x
eval 'y=5'
echo $y
## STDOUT:
evaluated
5
## END

#### eval with quotes
eval "echo 'a  b'"
## stdout: a  b

#### eval status
eval false
echo $?
## stdout: 1

#### source a file
echo 'sourced=yes; echo in-file' > lib.sh
. ./lib.sh
echo $sourced
## STDOUT:
in-file
yes
## END

#### source with arguments
echo 'echo "$1 $#"' > args.sh
source ./args.sh one two
## stdout: one 2

#### return from a sourced file
printf 'echo a\nreturn 3\necho b\n' > r.sh
. ./r.sh
echo $?
## STDOUT:
a
3
## END

#### source a missing file
. ./missing.sh 2>/dev/null
echo $?
## stdout: 1

#### exit in a function exits the shell
f() { exit 5; }
f
echo not reached
## status: 5

#### true and false
true; echo $?
false; echo $?
## STDOUT:
0
1
## END

#### colon builtin
: ignored arguments
echo $?
## stdout: 0

#### exec runs a command in place of the shell
exec sh -c 'echo replaced; exit 3'
echo not reached
## stdout: replaced
## status: 3

#### return outside a function fails
# pipesh: status 1 like any builtin error; bash uses 2 here
return 1 2>/dev/null
echo $?
## stdout: 1
## OK bash stdout: 2

#### an arithmetic error aborts only the eval
eval 'echo $((1/0)); echo same' 2>/dev/null; echo after $?
## stdout: after 1

#### an arithmetic error in a sourced file aborts its line only
printf 'x=$((1/0)); echo same-line\necho next-line\n' > s.sh
. ./s.sh 2>/dev/null
echo after $?
## STDOUT:
next-line
after 0
## END
