# Control flow: if, while, until, for, case, break, continue, && and ||.

#### if then
if true; then echo yes; fi
## stdout: yes

#### if else
if false; then echo yes; else echo no; fi
## stdout: no

#### elif
x=2
if [ $x = 1 ]; then echo one; elif [ $x = 2 ]; then echo two; else echo other; fi
## stdout: two

#### if status when no branch runs
if false; then :; fi
echo $?
## stdout: 0

#### while loop
i=0
while [ $i -lt 3 ]; do echo $i; i=$((i + 1)); done
## STDOUT:
0
1
2
## END

#### until loop
i=0
until [ $i -ge 2 ]; do echo $i; i=$((i + 1)); done
## STDOUT:
0
1
## END

#### for loop over words
for x in a b c; do echo $x; done
## STDOUT:
a
b
c
## END

#### for loop with empty list
for x in; do echo never; done
echo after
## stdout: after

#### break
for x in 1 2 3; do
  if [ $x = 2 ]; then break; fi
  echo $x
done
## stdout: 1

#### continue
for x in 1 2 3; do
  if [ $x = 2 ]; then continue; fi
  echo $x
done
## STDOUT:
1
3
## END

#### break out of two loops
for a in 1 2; do
  for b in x y; do
    echo $a$b
    break 2
  done
done
## stdout: 1x

#### continue an outer loop
for a in 1 2; do
  for b in x y; do
    [ $b = y ] && continue 2
    echo $a$b
  done
  echo never
done
## STDOUT:
1x
2x
## END

#### and or lists
true && echo a
false && echo b
false || echo c
true || echo d
## STDOUT:
a
c
## END

#### and or chain
false && echo a || echo b
## stdout: b

#### negation
! false
echo $?
! true
echo $?
## STDOUT:
0
1
## END

#### case with patterns
for w in apple banana cherry x; do
  case $w in
    a*) echo A;;
    b*|c*) echo BC;;
    *) echo other;;
  esac
done
## STDOUT:
A
BC
BC
other
## END

#### case with quoted pattern
x='*'
case $x in
  "*") echo star;;
  *) echo any;;
esac
## stdout: star

#### case with no match has status 0
false
case x in y) echo no;; esac
echo $?
## stdout: 0

#### case with bracket pattern
case 5 in [0-9]) echo digit;; esac
## stdout: digit

#### case pattern from a variable
p='a*'
case abc in $p) echo match;; esac
## stdout: match

#### while reading lines
printf '1\n2\n' | while read l; do echo "got $l"; done
## STDOUT:
got 1
got 2
## END

#### loop status is that of the last body command
for x in 1; do false; done
echo $?
## stdout: 1

#### brace group
{ echo a; echo b; } | wc -l
## stdout: 2

#### loop output redirected
for i in 1 2; do echo $i; done > out.txt
cat out.txt
## STDOUT:
1
2
## END

#### while with a break in a condition
n=0
while true; do n=$((n+1)); [ $n -gt 3 ] && break; done
echo $n
## stdout: 4

#### case with several patterns and an empty body
case b in a) echo a;; b|c) ;; *) echo other;; esac
echo status $?
## stdout: status 0

#### case with a character class and a question mark
for w in x1 xy 9; do
  case $w in
    x[[:digit:]]) echo "$w digit";;
    x?) echo "$w any";;
    [0-9]) echo "$w number";;
  esac
done
## STDOUT:
x1 digit
xy any
9 number
## END

#### case subject is not split or globbed
touch a b
x='a b'
case $x in 'a b') echo whole;; esac
case * in '*') echo star;; esac
## STDOUT:
whole
star
## END

#### for over a glob
touch f1 f2
for f in f*; do echo $f; done
## STDOUT:
f1
f2
## END

#### for loop variable keeps its last value
for i in 1 2 3; do :; done
echo $i
## stdout: 3

#### while with a command as condition
printf 'a\nb\n' > f
while read -r line; do echo "$line"; done < f
## STDOUT:
a
b
## END

#### until with a counter and arithmetic condition
i=0
until [ $((i * i)) -gt 10 ]; do i=$((i + 1)); done
echo $i
## stdout: 4

#### nested if in a loop with elif
for n in 1 2 3; do
  if [ $n -eq 1 ]; then echo one
  elif [ $n -eq 2 ]; then echo two
  else echo many
  fi
done
## STDOUT:
one
two
many
## END

#### break inside a case inside a loop
for i in 1 2 3; do
  case $i in 2) break;; esac
  echo $i
done
## stdout: 1

#### and-or with groups
{ false || echo recovered; } && echo then
## STDOUT:
recovered
then
## END
