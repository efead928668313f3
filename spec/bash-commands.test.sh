# bash's time and process substitution.

#### time reports real, user and sys on standard error
{ time echo hi; } 2> err
grep -c '^real' err
grep -c '^user' err
{ time -p sleep 0; } 2> err2
grep -c '^real [0-9]' err2
## STDOUT:
hi
1
1
1
## END

#### time keeps the pipeline's status, and is a plain word elsewhere
{ time false | true; } 2>/dev/null; echo $?
{ time ! true; } 2>/dev/null; echo $?
echo time
## STDOUT:
0
1
time
## END

#### <( ) gives a file name to read a command's output from
diff <(printf 'a\nb\n') <(printf 'a\nc\n'); echo status=$?
cat <(echo one) <(seq 2)
while read -r l; do echo "[$l]"; done < <(printf 'x\ny\n')
wc -l < <(seq 100000)
## STDOUT:
2c2
< b
---
> c
status=1
one
1
2
[x]
[y]
100000
## END

#### >( ) gives a file name to write a command's input to
seq 5 | tee >(wc -l > count.tmp; mv count.tmp count) > /dev/null
until [ -f count ]; do sleep 0.05; done  # the substitution runs on; wait for its result
cat count
## STDOUT:
5
## END

#### $(< file) is the file's contents
printf 'line1\nline2\n\n' > f.txt
x=$(<f.txt)
echo "$x"
y=$(< nosuch 2>/dev/null); echo "status=$?"
## STDOUT:
line1
line2
status=1
## END

#### BASH_SOURCE names the file being sourced
printf 'echo "[${BASH_SOURCE[0]}]"\n' > lib.sh
. ./lib.sh
## stdout: [./lib.sh]

#### FUNCNAME lists the functions being run
f() { g; }
g() { echo "${FUNCNAME[0]} ${FUNCNAME[1]}" $FUNCNAME; }  # a script adds "main" below
printf 'h() { echo "${FUNCNAME[0]}"; }; h\n' > lib.sh
f
. ./lib.sh
## STDOUT:
g f g
h
## END

#### RANDOM=N seeds $RANDOM, SECONDS=N sets the count
RANDOM=5; a=$RANDOM; RANDOM=5; b=$RANDOM
[ "$a" = "$b" ] && echo same-sequence
SECONDS=100; echo $SECONDS
## STDOUT:
same-sequence
100
## END

#### wait -n waits for the next job to finish
sleep 1 & (exit 4) &
wait -n; echo "first=$?"
wait
wait -n; echo "none=$?"
## STDOUT:
first=4
none=127
## END
