# The command line as sh and bash read it ($SH is the shell under test). docs/invocation.md.

#### -c takes a name and arguments after the text
$SH -c 'echo "$0|$1|$#"' name a b
## stdout: name|a|2

#### -c is a flag: options may follow it and group with it
$SH -c -e 'false; echo no'; echo "status $?"
$SH -ec 'echo yes; false; echo no'
## STDOUT:
status 1
yes
## END
## status: 1

#### -s reads the commands from standard input, the arguments are positional
echo 'echo "$1-$2-$#"' | $SH -s x y
## stdout: x-y-2

#### a script file with its arguments; options after the file are the script's
printf 'echo "$1 $#"\n' > s.sh
$SH s.sh -x two
## stdout: -x 2

#### - and -- end the options
printf 'echo "[$1]"\n' > ./-e
$SH -- -e one
$SH - -e two
## STDOUT:
[one]
[two]
## END

#### each o of a group takes the next argument in turn
$SH -oo errexit noglob -c 'echo /*; false; echo no'; echo "status $?"
## STDOUT:
/*
status 1
## END

#### set letters group with o, and + turns an option off
$SH -euo pipefail -c 'false | true; echo no'; echo "status $?"
$SH -e +e -c 'false; echo on'
$SH +o noglob -o noglob -c 'echo /*'
## STDOUT:
status 1
on
/*
## END

#### -n reads the commands but does not run them
$SH -n -c 'echo not run; touch made'; echo "status $?"
test -e made || echo "nothing made"
$SH -n -c 'if' 2>/dev/null; echo "status $?"
## STDOUT:
status 0
nothing made
status 2
## END

#### an interactive shell runs its rc file first
printf 'greet() { echo "hi $1"; }\n' > my.rc
$SH --rcfile my.rc -i -c 'greet there' 2>/dev/null
$SH --norc -i -c 'type greet >/dev/null 2>&1 || echo "no rc"' 2>/dev/null
## STDOUT:
hi there
no rc
## END

#### a login shell reads ~/.profile
printf 'from_profile=yes\n' > .profile
HOME=$PWD $SH -l -c 'echo "[$from_profile]"'
HOME=$PWD $SH -c 'echo "[$from_profile]"'
## STDOUT:
[yes]
[]
## END

#### an invalid option is status 2
$SH -q -c true 2>/dev/null; echo "status $?"
$SH -o nosuchoption -c true 2>/dev/null; echo "status $?"
## STDOUT:
status 2
status 2
## END
