# bash's indexed and associative arrays, PIPESTATUS as an array.

#### an indexed array: elements, count, keys
a=(one "two words" three)
echo "${a[0]}" "${a[1]}" ${#a[@]}
printf '<%s>' "${a[@]}"; echo
printf '<%s>' ${a[@]}; echo
printf '<%s>' "${a[*]}"; echo
echo ${!a[@]}
echo $a
## STDOUT:
one two words 3
<one><two words><three>
<one><two><words><three>
<one two words three>
0 1 2
one
## END

#### elements by index, negative index, arithmetic in the subscript
a=(a b c d)
i=1
echo ${a[i]} ${a[$i+1]} ${a[-1]} ${a[i*3]}
a[5]=f
echo ${#a[@]} ${!a[@]}
echo "[${a[4]}]"
## STDOUT:
b c d d
5 0 1 2 3 5
[]
## END

#### += appends to an array and to a string
a=(1 2)
a+=(3 "4 5")
echo ${#a[@]} "${a[3]}"
s=ab; s+=cd; echo $s
a[0]+=x; echo ${a[0]}
## STDOUT:
4 4 5
abcd
1x
## END

#### unset of an element and of the array
a=(1 2 3)
unset 'a[1]'
echo ${#a[@]} ${!a[@]}
unset a
echo "[${a[@]}]" ${#a[@]}
## STDOUT:
2 0 2
[] 0
## END

#### array from a command's words, and in a for loop
a=($(echo x y z))
for e in "${a[@]}"; do echo "-$e"; done
## STDOUT:
-x
-y
-z
## END

#### an empty array expands to no field
a=()
set -- "${a[@]}"
echo $# ${#a[@]}
## stdout: 0 0

#### associative arrays
declare -A m
m[one]=1
m["two words"]=2
k=three; m[$k]=3
echo ${m[one]} ${m["two words"]} ${m[three]} ${#m[@]}
for k in "${!m[@]}"; do echo "$k=${m[$k]}"; done | sort
## STDOUT:
1 2 3 3
one=1
three=3
two words=2
## END

#### an associative array from a list of [key]=value
declare -A m=([a]=1 [b]="2 3")
echo "${m[b]}" ${m[a]}
m+=([c]=4)
echo ${#m[@]}
## STDOUT:
2 3 1
3
## END

#### slices and operators on every element
a=(apple banana cherry)
echo "${a[@]:1}"
echo "${a[@]:0:2}"
echo "${a[@]^}"
echo "${a[@]/a/A}"
echo "${#a[1]}"
## STDOUT:
banana cherry
apple banana
Apple Banana Cherry
Apple bAnana cherry
6
## END

#### declare -a and local arrays in a function
f() {
  local -a arr=(x y)
  arr+=(z)
  echo "${arr[@]}"
}
f
declare -a g=(1 2)
echo ${g[1]}
## STDOUT:
x y z
2
## END

#### read -a splits a line into an array
read -r -a parts <<< "a b  c"
echo ${#parts[@]} ${parts[2]}
## stdout: 3 c

#### mapfile and readarray read lines into an array
printf 'l1\nl2\nl3\n' > f
mapfile -t lines < f
echo ${#lines[@]} "${lines[1]}"
readarray arr < f
printf '%s' "${arr[0]}"
mapfile -t -n 2 two < f; echo ${#two[@]}
## STDOUT:
3 l2
l1
2
## END

#### PIPESTATUS holds each stage's status
true | false | (exit 3)
s=("${PIPESTATUS[@]}")
echo ${s[@]}
false | true
echo ${PIPESTATUS[0]}
## STDOUT:
0 1 3
1
## END

#### declare -p shows arrays
a=(1 "b c")
declare -p a
declare -A m=([k]=v)
declare -p m
## STDOUT:
declare -a a=([0]="1" [1]="b c")
declare -A m=([k]="v" )
## END
