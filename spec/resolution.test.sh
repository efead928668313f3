# Command resolution: function, builtin, then PATH; 127 and 126.

#### command not found
nosuchcommand
echo $?
## stdout: 127

#### not found message
# the issue fixes pipesh's wording; bash adds its location
nosuchcommand 2>&1
## stdout: pipesh: nosuchcommand: command not found
## status: 127
## OK bash stdout: bash: line 2: nosuchcommand: command not found

#### not executable
echo 'echo hi' > script
chmod -x script
./script 2>/dev/null
echo $?
## stdout: 126

#### executable script with a shebang
printf '#!/bin/sh\necho from-script\n' > s.sh
chmod +x s.sh
./s.sh
## stdout: from-script

#### missing path
./nosuch 2>/dev/null
echo $?
## stdout: 127

#### directory is not executable
mkdir d
./d 2>/dev/null
echo $?
## stdout: 126

#### PATH lookup follows the variable
mkdir bin
printf '#!/bin/sh\necho mine\n' > bin/mycmd
chmod +x bin/mycmd
PATH=$PWD/bin:$PATH
mycmd
## stdout: mine

#### function before builtin
cd() { echo my-cd; }
cd /
## stdout: my-cd

#### builtin before PATH
type -t echo
## stdout: builtin

#### exit status of an external command
sh -c 'exit 42'
echo $?
## stdout: 42

#### external command sees the working directory
mkdir here
cd here
sh -c 'basename "$PWD"'
/bin/pwd | sed 's|.*/||'
## STDOUT:
here
here
## END

#### arguments with spaces reach the command intact
sh -c 'for a; do echo "[$a]"; done' sh 'a b' '' c
## STDOUT:
[a b]
[]
[c]
## END

#### a command's own messages name it as typed
cat /nonexistent 2>&1
## stdout: cat: /nonexistent: No such file or directory
## status: 1

#### unset PATH finds nothing
unset PATH
ls 2>/dev/null
echo $?
## stdout: 127
