# Parameter expansion operators.

#### default value when unset or empty
x=
echo ${x:-def} ${y:-def}
## stdout: def def

#### default value only when unset
x=
echo "[${x-def}]" "[${y-def}]"
## stdout: [] [def]

#### assign default
echo ${x:=new}
echo $x
## STDOUT:
new
new
## END

#### assign default only when unset
x=
echo "[${x=new}]"
## stdout: []

#### alternative value
x=set
echo ${x:+alt} "[${y:+alt}]"
## stdout: alt []

#### alternative when set but empty
x=
echo "[${x+alt}]" "[${x:+alt}]"
## stdout: [alt] []

#### error when unset exits the shell
echo ${x:?is missing}
echo not reached
## status: 127

#### error message goes to stderr
( echo ${x:?is missing} ) 2>/dev/null
echo status $?
## stdout: status 1

#### length
x=hello
echo ${#x}
## stdout: 5

#### length of unset is zero
echo ${#nosuch}
## stdout: 0

#### remove shortest prefix
x=a/b/c
echo ${x#*/}
## stdout: b/c

#### remove longest prefix
x=a/b/c
echo ${x##*/}
## stdout: c

#### remove shortest suffix
x=file.tar.gz
echo ${x%.*}
## stdout: file.tar

#### remove longest suffix
x=file.tar.gz
echo ${x%%.*}
## stdout: file

#### pattern with a quoted star is literal
x='a*b*c'
echo ${x#"a*"}
## stdout: b*c

#### pattern from a variable is active
x=abcabc
p='b*'
echo ${x%$p}
## stdout: abca

#### bracket pattern in removal
x=abc123
echo ${x%%[0-9]*}
## stdout: abc

#### default value with spaces is split when unquoted
set -- ${x:-a b c}
echo $#
## stdout: 3

#### default value in quotes is one word
set -- "${x:-a b c}"
echo $#
## stdout: 1

#### default value can hold an expansion
y=inner
echo ${x:-$y}
## stdout: inner

#### nested default values
echo ${a:-${b:-deep}}
## stdout: deep

#### remove prefix from every positional parameter
set -- ab ac
echo ${@#a}
## stdout: b c

#### special parameter dollar-hash
set -- a b c
echo $#
## stdout: 3

#### exit status parameter
false
echo $?
true
echo $?
## STDOUT:
1
0
## END

#### pid parameter is a number
case $$ in *[!0-9]*) echo no;; *) echo yes;; esac
## stdout: yes

#### length of a positional parameter
set -- hello
echo ${#1}
## stdout: 5

#### operators on a positional parameter
set -- file.txt
echo ${1%.txt} ${1#file} ${2:-none}
## stdout: file .txt none

#### assign default to a positional is an error
echo ${1:=x}; echo same line
echo next $?
## stdout: next 1


#### alternative value with quotes inside
x=1
echo "${x:+"a  b"}"
## stdout: a  b

#### nested parameter in a pattern
x=prefix-body
p=prefix
echo ${x#$p-}
## stdout: body

#### suffix removal with a character class
x=name123
echo ${x%%[[:digit:]]*}
## stdout: name

#### unset versus empty with dash
unset u
e=
echo "${u-U}${e-E}"
## stdout: U

#### dollar-hash in a function after set
f() { set -- a b c; echo $#; }
f x
## stdout: 3

#### RANDOM is a number below 32768 and changes
a=$RANDOM b=$RANDOM c=$RANDOM
case "$a$b$c" in *[!0-9]*) echo bad;; esac
[ $a -lt 32768 ] && [ "$a$b$c" != "$a$a$a" ] && echo ok
## stdout: ok

#### SECONDS counts from the start of the shell
[ $SECONDS -ge 0 ] && [ $SECONDS -lt 100 ] && echo ok
## stdout: ok
