# bash's expansions: brace expansion, ${x/p/r} and friends, ${!name}, and the special variables.

#### brace expansion: lists, nesting, sequences
echo {a,b}{1,2} x{1..3}y {c..a} {01..10..3}
echo "{a,b}" {a} {} a{b,"c d"}e {a,{b,c}}
for i in {3..1}; do echo -n $i; done; echo
## STDOUT:
a1 a2 b1 b2 x1y x2y x3y c b a 01 04 07 10
{a,b} {a} {} abe ac de a b c
321
## END

#### brace expansion happens before the other expansions
x=X
echo {"$x",y}1 {a,b}$x
## stdout: X1 y1 aX bX

#### ${x/p/r} ${x//p/r} ${x/#p/r} ${x/%p/r}
x=hello.world.txt
echo ${x/o/0} ${x//o/0} ${x/#hello/HI} ${x/%txt/md} ${x//[.]/_} ${x/nomatch/z}
y='a b a'
echo "${y// /-}" "${y//a}"
## STDOUT:
hell0.world.txt hell0.w0rld.txt HI.world.txt hello.world.md hello_world_txt hello.world.txt
a-b-a  b 
## END

#### ${x:offset:length}
x=abcdefg
echo ${x:2} ${x:2:3} ${x: -3} ${x: -3:2} ${x:1:-2} "[${x:10}]"
set -- one two three four
echo ${@:2} ${@:2:2} ${@: -1}
## STDOUT:
cdefg cde efg ef bcde []
two three four two three four
## END

#### case conversion
x='hello World'
echo ${x^^} ${x,,} ${x^} "${x,}"
## stdout: HELLO WORLD hello world Hello World hello World

#### ${!name} is indirection
name=target; target=value
echo ${!name}
ref='a[1]'; a=(x y)
echo ${!ref}
## STDOUT:
value
y
## END

#### printf -v assigns instead of printing
printf -v out '%s-%03d' a 7
echo $out
printf -v 'arr[2]' %s elem
echo ${arr[2]}
## STDOUT:
a-007
elem
## END

#### $RANDOM $SECONDS $BASHPID $LINENO
[[ $RANDOM =~ ^[0-9]+$ ]] && echo random
[[ $SECONDS -lt 100 ]] && echo seconds
[[ $BASHPID == $$ ]] && echo bashpid
echo $LINENO
## STDOUT:
random
seconds
bashpid
4
## END

#### shopt nullglob, failglob, dotglob, globstar
mkdir -p d/e; touch d/x.txt d/e/y.txt d/.h
cd d
echo *
shopt -s dotglob; echo *
shopt -s nullglob; echo none* end
shopt -u nullglob dotglob
shopt -s globstar; echo **/*.txt
shopt globstar; shopt -q nullglob; echo $?
shopt -s failglob
echo none*
echo next
## STDOUT:
e x.txt
.h e x.txt
end
e/y.txt x.txt
globstar       	on
1
next
## END

#### trap EXIT and ERR, listing and resetting
trap 'echo exiting $?' EXIT
trap 'echo failed' ERR
false
trap
trap - ERR
false
trap -p EXIT
exit 3
## status: 3
## STDOUT:
failed
trap -- 'echo exiting $?' EXIT
trap -- 'echo failed' ERR
trap -- 'echo exiting $?' EXIT
exiting 3
## END

#### trap by signal name and number
trap 'echo int' INT
trap 'echo term' 15
trap -- '' SIGHUP
trap
trap - INT TERM HUP
trap
## STDOUT:
trap -- '' SIGHUP
trap -- 'echo int' SIGINT
trap -- 'echo term' SIGTERM
## END

#### an EXIT trap in a subshell runs when the subshell ends
( trap 'echo sub-exit' EXIT; echo in-sub )
echo after
## STDOUT:
in-sub
sub-exit
after
## END

#### umask shows and sets the mask; a subshell's does not leak
umask 022
umask
(umask 077; umask)
umask
umask 027; touch f; ls -l f | cut -c1-10
## STDOUT:
0022
0077
0022
-rw-r-----
## END

#### extended patterns (shopt -s extglob) in case, [[ ]] and pathnames
shopt -s extglob
touch x.txt y.txt a.md b.c
echo !(x).txt
echo *.@(txt|md)
echo *.!(txt|md)
case foo.c in *.@(c|h)) echo source;; esac
[[ aaa == +(a) ]] && echo plus
[[ b == ?(a)b ]] && echo optional
[[ abc == !(abc) ]] || echo negated
echo "@(quoted)" a+b c@d
## STDOUT:
y.txt
a.md x.txt y.txt
b.c
source
plus
optional
negated
@(quoted) a+b c@d
## END

#### an empty pattern with /# or /% adds to each element; case conversion of matching characters
a=(x y)
echo "${a[@]/#/-I}" "${a[@]/%/.c}"
s=path/file
echo "${s^^[aeiou]}" "${s^[p]}"
## STDOUT:
-Ix -Iy x.c y.c
pAth/fIlE Path/file
## END

#### ${x@Q} ${x@U} ${x@L} ${x@u} ${x@E} ${x@a} and ${!prefix*}
x="it's"; y='a\tb'; declare -i n=1
echo "${x@Q}" "${x@U}" "${x@u}" "${x@L}" "${n@a}"
echo "${y@E}" | od -An -c
PFX_A=1; PFX_B=2
echo ${!PFX_*}
for v in "${!PFX_@}"; do echo "$v"; done
## STDOUT:
'it'\''s' IT'S It's it's i
   a  \t   b  \n
PFX_A PFX_B
PFX_A
PFX_B
## END

#### printf %q quotes for reuse as bash does
printf '%q\n' "a b" "it's" '' 'x$y' "$(printf 'a\tb')"
## STDOUT:
a\ b
it\'s
''
x\$y
$'a\tb'
## END
