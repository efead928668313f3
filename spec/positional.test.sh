# Positional parameters, set and shift.

#### set -- sets the parameters
set -- a b c
echo $1 $2 $3 $#
## stdout: a b c 3

#### shift drops the first
set -- a b c
shift
echo $1 $#
## stdout: b 2

#### shift by two
set -- a b c
shift 2
echo $1 $#
## stdout: c 1

#### shift too far fails
set -- a
shift 2
echo $? $#
## stdout: 1 1

#### parameter ten needs braces
set -- 1 2 3 4 5 6 7 8 9 ten
echo ${10} $10
## stdout: ten 10

#### functions get their own parameters
set -- outer
f() { echo $1 $#; }
f inner x
echo $1
## STDOUT:
inner 2
outer
## END

#### set with no dash-dash
set x y
echo $2
## stdout: y

#### for without in loops over the parameters
set -- p q
for a; do echo $a; done
## STDOUT:
p
q
## END

#### dollar-star unquoted
set -- 'a b' c
echo $*
## stdout: a b c

#### number of parameters after set --
set --
echo $#
## stdout: 0
