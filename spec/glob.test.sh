# Pathname expansion.

#### star matches files sorted
touch b.txt a.txt c.log
echo *.txt
## stdout: a.txt b.txt

#### no match keeps the pattern
echo *.none
## stdout: *.none

#### question mark
touch a1 a2 a10
echo a?
## stdout: a1 a2

#### bracket expression
touch a1 a2 a3
echo a[13]
## stdout: a1 a3

#### negated bracket expression
touch a1 a2 a3
echo a[!1]
## stdout: a2 a3

#### range in brackets
touch x1 x5 x9
echo x[2-6]
## stdout: x5

#### hidden files need an explicit dot
touch .hidden visible
echo *
echo .h*
## STDOUT:
visible
.hidden
## END

#### quoted star is literal
touch a b
echo "*" '*'
## stdout: * *

#### glob in a directory
mkdir -p d/e
touch d/one d/two
echo d/*
## stdout: d/e d/one d/two

#### glob across directories
mkdir -p p/x p/y
touch p/x/f p/y/f
echo p/*/f
## stdout: p/x/f p/y/f

#### glob from a variable is expanded
touch m1 m2
p='m*'
echo $p
## stdout: m1 m2

#### quoted variable is not globbed
touch m1 m2
p='m*'
echo "$p"
## stdout: m*

#### set -f disables globbing
touch q1
set -f
echo q*
## stdout: q*

#### character class
touch A1 b2
echo [[:upper:]]*
## stdout: A1

#### glob results are separate words
touch 'sp ace' other
for f in sp*; do echo "[$f]"; done
## stdout: [sp ace]

#### escaped star is literal
touch ab
echo a\*
## stdout: a*
