# read's bash options: -t -n -d -s -p -r -a.

#### read -n reads so many characters, -d up to another delimiter
read -n 3 a <<< "abcdef"
read -d , b <<< "one,two"
echo "$a $b"
## stdout: abc one

#### read -r keeps backslashes, -s and -p are accepted (the prompt goes to standard error)
read -r -s -p 'prompt> ' line <<< 'a\b c'
echo "[$line]"
## stdout: [a\b c]

#### read -t gives up after the timeout with status > 128
read -t 0.2 x < <(sleep 2; echo late)
echo "$? [$x]"
read -t 5 y < <(echo quick)
echo "$? [$y]"
## STDOUT:
142 []
0 [quick]
## END

#### read -a with IFS
IFS=, read -r -a fields <<< "a,b,,d"
echo ${#fields[@]} "${fields[3]}"
## stdout: 4 d

#### options grouped: -ra NAME, -rn1
IFS=- read -ra parts <<< "a-b-c"
read -rn1 first <<< "xyz"
echo "${parts[2]} $first"
## stdout: c x
