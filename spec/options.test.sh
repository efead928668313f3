# set -e, -u, -x and errors.

#### errexit stops at a failing command
set -e
echo a
false
echo b
## stdout: a
## status: 1

#### errexit ignores a failing condition
set -e
if false; then echo no; fi
while false; do :; done
echo survived
## stdout: survived

#### errexit ignores the left side of and-or
set -e
false && echo no
false || echo yes
echo end
## STDOUT:
yes
end
## END

#### errexit ignores negated commands
set -e
! true
echo end
## stdout: end

#### errexit on the last command of an and list
set -e
true && false
echo not reached
## status: 1

#### errexit with a failing subshell
set -e
(false)
echo not reached
## status: 1

#### errexit inside a function
set -e
f() { false; echo not reached; }
f
## status: 1

#### set +e turns it off
set -e
set +e
false
echo still
## stdout: still

#### nounset on an unset variable exits the shell
set -u
echo $nosuch
echo not reached
## status: 127

#### nounset allows defaults
set -u
echo ${nosuch:-default}
## stdout: default

#### nounset allows dollar-at with no parameters
set -u
set --
echo "[$@]"
## stdout: []

#### xtrace prints commands to stderr
set -x
echo traced 2>/dev/null
## stdout: traced

#### xtrace output
{ set -x; echo hi; } 2> trace
set +x
grep -c 'echo hi' trace
## STDOUT:
hi
1
## END

#### set -o shows options
set -o errexit
case $- in *e*) echo on;; esac
## stdout: on

#### dollar-dash reflects options
set -u
case $- in *u*) echo u-on;; esac
## stdout: u-on

#### exit status of a script is the last command
true
false
## status: 1

#### exit with a status
exit 7
## status: 7

#### exit with no argument uses the last status
false
exit
## status: 1

#### LINENO
echo $LINENO
f() {
  echo $LINENO
}
f
## STDOUT:
1
3
## END

#### set -n reads but does not run
set -n
echo not run
## stdout-json: ""

#### set -v shows lines as they are read
set -v
echo shown 2>/dev/null
## stdout: shown
## stderr: echo shown 2>/dev/null

#### nounset message names a positional parameter
# both name $1; the location is written in each shell's own style
set -u
f() { echo $1; }
f 2>&1 | sed 's/^[^:]*://'
echo after
## STDOUT:
3:12: $1: unbound variable
after
## END
## OK bash STDOUT:
 line 3: $1: unbound variable
after
## END
