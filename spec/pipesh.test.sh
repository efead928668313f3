# pipesh's own commands: explain and help. bash has neither (N-I).

#### explain a pipeline of local commands
explain 'cat /etc/hostname | tr a-z A-Z | wc -c'
## STDOUT:
pipeline: cat /etc/hostname | tr a-z A-Z | wc -c
  1. local command /usr/bin/cat argv=[cat, /etc/hostname]
  | OS pipe (same host)
  2. local command /usr/bin/tr argv=[tr, a-z, A-Z]
  | OS pipe (same host)
  3. local command /usr/bin/wc argv=[wc, -c]
## END
## N-I bash stdout-json: ""
## N-I bash status: 127

#### explain a builtin joined to a function with redirections
f() { cat; }
explain 'echo hi 2>&1 | f > out.txt'
## STDOUT:
pipeline: echo hi 2>&1 | f > out.txt
  1. builtin echo argv=[echo, hi] redirects=[2>&1]
  | in-process pipe
  2. function f argv=[f] redirects=[1>out.txt]
## END
## N-I bash stdout-json: ""
## N-I bash status: 127

#### explain does not run anything
explain 'touch created'
[ -e created ] || echo not-created
## STDOUT:
pipeline: touch created
  1. local command /usr/bin/touch argv=[touch, created]
not-created
## END
## N-I bash STDOUT:
not-created
## END

#### explain expands words
x=value
explain 'echo $x *.none'
## STDOUT:
pipeline: echo $x *.none
  1. builtin echo argv=[echo, value, *.none]
## END
## N-I bash stdout-json: ""
## N-I bash status: 127

#### explain a compound command and an and-list
explain 'while true; do :; done && nosuch'
## STDOUT:
pipeline: while true; do :; done
  1. compound command: while true; do :; done
then, if it succeeded (&&):
pipeline: nosuch
  1. not found nosuch
## END
## N-I bash stdout-json: ""
## N-I bash status: 127

#### help for one builtin
help cd | head -n 2
## STDOUT:
cd: cd [-L|-P] [DIR]
    change the working directory (DIR - : the previous one)
## END
## N-I bash STDOUT:
cd: cd [-L|[-P [-e]] [-@]] [dir]
    Change the shell working directory.
## END

#### every builtin of the issue has help
for b in cd pwd echo printf read test [ true false exit return export unset readonly local set shift source . eval type command jobs fg bg wait kill history help explain; do
  help $b > /dev/null || echo "no help for $b"
done
echo checked
## stdout: checked
## N-I bash STDOUT:
no help for explain
checked
## END

#### a builtin with --help prints its usage
shift --help | head -n 1
## stdout: usage: shift [N]
## N-I bash stdout: shift: shift [n]

#### errors are reported with their location
echo ok
echo $((1/0))
## stdout: ok
## status: 1
## stderr: -c:2:6: 1/0: division by 0 (error token is "0")
## OK bash stderr: bash: line 2: 1/0: division by 0 (error token is "0")
## OK bash status: 1
