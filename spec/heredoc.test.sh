# Here-documents.

#### simple here-document
cat <<EOF
line 1
line 2
EOF
## STDOUT:
line 1
line 2
## END

#### expansion in a here-document
x=42
cat <<EOF
x is $x and $((x + 1)) and $(echo sub)
EOF
## stdout: x is 42 and 43 and sub

#### quoted delimiter means no expansion
x=42
cat <<'EOF'
x is $x
EOF
## stdout: x is $x

#### backslash escapes in a here-document
cat <<EOF
a \$x b \\ c \y
EOF
## stdout: a $x b \ c \y

#### tabs stripped with dash
cat <<-EOF
	indented
		twice
	EOF
## STDOUT:
indented
twice
## END

#### here-document into a while loop
while read a b; do echo "$b $a"; done <<EOF
1 one
2 two
EOF
## STDOUT:
one 1
two 2
## END

#### here-document to a function
f() { cat; }
f <<EOF
to function
EOF
## stdout: to function

#### two here-documents on one line
cat <<A; cat <<B
first
A
second
B
## STDOUT:
first
second
## END

#### here-document in a pipeline
cat <<EOF | tr a-z A-Z
shout
EOF
## stdout: SHOUT

#### double quotes are literal in a here-document
cat <<EOF
"quoted" 'single'
EOF
## stdout: "quoted" 'single'

#### here-document on another descriptor
cat 3<<EOF <&3
from three
EOF
## stdout: from three
