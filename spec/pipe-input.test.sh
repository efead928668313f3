# A command inside a compound stage (subshell, group, function, loop) whose input is a pipe reads
# the pipe itself, exactly as after a fork: the shell reads nothing ahead of it.

#### subshell reading a pipe after a delay
seq 1000000 | (sleep 0.5; head -n 1)
## stdout: 1

#### every byte reaches a command in a subshell
yes abcdefghij | head -c 5000000 | (sleep 1; wc -c)
## stdout: 5000000

#### brace group
seq 100000 | { sleep 0.2; head -n 1; }
## stdout: 1

#### function
f() { sleep 0.2; head -n 1; }
seq 100000 | f
## stdout: 1

#### while loop: read takes one line, the command the next
seq 100000 | while read x; do echo "$x"; head -n 1; break; done
## STDOUT:
1
2
## END

#### builtins then a process on one pipe
printf 'a\nb\nc\nd\n' | { read x; read y; echo "$x$y"; cat; }
## STDOUT:
ab
c
d
## END

#### a process, then a builtin, in one group
printf '1\n2\n3\n' | { head -n 1 > /dev/null; cat; } | wc -l
## stdout: 0

#### command substitution of a compound stage reading a pipe
x=$(seq 100000 | (sleep 0.2; head -n 1))
echo "$x"
## stdout: 1

#### a builtin's output piped to a subshell's command
echo hello | (sleep 0.2; tr a-z A-Z)
## stdout: HELLO

#### a subshell's output read by a process and a builtin
(seq 3; sleep 0.1; seq 4 5) | { read a; echo "first $a"; cat; }
## STDOUT:
first 1
2
3
4
5
## END
