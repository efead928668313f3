# Quoting and quote removal.

#### single quotes keep everything
echo 'a $b `c` \d "e"'
## stdout: a $b `c` \d "e"

#### double quotes expand parameters but keep spaces
x='1  2'
echo "[$x]"
## stdout: [1  2]

#### backslash in double quotes
echo "a\$b \"c\" \\ \x"
## stdout: a$b "c" \ \x

#### backslash escapes outside quotes
echo a\ b \$c \\d
## stdout: a b $c \d

#### adjacent quoted parts form one word
printf '<%s>\n' 'a'"b"c
## stdout: <abc>

#### empty quotes give an empty argument
printf '<%s>\n' '' ""
## STDOUT:
<>
<>
## END

#### unquoted empty variable gives no argument
e=
printf '<%s>\n' $e x
## stdout: <x>

#### quoted empty variable gives an empty argument
e=
printf '<%s>\n' "$e" x
## STDOUT:
<>
<x>
## END

#### line continuation
echo a\
b
## stdout: ab

#### comment after a word
echo a # b c
## stdout: a

#### a hash inside a word is not a comment
echo a#b
## stdout: a#b

#### dollar sign alone is literal
echo $ "$" a$
## stdout: $ $ a$

#### single quote inside double quotes
echo "it's"
## stdout: it's

#### double quote inside single quotes
echo 'say "hi"'
## stdout: say "hi"
