# Tilde expansion.

#### tilde is HOME
HOME=/my/home
echo ~
## stdout: /my/home

#### tilde with a path
HOME=/my/home
echo ~/x/y
## stdout: /my/home/x/y

#### quoted tilde is literal
HOME=/my/home
echo "~" '~'
## stdout: ~ ~

#### tilde in the middle of a word is literal
HOME=/my/home
echo a~
## stdout: a~

#### tilde of root user
echo ~root
## stdout: /root

#### tilde in an assignment value
HOME=/my/home
x=~/bin
echo $x
## stdout: /my/home/bin
