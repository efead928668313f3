# POSIX behaviour that pipesh once got wrong: each case is what sh (and bash) does.

#### assignments in one command take effect left to right
a=1 b=$a; echo $b
x=5; x=$((x+1)) y=$x; echo $x $y
## STDOUT:
1
6 6
## END

#### a command's assignments see each other, and end with it
a=1 b=$a sh -c 'echo $a $b'
echo "[$a$b]"
## STDOUT:
1 1
[]
## END

#### carriage return, vertical tab and form feed are not blanks
printf 'echo -\r-\n' > s.sh; . ./s.sh | od -An -c
printf 'echo -\v-\f-\n' > t.sh; . ./t.sh | od -An -c
## STDOUT:
   -  \r   -  \n
   -  \v   -  \f   -  \n
## END

#### a here-document on descriptor 3
cat 3<<EOF <&3
hi
EOF
## stdout: hi

#### several here-documents in one pipeline
cat <<A | cat - <<B
a
A
b
B
## stdout: b

#### here-documents of two commands of a pipeline
cat <<A | tr a-z A-Z; cat <<B
one
A
two
B
## STDOUT:
ONE
two
## END

#### quotes inside ${...} inside double quotes
x=
echo "${x:-"a b"}" "${x:-'q'}" "${x:-\}}"
y=abc
echo "${y#'a'}" "${y%"c"}"
## STDOUT:
a b 'q' }
bc ab
## END

#### command substitution removes trailing newlines only
x=$(printf 'a \n\n'); echo "[$x]"
x=$(printf 'a\t\n \n'); echo "[$x]"
## STDOUT:
[a ]
[a	
 ]
## END

#### break in a loop's condition
i=0; while i=$((i+1)); [ $i -lt 5 ] || break; do :; done; echo $i
while break; do echo no; done; echo ok
## STDOUT:
5
ok
## END

#### continue in a loop's condition
i=0; n=0
while i=$((i+1)); [ $i -lt 5 ] || break; [ $((i % 2)) = 0 ] && continue; true; do n=$((n+1)); done
echo $i $n
## stdout: 5 2

#### hash remembers a command and forgets it with -r
hash
hash ls; echo $?
hash -t ls
hash -r; hash
hash nosuchcommand_x; echo $?
## STDOUT:
hash: hash table empty
0
/usr/bin/ls
hash: hash table empty
1
## END

#### errexit in a brace group
set -e
{ false; echo no; }
echo no2
## status: 1

#### errexit does not apply to a brace group in a condition
set -e
if { false; echo yes; }; then echo then; fi
## STDOUT:
yes
then
## END

#### IFS empty: no field splitting
IFS=; x='a b  c'; set -- $x; echo $#
## stdout: 1

#### IFS unset: splitting on space, tab and newline
unset IFS; x='a   b
c'; set -- $x; echo $#
## stdout: 3

#### a token of 64 KiB and more
x=$(head -c 70000 /dev/zero | tr '\0' a); eval "y=$x"; echo ${#y}
eval "echo $x" | wc -c
## STDOUT:
70000
70001
## END

#### wait for several jobs, and again for one of them
(exit 3) & p1=$!; (exit 4) & p2=$!
wait $p1 $p2; echo $?
wait $p1; echo $?
## STDOUT:
4
3
## END
