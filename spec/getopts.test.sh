# getopts: option parsing, one option per call.

#### options, grouped options and arguments
set -- -a -b val -cd -e x rest
while getopts "ab:cde:" o; do echo "$o ${OPTARG-}"; done
echo "OPTIND=$OPTIND"
shift $((OPTIND - 1))
echo "$@"
## STDOUT:
a 
b val
c 
d 
e x
OPTIND=7
rest
## END

#### an argument attached to its option
set -- -abfoo -- -c
while getopts "ab:c" o; do echo "$o ${OPTARG-}"; done
echo $OPTIND
## STDOUT:
a 
b foo
3
## END

#### silent mode reports unknown options and missing arguments
set -- -x -b
while getopts ":ab:" o; do echo "$o $OPTARG"; done
## STDOUT:
? x
: b
## END

#### an unknown option without silent mode
set -- -x
getopts "a" o 2>/dev/null
echo "$o $? ${OPTARG-unset}"
## stdout: ? 0 unset

#### arguments given to getopts instead of the parameters
while getopts "n:" o -n 5 file; do echo "$o=$OPTARG"; done
echo $OPTIND
## STDOUT:
n=5
3
## END

#### a local OPTIND starts over in each call
f() { local OPTIND; while getopts "v" o; do echo "f:$o"; done; }
f -v
f -v
## STDOUT:
f:v
f:v
## END

#### the first non-option ends the parsing
set -- a -b
getopts b o
echo $? $o $OPTIND
## stdout: 1 ? 1
