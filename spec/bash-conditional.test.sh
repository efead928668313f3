# bash's [[ ]], (( )), for (( )), $'...', the function keyword and case's ;& and ;;&.

#### [[ ]] compares strings and matches patterns
x=hello
[[ $x == h*o ]] && echo glob
[[ $x == "h*o" ]] || echo quoted-pattern-is-literal
[[ $x != world ]] && echo differs
[[ $x = hello ]] && echo equal
## STDOUT:
glob
quoted-pattern-is-literal
differs
equal
## END

#### [[ ]] does not split or glob words
x='a b'
[[ $x == 'a b' ]] && echo same
y=
[[ -z $y ]] && echo empty
[[ $nosuch ]] || echo unset-is-false
## STDOUT:
same
empty
unset-is-false
## END

#### [[ ]] with && || ! and parentheses
[[ a == a && b == b ]] && echo and
[[ a == b || b == b ]] && echo or
[[ ! a == b ]] && echo not
[[ ( a == b || a == a ) && ! -z x ]] && echo grouped
[[ a == b ]]; echo $?
## STDOUT:
and
or
not
grouped
1
## END

#### [[ =~ ]] fills BASH_REMATCH
x=key=value
if [[ $x =~ ^([a-z]+)=(.*)$ ]]; then
  echo "${BASH_REMATCH[0]} ${BASH_REMATCH[1]} ${BASH_REMATCH[2]} ${#BASH_REMATCH[@]}"
fi
[[ abc =~ b ]] && echo partial
[[ a.c =~ a\.c ]] && echo escaped
[[ abc =~ "a.c" ]] || echo quoted-is-literal
[[ 2024 =~ ^[0-9]+$ ]] && echo digits
re='^(foo|bar)$'
[[ bar =~ $re ]] && echo variable
## STDOUT:
key=value key value 3
partial
escaped
quoted-is-literal
digits
variable
## END

#### [[ ]] numeric comparisons are arithmetic, < > compare strings
[[ 10 -gt 9 ]] && echo numeric
[[ 1+1 -eq 2 ]] && echo arithmetic
[[ 10 < 9 ]] && echo string-order
[[ b > a ]] && echo greater
## STDOUT:
numeric
arithmetic
string-order
greater
## END

#### [[ -v ]] and file tests
x=1
[[ -v x ]] && echo set
[[ -v nosuch ]] || echo unset
a=(1 2)
[[ -v a[1] ]] && echo element
[[ -v a[5] ]] || echo no-element
touch f
[[ -f f && ! -d f ]] && echo file
## STDOUT:
set
unset
element
no-element
file
## END

#### [[ ]] across lines after && and ||
[[ a == a &&
   b == b ]] && echo ok
## stdout: ok

#### (( )) is arithmetic with a status
(( 2 > 1 )) && echo yes
(( 0 )); echo $?
x=5
(( x += 2, y = x * 2 ))
echo $x $y
(( x++ )); echo $x
## STDOUT:
yes
1
7 14
8
## END

#### for (( ; ; ))
for ((i = 0; i < 3; i++)); do echo $i; done
for (( j=10; j>7; j-- ))
do
  echo $j
done
for ((;;)); do echo once; break; done
## STDOUT:
0
1
2
10
9
8
once
## END

#### $'...' decodes backslash escapes
printf '%s\n' $'a\tb' $'it\'s' $'\x41\101\cA' | od -An -c | head -2
echo $'line1\nline2'
## STDOUT:
   a  \t   b  \n   i   t   '   s  \n   A   A 001  \n
line1
line2
## END

#### the function keyword
function f { echo f "$@"; }
function g() { echo g; }
f 1 2; g
## STDOUT:
f 1 2
g
## END

#### case: ;& runs the next body, ;;& tests the next patterns
case a in
  a) echo one ;&
  b) echo two ;;
  c) echo three ;;
esac
case abc in
  a*) echo starts ;;&
  *c) echo ends ;;&
  x*) echo never ;;
  *) echo any ;;
esac
## STDOUT:
one
two
starts
ends
any
## END

#### bad [[ ]] syntax gives a line:column error, and nothing runs
echo a; [[ a b ]]
## status: 2
## BUG bash status: 0
