# Bytes are bytes: whatever enters the shell comes out unchanged, in any locale (od shows them).

#### a Latin-1 script sourced keeps its byte (LC_ALL=C)
export LC_ALL=C
printf 'echo caf\351\n' > l1.sh
. ./l1.sh | od -An -c
## STDOUT:
   c   a   f 351  \n
## END

#### a Latin-1 script sourced keeps its byte (LC_ALL=C.UTF-8)
export LC_ALL=C.UTF-8
printf 'echo caf\351\n' > l1.sh
. ./l1.sh | od -An -c
## STDOUT:
   c   a   f 351  \n
## END

#### a stray byte in a comment of a sourced script (LC_ALL=C)
export LC_ALL=C
printf '# \377\377\necho ok\n' > s.sh
. ./s.sh
## STDOUT:
ok
## END

#### a stray byte in a comment of a sourced script (LC_ALL=C.UTF-8)
export LC_ALL=C.UTF-8
printf '# \377\377\necho ok\n' > s.sh
. ./s.sh
## STDOUT:
ok
## END

#### invalid UTF-8 through command substitution (LC_ALL=C)
export LC_ALL=C
x=$(printf 'a\377b\303')
echo "$x" | od -An -c
## STDOUT:
   a 377   b 303  \n
## END

#### invalid UTF-8 through command substitution (LC_ALL=C.UTF-8)
export LC_ALL=C.UTF-8
x=$(printf 'a\377b\303')
echo "$x" | od -An -c
## STDOUT:
   a 377   b 303  \n
## END

#### invalid UTF-8 through read (LC_ALL=C)
export LC_ALL=C
printf 'k\351y\376\n' > in
read -r v < in
echo "$v" | od -An -c
## STDOUT:
   k 351   y 376  \n
## END

#### invalid UTF-8 through read (LC_ALL=C.UTF-8)
export LC_ALL=C.UTF-8
printf 'k\351y\376\n' > in
read -r v < in
echo "$v" | od -An -c
## STDOUT:
   k 351   y 376  \n
## END

#### bytes through a here-document (LC_ALL=C)
export LC_ALL=C
v=$(printf '\351\200')
cat <<EOF | od -An -c
[$v]
EOF
## STDOUT:
   [ 351 200   ]  \n
## END

#### bytes through a here-document (LC_ALL=C.UTF-8)
export LC_ALL=C.UTF-8
v=$(printf '\351\200')
cat <<EOF | od -An -c
[$v]
EOF
## STDOUT:
   [ 351 200   ]  \n
## END

#### printf hex and octal escapes above 127 are single bytes (LC_ALL=C)
export LC_ALL=C
printf '\xe9\351\xff' | od -An -c
## STDOUT:
 351 351 377
## END

#### printf hex and octal escapes above 127 are single bytes (LC_ALL=C.UTF-8)
export LC_ALL=C.UTF-8
printf '\xe9\351\xff' | od -An -c
## STDOUT:
 351 351 377
## END

#### echo -e with an octal escape above 127 (LC_ALL=C)
export LC_ALL=C
echo -e 'a\0351' | od -An -c
## STDOUT:
   a 351  \n
## END

#### echo -e with an octal escape above 127 (LC_ALL=C.UTF-8)
export LC_ALL=C.UTF-8
echo -e 'a\0351' | od -An -c
## STDOUT:
   a 351  \n
## END

#### invalid UTF-8 as an argument of an external command (LC_ALL=C)
export LC_ALL=C
x=$(printf 'p\377q')
sh -c 'printf %s "$1"' sh "$x" | od -An -c
## STDOUT:
   p 377   q
## END

#### invalid UTF-8 as an argument of an external command (LC_ALL=C.UTF-8)
export LC_ALL=C.UTF-8
x=$(printf 'p\377q')
sh -c 'printf %s "$1"' sh "$x" | od -An -c
## STDOUT:
   p 377   q
## END

#### invalid UTF-8 in the environment of an external command (LC_ALL=C)
export LC_ALL=C
export V=$(printf 'v\376w')
sh -c 'printf %s "$V"' | od -An -c
## STDOUT:
   v 376   w
## END

#### invalid UTF-8 in the environment of an external command (LC_ALL=C.UTF-8)
export LC_ALL=C.UTF-8
export V=$(printf 'v\376w')
sh -c 'printf %s "$V"' | od -An -c
## STDOUT:
   v 376   w
## END

#### a file name made by touch and found by a glob (LC_ALL=C)
export LC_ALL=C
touch "$(printf 'f\351')" "$(printf 'g\303\251')"
echo f* g* | od -An -c
ls f* | od -An -c
## STDOUT:
   f 351       g 303 251  \n
   f 351  \n
## END

#### a file name made by touch and found by a glob (LC_ALL=C.UTF-8)
export LC_ALL=C.UTF-8
touch "$(printf 'f\351')" "$(printf 'g\303\251')"
echo f* g* | od -An -c
ls f* | od -An -c
## STDOUT:
   f 351       g 303 251  \n
   f 351  \n
## END

#### valid UTF-8 stays whole (LC_ALL=C)
export LC_ALL=C
x=$(printf '\303\251t\303\251')
echo "$x" | od -An -c
## STDOUT:
 303 251   t 303 251  \n
## END

#### valid UTF-8 stays whole (LC_ALL=C.UTF-8)
export LC_ALL=C.UTF-8
x=$(printf '\303\251t\303\251')
echo "$x" | od -An -c
## STDOUT:
 303 251   t 303 251  \n
## END

#### length counts bytes under C
export LC_ALL=C
x=$(printf 'a\303\251\377')
echo ${#x}
## stdout: 4

#### length counts characters under a UTF-8 locale
export LC_ALL=C.UTF-8
x=$(printf 'a\303\251\377')
echo ${#x}
## stdout: 3

#### every byte value but NUL through a variable and echo
i=1
all=
while [ $i -lt 256 ]; do
  all="$all$(printf "\\$(printf %o $i)")"
  i=$((i + 1))
done
x=$(printf '%s' "$all" | cat)
[ "$x" = "$all" ] && echo same
printf '%s' "$x" | od -An -tx1 | tr -s ' \n' '  ' | wc -w
## STDOUT:
same
254
## END

#### a file name with any bytes in redirections (LC_ALL=C)
export LC_ALL=C
n=$(printf 'r\351')
u=$(printf 'caf\303\251')
echo one > "$n"
echo two >> "$n"
echo u > "$u"
cat < "$n"
read -r x < "$n"
echo "read $x"
ls | od -An -c
## STDOUT:
one
two
read one
   c   a   f 303 251  \n   r 351  \n
## END

#### a file name with any bytes in redirections (LC_ALL=C.UTF-8)
export LC_ALL=C.UTF-8
n=$(printf 'r\351')
u=$(printf 'caf\303\251')
echo one > "$n"
echo two >> "$n"
echo u > "$u"
cat < "$n"
read -r x < "$n"
echo "read $x"
ls | od -An -c
## STDOUT:
one
two
read one
   c   a   f 303 251  \n   r 351  \n
## END
