# Redirections.

#### output to a file
echo hi > f
cat f
## stdout: hi

#### append
echo a > f
echo b >> f
cat f
## STDOUT:
a
b
## END

#### input from a file
printf 'x\ny\n' > f
wc -l < f
## stdout: 2

#### truncation happens even when the command fails
echo old > f
nosuchcommand > f 2>/dev/null
wc -c < f
## stdout: 0

#### stderr to a file
ls /nonexistent-dir 2> err
grep -c nonexistent err
## stdout: 1

#### stderr to stdout
{ echo out; echo err >&2; } 2>&1 | sort
## STDOUT:
err
out
## END

#### order matters 1
{ echo out; echo err >&2; } > f 2>&1
sort f
## STDOUT:
err
out
## END

#### order matters 2
{ echo err >&2; } 2>&1 > f | cat
echo "[$(cat f)]"
## STDOUT:
err
[]
## END

#### ampersand greater than
{ echo out; echo err >&2; } &> both
sort both
## STDOUT:
err
out
## END

#### external command stderr to stdout
sh -c 'echo e >&2' 2>&1 | tr e E
## stdout: E

#### external command stdout to stderr
sh -c 'echo o' 1>&2 2>/dev/null
echo done
## stdout: done

#### closing stdout
echo hidden >&-
echo $? >/dev/null
echo shown
## stdout: shown

#### missing input file fails
cat < nosuch
echo $?
## stdout: 1

#### redirect to a directory fails
mkdir d
echo x > d
echo $?
## stdout: 1

#### noclobber
echo 1 > f
set -C
echo 2 > f
echo $?
echo 3 >| f
cat f
## STDOUT:
1
3
## END

#### redirection on a compound command
if true; then echo a; echo b; fi > f
wc -l < f
## stdout: 2

#### input redirection for a while loop
printf '1\n2\n3\n' > nums
sum=0
while read n; do sum=$((sum + n)); done < nums
echo $sum
## stdout: 6

#### redirection before the command name
> f echo front
cat f
## stdout: front

#### redirect-only command creates the file
> empty
[ -f empty ] && echo exists
## stdout: exists

#### file descriptor 3
exec 3> three
echo to-three >&3
exec 3>&-
cat three
## stdout: to-three

#### exec redirection of stdout
exec > all.out
echo a
echo b
exec >&2
cat all.out >&2
## STDOUT:
## END

#### duplicate input descriptor
printf 'line\n' > in
exec 4< in
read x <&4
echo $x
## stdout: line

#### builtin and external writes to the same file interleave
{ echo 1; sh -c 'echo 2'; echo 3; } > f
cat f
## STDOUT:
1
2
3
## END

#### here-string
cat <<< 'hello there'
## stdout: hello there

#### here-string with expansion
x=world
tr a-z A-Z <<< "hello $x"
## stdout: HELLO WORLD

#### read from a here-string
read a b <<< 'one two three'
echo "$a|$b"
## stdout: one|two three

#### redirect with a variable file name
f=name.txt
echo v > $f
cat name.txt
## stdout: v

#### a process inherits descriptor 3 from exec
exec 3> f
sh -c 'echo x >&3'
echo $?
exec 3>&-
cat f
## STDOUT:
0
x
## END

#### descriptors 3 to 9 reach an external command
exec 3>f3 4>f4 5>f5 6>f6 7>f7 8>f8 9>f9
sh -c 'for n in 3 4 5 6 7 8 9; do eval "echo fd\$n >&\$n"; done'
exec 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&-
cat f3 f4 f5 f6 f7 f8 f9
## STDOUT:
fd3
fd4
fd5
fd6
fd7
fd8
fd9
## END

#### an input descriptor from exec reaches an external command
printf 'one\ntwo\n' > in
exec 5< in
sh -c 'cat <&5'
exec 5<&-
## STDOUT:
one
two
## END

#### a descriptor given for one command only
sh -c 'echo only >&4' 4> f
cat f
## stdout: only

#### a closed descriptor is closed in the command
exec 3> f
sh -c 'echo x >&3' 3>&- 2>/dev/null
echo $?
## stdout: 2

#### a pipe end on descriptor 3 of a command in a pipeline
{ sh -c 'echo through-3 >&3' 3>&1 1>/dev/null; } | cat
## stdout: through-3

#### a process gets descriptor 3 through a duplication
exec 3> f
sh -c 'echo via-dup' >&3
exec 3>&-
cat f
## stdout: via-dup

#### append redirection on an external command
echo one > log
sh -c 'echo two' >> log
cat log
## STDOUT:
one
two
## END

#### read-write redirection creates the file
echo data 1<> rw
cat rw
## stdout: data

#### here-string to an external command in a pipeline
tr a-z A-Z <<< abc | rev
## stdout: CBA
