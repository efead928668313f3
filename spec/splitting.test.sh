# Field splitting on IFS.

#### default IFS splits on runs of whitespace
x='  a   b  '
set -- $x
echo $# "[$1]" "[$2]"
## stdout: 2 [a] [b]

#### custom IFS with non-whitespace keeps empty fields
IFS=:
x='a::b'
set -- $x
echo $#
## stdout: 3

#### leading non-whitespace delimiter gives an empty field
IFS=:
x=':a'
set -- $x
echo $# "[$1]"
## stdout: 2 []

#### trailing delimiter gives no empty field
IFS=:
x='a:'
set -- $x
echo $#
## stdout: 1

#### whitespace around a delimiter is part of it
IFS=' :'
x='a : b'
set -- $x
echo $# $1 $2
## stdout: 2 a b

#### empty IFS means no splitting
IFS=
x='a b'
set -- $x
echo $#
## stdout: 1

#### unset IFS behaves as default
unset IFS
x='a	b c'
set -- $x
echo $#
## stdout: 3

#### literal text is never split
IFS=a
set -- banana
echo $#
## stdout: 1

#### quoted dollar-at keeps arguments
set -- 'a b' c
for w in "$@"; do echo "[$w]"; done
## STDOUT:
[a b]
[c]
## END

#### unquoted dollar-at splits arguments
set -- 'a b' c
for w in $@; do echo "[$w]"; done
## STDOUT:
[a]
[b]
[c]
## END

#### quoted dollar-star joins with the first IFS character
set -- a b c
IFS=,
echo "$*"
## stdout: a,b,c

#### quoted dollar-at with no parameters is nothing
set --
set -- "$@"
echo $#
## stdout: 0

#### prefix and suffix around dollar-at
set -- a b
for w in "x$@y"; do echo $w; done
## STDOUT:
xa
by
## END

#### splitting joins with adjacent text
x='1 2'
for w in a${x}b; do echo $w; done
## STDOUT:
a1
2b
## END

#### splitting a command substitution with newlines
for w in $(printf 'a\nb\n'); do echo "<$w>"; done
## STDOUT:
<a>
<b>
## END
