# The first cases: what every shell must do before anything else.

#### echo a word
echo hello
## stdout: hello

#### exit status of false
false
## status: 1

#### a pipeline of local commands
printf 'b\na\n' | sort | head -n 1
## stdout: a

#### variables and quotes
x='a  b'
echo "$x" $x
## stdout: a  b a b
